import { byId, el } from '../dom';
import {
  DICTIONARIES,
  HTML_LANG,
  isLanguage,
  LANGUAGE_NAMES,
  LANGUAGES,
  type Language,
  type MessageKey,
  rememberLanguage,
  setLanguage,
  t,
} from '../i18n/index';
import { type DrillStore, watch } from '../store';

/** Whether a string is a key of the dictionaries (index.html names them in data-i18n attributes). */
const isKey = (key: string | undefined): key is MessageKey => key !== undefined && Object.hasOwn(DICTIONARIES.en, key);

/** The texts index.html marks with data-i18n (text), data-i18n-title and data-i18n-aria-label, in the current language. */
export function translateStaticTexts(root: ParentNode = document): void {
  for (const node of root.querySelectorAll<HTMLElement>('[data-i18n], [data-i18n-title], [data-i18n-aria-label]')) {
    const { i18n, i18nTitle, i18nAriaLabel } = node.dataset;
    if (isKey(i18n)) node.textContent = t(i18n);
    if (isKey(i18nTitle)) node.title = t(i18nTitle);
    if (isKey(i18nAriaLabel)) node.setAttribute('aria-label', t(i18nAriaLabel));
  }
}

/** Switch the interface language now and for the next visit. */
export function switchLanguage(store: DrillStore, next: Language): void {
  setLanguage(next);
  rememberLanguage(safeLocalStorage(), next);
  store.setState({ language: next });
}

/** localStorage, or null where the browser blocks it. */
export function safeLocalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** The language menu in the top bar; every panel re-renders from the store's `language`. */
export function mountLanguageSwitch(store: DrillStore): void {
  const select = byId<HTMLSelectElement>('language');
  for (const lang of LANGUAGES) select.append(el('option', { text: LANGUAGE_NAMES[lang], attrs: { value: lang, lang: HTML_LANG[lang] } }));
  select.addEventListener('change', () => {
    select.blur();
    if (isLanguage(select.value)) switchLanguage(store, select.value);
  });
  watch(
    store,
    (s) => s.language,
    (lang) => {
      setLanguage(lang);
      select.value = lang;
      document.documentElement.lang = HTML_LANG[lang];
      translateStaticTexts();
    },
  );
}

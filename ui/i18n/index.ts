import { en, type MessageKey } from './en';
import { zh } from './zh';

export type { MessageKey } from './en';

/** Languages of the interface: English and Simplified Chinese. */
export const LANGUAGES = ['en', 'zh'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DICTIONARIES: Record<Language, Record<MessageKey, string>> = { en, zh };
/** What each language calls itself, for the switch. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', zh: '中文' };
/** The `lang` attribute of the page for each language. */
export const HTML_LANG: Record<Language, string> = { en: 'en', zh: 'zh-CN' };

const STORAGE_KEY = 'resilience-drill.language';

let current: Language = 'en';

/** Whether a string names a language of the interface. */
export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language texts are given in now. */
export function language(): Language {
  return current;
}

/** Switch the language of `t`; the page re-renders from the store's `language`. */
export function setLanguage(next: Language): void {
  current = next;
}

/**
 * The interface text for `key` in the current language, with `{name}` placeholders filled from `params`.
 * @example t('safe.count', { safe: '12', residents: '36', percent: 33 })
 */
export function t(key: MessageKey, params: Record<string, string | number> = {}): string {
  const template = DICTIONARIES[current][key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : whole));
}

/** The language remembered in `storage`, else the browser's preference (Chinese for zh-*), else English. */
export function rememberedLanguage(storage: Pick<Storage, 'getItem'> | null, preferred: readonly string[] = []): Language {
  let stored: string | null = null;
  try {
    stored = storage?.getItem(STORAGE_KEY) ?? null;
  } catch {
    // Storage may be blocked (private mode, policies): fall back to the browser's preference.
  }
  if (isLanguage(stored)) return stored;
  return preferred[0]?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

/** Remember the choice for the next visit; a blocked storage only loses the memory. */
export function rememberLanguage(storage: Pick<Storage, 'setItem'> | null, choice: Language): void {
  try {
    storage?.setItem(STORAGE_KEY, choice);
  } catch {
    // Nothing to do: the page still switches.
  }
}

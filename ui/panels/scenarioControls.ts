import { byId, el } from '../dom';
import type { DrillController } from '../drillController';
import { t } from '../i18n/index';
import { type DrillStore, watch, watchText } from '../store';

/** Seeds are unsigned 32-bit integers in the simulation. */
const MAX_SEED = 0xffffffff;

/** Parse the seed field; null when it is not a whole number in range. */
export function parseSeed(value: string): number | null {
  const trimmed = value.trim();
  if (!/^\d+$/.test(trimmed)) return null;
  const seed = Number(trimmed);
  return seed <= MAX_SEED ? seed : null;
}

/** Scenario title, "Open scenario…", strategy and seed. Changing strategy or seed starts the run again. */
export function mountScenarioControls(store: DrillStore, drill: DrillController): void {
  const title = byId<HTMLHeadingElement>('scenario-title');
  const source = byId<HTMLSpanElement>('scenario-source');
  const open = byId<HTMLButtonElement>('open-scenario');
  const fileInput = byId<HTMLInputElement>('scenario-file');
  const strategy = byId<HTMLSelectElement>('strategy');
  const seed = byId<HTMLInputElement>('seed');
  const notice = byId<HTMLDivElement>('notice');

  open.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    // Clear the choice so picking the same (fixed) file again fires `change` again.
    fileInput.value = '';
    if (file) await drill.openFile(file);
  });

  // After a choice, hand the keyboard back to the shortcuts (Space would otherwise reopen the list).
  strategy.addEventListener('change', () => {
    strategy.blur();
    drill.reload({ strategy: strategy.value });
  });

  seed.addEventListener('change', () => {
    seed.blur();
    const parsed = parseSeed(seed.value);
    if (parsed === null) {
      drill.notify(t('seed.invalid', { max: MAX_SEED, seed: drill.seed }));
      seed.value = String(drill.seed);
      return;
    }
    drill.reload({ seed: parsed });
  });

  watchText(
    store,
    (s) => s.info,
    (info) => {
      title.textContent = info ? info.title : t('scenario.loading');
      title.title = info ? info.title : '';
      document.title = info ? `${info.title} · ${t('app.name')}` : t('app.name');
      strategy.replaceChildren();
      if (!info) return;
      if (info.strategies.length === 0) strategy.append(el('option', { text: t('strategy.none'), attrs: { value: '' } }));
      for (const s of info.strategies) strategy.append(el('option', { text: s.name, attrs: { value: s.id } }));
      strategy.value = info.strategy ?? '';
      strategy.disabled = info.strategies.length === 0 || store.getState().drill !== null;
      seed.value = String(info.seed);
    },
  );
  // A drill's record names its scenario, strategy and seed: changing them would leave the record behind.
  watch(
    store,
    (s) => s.drill !== null,
    (inDrill) => {
      strategy.disabled = inDrill || (store.getState().info?.strategies.length ?? 0) === 0;
      seed.disabled = inDrill;
      open.disabled = inDrill;
      const why = inDrill ? t('drill.locked') : '';
      for (const control of [strategy, seed, open]) control.title = why;
    },
  );
  watch(
    store,
    (s) => s.source,
    (name) => {
      source.textContent = name;
    },
  );
  watch(
    store,
    (s) => s.notice,
    (text) => {
      notice.textContent = text ?? '';
      notice.hidden = !text;
    },
  );
}

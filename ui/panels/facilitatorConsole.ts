import { type Command, type InjectCondition, type InjectView, SHARE_INJECT_METRICS } from '../../sim/index';
import type { LoadedInfo } from '../../workers/simHost';
import { byId, el } from '../dom';
import { type CommandForm, LIVE_INJECT_FORMS } from '../drill/commandForms';
import type { DrillSession } from '../drill/drillSession';
import { formatClock, formatShare } from '../format';
import { type MessageKey, t } from '../i18n/index';
import { type DrillState, type DrillStore, watchText } from '../store';
import { formFor } from './commandPanel';

/** The delays the console offers, s. */
const DELAYS_S = [60, 300] as const;
/** How far the facilitator may jump ahead at once, s. */
const JUMPS_S = [60, 300, 900] as const;

const placeName = (info: LoadedInfo, id: string) => info.places.find((p) => p.id === id)?.name ?? id;

/** A condition in the facilitator's words, with place names from the scenario. */
export function conditionWords(condition: InjectCondition, info: LoadedInfo, injects: readonly InjectView[]): string {
  const forS = 'forS' in condition && condition.forS > 0 ? ` ${t('inject.forS', { seconds: condition.forS })}` : '';
  switch (condition.kind) {
    case 'crowding': {
      const where = condition.rect ? t('inject.cells', { ...condition.rect }) : placeName(info, condition.place ?? '');
      return `${t('inject.crowding', { where, density: condition.abovePersonsPerM2 })}${forS}`;
    }
    case 'metric': {
      const isShare = (SHARE_INJECT_METRICS as readonly string[]).includes(condition.metric);
      const value = (v: number) => (isShare ? formatShare(v) : String(v));
      const metric = t(`metric.${condition.metric}` as MessageKey);
      const parts = [
        ...(condition.atLeast !== undefined ? [t('inject.atLeast', { metric, value: value(condition.atLeast) })] : []),
        ...(condition.atMost !== undefined ? [t('inject.atMost', { metric, value: value(condition.atMost) })] : []),
      ];
      return `${parts.join(t('inject.and'))}${forS}`;
    }
    case 'phase':
      return t('inject.phase', { phase: t(`phase.${condition.phase}` as MessageKey) });
    case 'stillHome':
      return t('inject.stillHome', {
        share: formatShare(condition.shareAtLeast),
        zone: condition.zone === 'all' ? t('option.wholeCommunity') : placeName(info, condition.zone),
      });
    case 'after': {
      const other = injects.find((i) => i.id === condition.inject);
      return t('inject.after', { delay: formatClock(condition.afterS), inject: other?.title ?? condition.inject });
    }
  }
}

/** When a pending inject fires, in words: its time, its condition from a time, its condition, or the facilitator. */
function whenWords(inject: InjectView, info: LoadedInfo, injects: readonly InjectView[]): string {
  const condition = inject.condition ? conditionWords(inject.condition, info, injects) : null;
  if (condition && inject.dueS !== null) return t('inject.fromWhen', { time: formatClock(inject.dueS), condition });
  if (condition) return t('inject.when', { condition });
  if (inject.dueS !== null) return t('inject.at', { time: formatClock(inject.dueS) });
  return t('inject.manual');
}

/** Pending injects in the order they come: by due time, then those waiting for a condition, then those held in reserve. */
function pendingOrder(injects: readonly InjectView[]): InjectView[] {
  const rank = (i: InjectView) => (i.dueS !== null ? 0 : i.condition ? 1 : 2);
  return injects
    .filter((i) => i.status === 'pending')
    .map((inject, order) => ({ inject, order }))
    .sort((a, b) => rank(a.inject) - rank(b.inject) || (a.inject.dueS ?? 0) - (b.inject.dueS ?? 0) || a.order - b.order)
    .map(({ inject }) => inject);
}

function pendingItem(inject: InjectView, info: LoadedInfo, injects: readonly InjectView[], next: boolean): HTMLElement {
  const button = (action: string, text: string, title: string) =>
    el('button', { text, title, attrs: { type: 'button', 'data-action': action, 'data-inject': inject.id } });
  const automatic = inject.dueS !== null || inject.condition !== null;
  return el('li', { className: `inject pending${next ? ' next' : ''}`, attrs: { 'data-inject': inject.id, 'data-status': 'pending' } }, [
    el('div', { className: 'inject-head' }, [
      ...(next ? [el('span', { className: 'tag tag-inject', text: t('inject.next') })] : []),
      el('span', { className: 'inject-title', text: inject.title }),
    ]),
    el('p', { className: 'inject-when', text: whenWords(inject, info, injects) }),
    ...(inject.holdingSinceS !== null
      ? [el('p', { className: 'inject-holding', text: t('inject.holding', { time: formatClock(inject.holdingSinceS) }) })]
      : []),
    ...(inject.message ? [el('p', { className: 'inject-message', text: inject.message })] : []),
    ...(inject.effects.length
      ? [el('p', { className: 'inject-effects', text: t('inject.effects', { effects: inject.effects.join(t('list.separator')) }) })]
      : []),
    el('div', { className: 'inject-actions' }, [
      button('fire', t('inject.fire'), t('inject.fireTitle')),
      // Delays only mean something for an inject that would fire by itself.
      ...(automatic ? DELAYS_S.map((s) => button(`delay:${s}`, t('inject.delay', { minutes: s / 60 }), t('inject.delayTitle', { minutes: s / 60 }))) : []),
      button('skip', t('inject.skip'), t('inject.skipTitle')),
    ]),
  ]);
}

function settledItem(inject: InjectView): HTMLElement {
  const fired = inject.status === 'fired';
  const time = formatClock((fired ? inject.firedS : inject.skippedS) ?? 0);
  return el('li', { className: `inject ${inject.status}`, attrs: { 'data-inject': inject.id, 'data-status': inject.status } }, [
    el('span', { className: 'inject-title', text: inject.title }),
    el('span', { className: 'inject-when', text: t(fired ? 'inject.firedAt' : 'inject.skippedAt', { time }) }),
  ]);
}

/** The command a console button stands for. */
function commandOf(action: string, inject: string): Command | null {
  if (action === 'fire') return { kind: 'fireInject', inject };
  if (action === 'skip') return { kind: 'skipInject', inject };
  if (action.startsWith('delay:')) return { kind: 'delayInject', inject, byS: Number(action.slice('delay:'.length)) };
  return null;
}

/**
 * The facilitator's console, shown while a drill runs and the seat is the facilitator's: the scenario's
 * injects, next first, with buttons to fire one now, delay it or skip it; those fired or skipped below;
 * and live injects (a hazard, a power or network cut, a rumour, a blocked road). Everything goes through
 * the drill session as commands, so it is written to the record before it is applied.
 */
export function mountFacilitatorConsole(store: DrillStore, session: DrillSession, jumpAhead: (seconds: number) => Promise<void>): void {
  const panel = byId<HTMLElement>('facilitator-console');
  const heading = el('h2');
  const list = el('ol', { className: 'inject-list', attrs: { id: 'inject-list' } });
  const empty = el('p', { className: 'empty' });
  const doneSummary = el('summary');
  const doneList = el('ol', { className: 'inject-list done' });
  const done = el('details', { className: 'injects-done', attrs: { id: 'injects-done' } }, [doneSummary, doneList]);
  const liveHeading = el('h3');
  const live = el('div', { className: 'live-injects', attrs: { id: 'live-injects' } });
  const status = el('p', { className: 'command-status', attrs: { id: 'console-status', role: 'status', 'aria-live': 'polite' } });
  // Jump ahead: the drill runs that much simulated time at once, paused after, so a slow phase need not be sat through.
  const jumpLabel = el('span');
  const jumps = JUMPS_S.map((seconds) => {
    const button = el('button', { attrs: { type: 'button', 'data-jump': String(seconds) } });
    button.addEventListener('click', () => {
      jumpAhead(seconds).catch((error) => store.setState({ notice: String(error instanceof Error ? error.message : error) }));
    });
    return button;
  });
  const jumpRow = el('div', { className: 'jump-ahead', attrs: { id: 'jump-ahead' } }, [jumpLabel, ...jumps]);
  panel.replaceChildren(heading, jumpRow, list, empty, done, liveHeading, live, status);

  const give = (command: Command) => session.give(store.getState().actingRole, command);
  list.addEventListener('click', (event) => {
    const target = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
    const command = target && commandOf(target.dataset.action ?? '', target.dataset.inject ?? '');
    if (command) give(command);
  });

  const visible = (s: DrillState) => s.drill !== null && s.info !== null && s.actingRole === 'facilitator';

  // The live forms: rebuilt with the seat, the scenario and the language, not on every frame.
  watchText(
    store,
    (s) => `${visible(s)}|${s.run}`,
    () => {
      const state = store.getState();
      panel.hidden = !visible(state);
      heading.textContent = t('console.title');
      liveHeading.textContent = t('console.live');
      jumpLabel.textContent = t('console.jump');
      jumps.forEach((button, k) => {
        button.textContent = t('console.jumpBy', { minutes: JUMPS_S[k] / 60 });
      });
      const info = state.info;
      if (!visible(state) || !info) {
        live.replaceChildren();
        return;
      }
      const send = (form: CommandForm, values: Record<string, string>) => give(form.build(values));
      live.replaceChildren(...LIVE_INJECT_FORMS.filter((form) => form.available(info)).map((form) => formFor(form, info, send, 'live-inject')));
    },
  );

  // The inject list: rebuilt when an inject moves on (fired, delayed, skipped, its condition starts or stops holding).
  watchText(
    store,
    (s) => (visible(s) ? s.injects : null),
    (injects) => {
      const info = store.getState().info;
      if (!injects || !info) {
        list.replaceChildren();
        doneList.replaceChildren();
        return;
      }
      const pending = pendingOrder(injects);
      const nextIndex = pending.findIndex((i) => i.dueS !== null || i.condition !== null);
      list.replaceChildren(...pending.map((inject, k) => pendingItem(inject, info, injects, k === nextIndex)));
      empty.hidden = injects.length > 0;
      empty.textContent = t('console.none');
      const settled = injects.filter((i) => i.status !== 'pending').sort((a, b) => (a.firedS ?? a.skippedS ?? 0) - (b.firedS ?? b.skippedS ?? 0));
      done.hidden = settled.length === 0;
      doneSummary.textContent = t('console.done', { count: settled.length });
      doneList.replaceChildren(...settled.map(settledItem));
    },
  );

  watchText(
    store,
    (s) => s.commandStatus,
    (answer) => {
      status.textContent = answer?.text ?? '';
      status.className = `command-status${answer ? (answer.ok ? ' ok' : ' refused') : ''}`;
      status.dataset.key = String(answer?.key ?? 0);
    },
  );
}

import { byId, el } from '../dom';
import { formatClock, formatCount, formatDelay, formatMoment, formatShare } from '../format';
import { type MessageKey, t } from '../i18n/index';
import { type DrillStore, type MetricsSummary, watch, watchText } from '../store';
import { eventLook } from './eventKinds';
import { truthVisibleFor } from './truthToggle';
import './warningPanel.css';

/** One figure of the panel: how to read it from the summary, and what it means (shown on hover); i18n keys. */
interface Figure {
  id: string;
  label: MessageKey;
  explain: MessageKey;
  value(m: MetricsSummary): string;
  /** A second line under a tile (times: delay after detection). */
  note?(m: MetricsSummary): string;
  /** True when the figure needs the trainees' attention now. */
  alarm?(m: MetricsSummary): boolean;
  /** Only the simulation knows it (who heard, believes, panics, waits): kept from trainee seats. */
  truth?: true;
}

/** "2:05 after" or "0:40 before" detection, for the decision and warning tiles. */
const againstDetection = (timeS: number | null, m: MetricsSummary) => {
  const delay = formatDelay(timeS, m.firstDetectionS);
  if (!delay) return '';
  return delay.startsWith('−') ? t('figure.before', { delay: delay.slice(1) }) : t('figure.after', { delay: delay.slice(1) });
};

/** The three moments of the warning chain, as large tiles. */
const TIME_FIGURES: readonly Figure[] = [
  {
    id: 'firstDetection',
    label: 'figure.detected',
    explain: 'figure.detectedExplain',
    value: (m) => formatMoment(m.firstDetectionS),
    note: (m) => (m.firstDetectionS === null ? t('figure.notYet') : t('figure.firstAlert')),
  },
  {
    id: 'decision',
    label: 'figure.decision',
    explain: 'figure.decisionExplain',
    value: (m) => formatMoment(m.decisionS),
    note: (m) => againstDetection(m.decisionS, m),
  },
  {
    id: 'firstWarning',
    label: 'figure.warned',
    explain: 'figure.warnedExplain',
    value: (m) => formatMoment(m.firstOfficialWarningS),
    note: (m) => againstDetection(m.firstOfficialWarningS, m),
  },
];

/** Shares of all residents, as tiles. */
const SHARE_FIGURES: readonly Figure[] = [
  {
    id: 'informed',
    label: 'figure.informed',
    explain: 'figure.informedExplain',
    value: (m) => formatShare(m.informedShare),
    truth: true,
  },
  { id: 'acting', label: 'figure.acting', explain: 'figure.actingExplain', value: (m) => formatShare(m.compliedShare), truth: true },
  { id: 'safe', label: 'figure.safe', explain: 'figure.safeExplain', value: (m) => formatShare(m.safeShare) },
];

/** Who needs attention: counts, as tiles; "waiting for help" turns red while anyone waits. */
const PEOPLE_FIGURES: readonly Figure[] = [
  {
    id: 'awaitingHelp',
    label: 'figure.needHelp',
    explain: 'figure.needHelpExplain',
    value: (m) => formatCount(m.awaitingHelp),
    note: () => t('figure.waitingNow'),
    alarm: (m) => m.awaitingHelp > 0,
    truth: true,
  },
  {
    id: 'sheltering',
    label: 'figure.sheltering',
    explain: 'figure.shelteringExplain',
    value: (m) => formatCount(m.sheltering),
    note: () => t('figure.inPlace'),
    truth: true,
  },
  {
    id: 'vulnerable',
    label: 'figure.vulnerable',
    explain: 'figure.vulnerableExplain',
    value: (m) => (m.vulnerable > 0 ? formatCount(m.vulnerableReached) : '–'),
    note: (m) => (m.vulnerable > 0 ? t('figure.vulnerableOf', { of: formatCount(m.vulnerable), safe: formatCount(m.vulnerableSafe) }) : t('figure.noneHere')),
    // Reached by a warning or a volunteer: who heard is not known at the command post.
    truth: true,
  },
];

/** The mood of the community and the desk's load, as small pairs. */
const LINE_FIGURES: readonly Figure[] = [
  { id: 'rumour', label: 'figure.rumour', explain: 'figure.rumourExplain', value: (m) => formatShare(m.rumourReach), truth: true },
  { id: 'trust', label: 'figure.trust', explain: 'figure.trustExplain', value: (m) => formatShare(m.meanTrust), truth: true },
  {
    id: 'panic',
    label: 'figure.panic',
    explain: 'figure.panicExplain',
    value: (m) => `${formatShare(m.meanPanic)} (${formatShare(m.peakPanic)})`,
    truth: true,
  },
  {
    id: 'falseAlarms',
    label: 'figure.falseAlarms',
    explain: 'figure.falseAlarmsExplain',
    value: (m) => formatCount(m.falseAlarms),
  },
  { id: 'reports', label: 'figure.reports', explain: 'figure.reportsExplain', value: (m) => formatCount(m.residentReports) },
];

interface Tile {
  figure: Figure;
  node: HTMLElement;
  label: HTMLElement;
  value: HTMLElement;
  note: HTMLElement;
}

function tile(figure: Figure): Tile {
  const value = el('span', { className: 'tile-value', text: '—' });
  const note = el('span', { className: 'tile-note' });
  const label = el('span', { className: 'tile-label' });
  const node = el('div', { className: 'tile', attrs: { 'data-figure': figure.id } }, [label, value, note]);
  return { figure, node, label, value, note };
}

/**
 * The warning phase in figures: when the hazard was detected, the decision taken and the first warning
 * sent; who is informed and acting; who waits for help; rumour, panic and trust. Every figure carries a
 * `data-figure` attribute so tests and facilitators' scripts can find it. In a trainee's seat the figures
 * only the simulation knows leave the page, and the official messages the command post sent take their place.
 */
export function mountWarningPanel(store: DrillStore): void {
  const host = byId<HTMLElement>('warning');
  const none = el('p', { className: 'empty' });
  const rows = [
    { name: 'times', tiles: TIME_FIGURES.map(tile) },
    { name: 'shares', tiles: SHARE_FIGURES.map(tile) },
    { name: 'people', tiles: PEOPLE_FIGURES.map(tile) },
  ].map((row) => ({
    ...row,
    node: el(
      'div',
      { className: `tiles ${row.name}` },
      row.tiles.map((x) => x.node),
    ),
  }));
  const tiles = rows.flatMap((row) => row.tiles);
  const lines = LINE_FIGURES.map((figure) => {
    const value = el('dd', { text: '—', attrs: { 'data-figure': figure.id } });
    const term = el('dt');
    return { figure, term, value };
  });
  const list = el(
    'dl',
    { className: 'figures' },
    lines.flatMap(({ term, value }) => [term, value]),
  );
  const sent = mountSentMessages(store);
  const figures = el('div', { className: 'warning-figures' }, [...rows.map((row) => row.node), list, sent]);
  host.append(none, figures);

  watch(
    store,
    (s) => s.info?.warningPhase ?? true,
    (warningPhase) => {
      none.hidden = warningPhase;
      figures.hidden = !warningPhase;
    },
  );
  watch(
    store,
    (s) => s.language,
    () => {
      none.textContent = t('warning.none');
      for (const x of tiles) {
        x.label.textContent = t(x.figure.label);
        x.node.title = t(x.figure.explain);
      }
      for (const line of lines) {
        line.term.textContent = t(line.figure.label);
        line.term.title = t(line.figure.explain);
      }
    },
  );

  function render(): void {
    const state = store.getState();
    const m = state.metrics;
    const truth = truthVisibleFor(state);
    // Hidden figures lose their text too: the true numbers must not be in a trainee's page at all.
    for (const x of tiles) {
      const shown = truth || !x.figure.truth;
      x.node.hidden = !shown;
      x.value.textContent = shown ? (m ? x.figure.value(m) : '—') : '';
      x.note.textContent = shown && m && x.figure.note ? x.figure.note(m) : '';
      x.node.classList.toggle('alarm', Boolean(shown && m && x.figure.alarm?.(m)));
    }
    for (const row of rows) row.node.hidden = row.tiles.every((x) => x.node.hidden);
    for (const line of lines) {
      const shown = truth || !line.figure.truth;
      line.term.hidden = !shown;
      line.value.hidden = !shown;
      line.value.textContent = shown ? (m ? line.figure.value(m) : '—') : '';
    }
  }

  // Each runs `render` once now and again when its part changes: frames (and language), the seat or the switch.
  watchText(store, (s) => s.metrics, render);
  watch(store, truthVisibleFor, render);
}

/**
 * What the command post knows of its warnings, for trainee seats: each official message it sent, with its
 * channel and time, newest first, how many in all, and a note that their reach is not visible from here.
 */
function mountSentMessages(store: DrillStore): HTMLElement {
  const note = el('p', { className: 'sent-note', attrs: { id: 'warning-sent-note' } });
  const count = el('p', { className: 'sent-count', attrs: { id: 'warning-sent-count' } });
  const items = el('ol', { className: 'sent-list', attrs: { id: 'warning-sent-list' } });
  const earlier = el('p', { className: 'sent-earlier' });
  const section = el('div', { className: 'warning-sent', attrs: { id: 'warning-sent' } }, [note, count, items, earlier]);

  function render(): void {
    const state = store.getState();
    section.hidden = truthVisibleFor(state);
    if (section.hidden) return;
    const { sent, info } = state;
    const names = new Map((info?.channels ?? []).map((c) => [c.id, c.name ?? c.id]));
    note.textContent = t('sent.knownOnly');
    count.textContent = sent.count > 0 ? t('sent.count', { n: formatCount(sent.count) }) : t('sent.none');
    count.dataset.count = String(sent.count);
    items.replaceChildren(
      ...sent.latest
        .slice()
        .reverse()
        .map((message) => {
          const look = eventLook(message.kind);
          const channel = message.channel === null ? t('sent.unknownChannel') : (names.get(message.channel) ?? message.channel);
          return el(
            'li',
            {
              className: `tone-${look.tone}`,
              attrs: { 'data-kind': message.kind, 'data-channel': message.channel ?? '', 'data-time-s': String(message.timeS) },
            },
            [
              el('time', { text: formatClock(message.timeS) }),
              el('span', { className: `tag tag-${look.tone}`, text: look.tag }),
              el('span', { className: 'sent-channel', text: channel }),
            ],
          );
        }),
    );
    const notListed = sent.count - sent.latest.length;
    earlier.textContent = notListed > 0 ? t('sent.earlier', { n: formatCount(notListed) }) : '';
  }

  watchText(store, (s) => s.sent, render);
  watch(store, truthVisibleFor, render);
  watch(store, (s) => s.info, render);
  return section;
}

import { byId, el } from '../dom';
import { formatCount, formatDelay, formatMoment, formatShare } from '../format';
import { type DrillStore, type MetricsSummary, watch } from '../store';

/** One figure of the panel: how to read it from the summary, and what it means (shown on hover). */
interface Figure {
  id: string;
  label: string;
  explain: string;
  value(m: MetricsSummary): string;
  /** A second line under a tile (times: delay after detection). */
  note?(m: MetricsSummary): string;
  /** True when the figure needs the trainees' attention now. */
  alarm?(m: MetricsSummary): boolean;
}

/** "2:05 after" or "0:40 before" detection, for the decision and warning tiles. */
const againstDetection = (timeS: number | null, m: MetricsSummary) => {
  const delay = formatDelay(timeS, m.firstDetectionS);
  if (!delay) return '';
  return delay.startsWith('−') ? `${delay.slice(1)} before` : `${delay.slice(1)} after`;
};

/** The three moments of the warning chain, as large tiles. */
const TIME_FIGURES: readonly Figure[] = [
  {
    id: 'firstDetection',
    label: 'Detected',
    explain: 'First alert at the duty desk: a sensor, a resident report or a patrol',
    value: (m) => formatMoment(m.firstDetectionS),
    note: (m) => (m.firstDetectionS === null ? 'not yet' : 'first alert'),
  },
  {
    id: 'decision',
    label: 'Decision',
    explain: 'The community decided to warn: the warning plan starts (time after or before detection below)',
    value: (m) => formatMoment(m.decisionS),
    note: (m) => againstDetection(m.decisionS, m),
  },
  {
    id: 'firstWarning',
    label: 'Warned',
    explain: 'First official warning sent on a channel (time after or before detection below)',
    value: (m) => formatMoment(m.firstOfficialWarningS),
    note: (m) => againstDetection(m.firstOfficialWarningS, m),
  },
];

/** Shares of all residents, as tiles. */
const SHARE_FIGURES: readonly Figure[] = [
  {
    id: 'informed',
    label: 'Informed',
    explain: 'Residents who heard a warning (official, neighbour or at the door)',
    value: (m) => formatShare(m.informedShare),
  },
  { id: 'acting', label: 'Acting', explain: 'Residents acting on a warning: leaving or sheltering as told', value: (m) => formatShare(m.compliedShare) },
  { id: 'safe', label: 'Safe', explain: 'Residents who reached an exit or shelter', value: (m) => formatShare(m.safeShare) },
];

/** Who needs attention: counts, as tiles; "waiting for help" turns red while anyone waits. */
const PEOPLE_FIGURES: readonly Figure[] = [
  {
    id: 'awaitingHelp',
    label: 'Need help',
    explain: 'Residents who want to leave but cannot without help (ringed red on the map)',
    value: (m) => formatCount(m.awaitingHelp),
    note: () => 'waiting now',
    alarm: (m) => m.awaitingHelp > 0,
  },
  {
    id: 'sheltering',
    label: 'Sheltering',
    explain: 'Residents staying inside as told (shelter in place)',
    value: (m) => formatCount(m.sheltering),
    note: () => 'in place',
  },
  {
    id: 'vulnerable',
    label: 'Vulnerable reached',
    explain: 'Residents with limited mobility or bedridden whom a warning or a volunteer reached; below, of how many, and how many are safe',
    value: (m) => (m.vulnerable > 0 ? formatCount(m.vulnerableReached) : '–'),
    note: (m) => (m.vulnerable > 0 ? `of ${formatCount(m.vulnerable)} · ${formatCount(m.vulnerableSafe)} safe` : 'none here'),
  },
];

/** The mood of the community and the desk's load, as small pairs. */
const LINE_FIGURES: readonly Figure[] = [
  { id: 'rumour', label: 'Rumour reach', explain: 'Residents who heard the rumour', value: (m) => formatShare(m.rumourReach) },
  { id: 'trust', label: 'Trust', explain: 'Mean trust in official warnings', value: (m) => formatShare(m.meanTrust) },
  {
    id: 'panic',
    label: 'Panic (peak)',
    explain: 'Mean panic of residents now, and its highest so far',
    value: (m) => `${formatShare(m.meanPanic)} (${formatShare(m.peakPanic)})`,
  },
  {
    id: 'falseAlarms',
    label: 'False alarms',
    explain: 'Alerts the duty desk received that turned out to be false',
    value: (m) => formatCount(m.falseAlarms),
  },
  { id: 'reports', label: 'Reports', explain: 'Reports from residents who saw the hazard', value: (m) => formatCount(m.residentReports) },
];

interface Tile {
  figure: Figure;
  node: HTMLElement;
  value: HTMLElement;
  note: HTMLElement;
}

function tile(figure: Figure): Tile {
  const value = el('span', { className: 'tile-value', text: '—' });
  const note = el('span', { className: 'tile-note' });
  const node = el('div', { className: 'tile', title: figure.explain, attrs: { 'data-figure': figure.id } }, [
    el('span', { className: 'tile-label', text: figure.label }),
    value,
    note,
  ]);
  return { figure, node, value, note };
}

/**
 * The warning phase in figures: when the hazard was detected, the decision taken and the first warning
 * sent; who is informed and acting; who waits for help; rumour, panic and trust. Every figure carries a
 * `data-figure` attribute so tests and facilitators' scripts can find it.
 */
export function mountWarningPanel(store: DrillStore): void {
  const host = byId<HTMLElement>('warning');
  const none = el('p', { className: 'empty', text: 'This scenario has no detection or warning phase: no hazards, sensors, channels or volunteers.' });
  const rows = [
    { name: 'times', tiles: TIME_FIGURES.map(tile) },
    { name: 'shares', tiles: SHARE_FIGURES.map(tile) },
    { name: 'people', tiles: PEOPLE_FIGURES.map(tile) },
  ];
  const tiles = rows.flatMap((row) => row.tiles);
  const lines = LINE_FIGURES.map((figure) => {
    const value = el('dd', { text: '—', attrs: { 'data-figure': figure.id } });
    const term = el('dt', { text: figure.label, title: figure.explain });
    return { figure, term, value };
  });
  const list = el(
    'dl',
    { className: 'figures' },
    lines.flatMap(({ term, value }) => [term, value]),
  );
  const figures = el('div', { className: 'warning-figures' }, [
    ...rows.map((row) =>
      el(
        'div',
        { className: `tiles ${row.name}` },
        row.tiles.map((t) => t.node),
      ),
    ),
    list,
  ]);
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
    (s) => s.metrics,
    (m) => {
      for (const t of tiles) {
        t.value.textContent = m ? t.figure.value(m) : '—';
        t.note.textContent = m && t.figure.note ? t.figure.note(m) : '';
        t.node.classList.toggle('alarm', Boolean(m && t.figure.alarm?.(m)));
      }
      for (const line of lines) {
        line.value.textContent = m ? line.figure.value(m) : '—';
      }
    },
  );
}

import type { Scenario } from '../../sim/index';
import { formatNumber, formatTable } from '../output';
import { formatPoint } from '../warningPhase';

type Channel = Scenario['channels'][number];
type Sensor = Scenario['sensors'][number];
type Hazard = Scenario['hazards'][number];
type Levers = Scenario['strategies'][number]['levers'];

/** Channels as plain data for `drill info --json`: what the file says, defaults filled in, unset rates null. */
export function describeChannel(c: Channel) {
  return {
    id: c.id,
    kind: c.kind,
    name: c.name ?? null,
    ratePerMin: c.ratePerMin ?? null,
    reliability: c.reliability,
    asleepFactor: c.asleepFactor ?? null,
    ...(c.kind === 'loudspeaker' ? { speakers: c.speakers ?? null, rangeM: c.rangeM } : {}),
    languages: c.languages ?? null,
  };
}

export function describeSensor(s: Sensor) {
  return { ...s, name: s.name ?? null };
}

/** Hazards as the file gives them (any kind), with defaults filled in; a hazard started by an event has startS null. */
export function describeHazard(h: Hazard) {
  return { ...h, name: h.name ?? null, ...(h.kind === 'area' ? { startS: h.startS ?? null } : {}) };
}

export type ChannelInfo = ReturnType<typeof describeChannel>;
export type SensorInfo = ReturnType<typeof describeSensor>;
export type HazardInfo = ReturnType<typeof describeHazard>;

export function channelRow(c: ChannelInfo): string[] {
  const parts = [c.ratePerMin === null ? `noticed at the ${c.kind} default rate` : `noticed at ${formatNumber(c.ratePerMin)}/min`];
  if (c.reliability < 1) parts.push(`reaches ${formatShare(c.reliability)} of those it could`);
  if (c.asleepFactor !== null) parts.push(`asleep × ${formatNumber(c.asleepFactor)}`);
  if (c.kind === 'loudspeaker') {
    const speakers = c.speakers ?? [];
    parts.push(
      speakers.length ? `${speakers.length} speaker${speakers.length === 1 ? '' : 's'}, range ${formatNumber(c.rangeM ?? 0)} m` : 'covers the whole map',
    );
  }
  if (c.languages) parts.push(`in ${c.languages.join(', ')}`);
  return [c.id, c.kind, c.name ?? '', parts.join(', ')];
}

export function sensorRow(s: SensorInfo): string[] {
  const parts = [
    `watches ${formatNumber(s.coverageM)} m`,
    `trips at ${formatNumber(s.threshold)}`,
    `alert after ${formatNumber(s.delayS)} s`,
    `misses ${formatShare(s.missProbability)}`,
    `${formatNumber(s.falseAlarmsPerDay)} false alarms/day`,
  ];
  if (s.outages.length) parts.push(`${s.outages.length} outage${s.outages.length === 1 ? '' : 's'}`);
  return [s.id, s.kind, `at ${formatPoint(s.at)}`, parts.join(', ')];
}

export function hazardRow(h: HazardInfo): string[] {
  if (h.kind === 'area') {
    const start = h.startS === null || h.startS === undefined ? 'starts on a startHazard event' : `starts at ${formatNumber(h.startS)} s`;
    return [h.id, h.kind, h.cue, `from ${formatPoint(h.origin)}, ${start}, grows ${formatNumber(h.growthMps)} m/s up to ${formatNumber(h.maxRadiusM)} m`];
  }
  const { id, kind, ...rest } = h as { id: string; kind: string };
  return [id, kind, '', describeFields(rest)];
}

/** The levers of a strategy as labelled rows: sensors, early warning, decision delay, plans, update cadence. */
export function leverRows(levers: Levers): string[][] {
  const warningPlan = levers.warningPlan.map((step) => {
    const what = step.content === 'evacuate' ? `evacuate → ${step.target}` : step.content;
    const zone = step.zone === 'all' ? '' : ` in ${step.zone}`;
    const repeat = step.repeatEveryS ? `, repeated every ${formatNumber(step.repeatEveryS)} s` : '';
    return `${step.channel}: ${what}${zone}, ${afterDecision(step.afterS)}${repeat}`;
  });
  const volunteerPlan = levers.volunteerPlan.map((t) => `${t.team}: ${t.task}${t.zone === 'all' ? '' : ` in ${t.zone}`}, ${afterDecision(t.afterS)}`);
  return [
    ['Sensors', levers.sensors ? 'on' : 'off'],
    ['Early warning', levers.earlyWarningSystem ? 'on: a sensor alert starts the warning plan at once' : 'off: the duty desk decides'],
    ['Decision delay', `${formatNumber(levers.decisionDelayS)} s from a confirmed alert to the decision to warn`],
    ...listRows('Warning plan', warningPlan),
    ...listRows('Volunteer plan', volunteerPlan),
    ['Official updates', levers.officialUpdatesEveryS ? `every ${formatNumber(levers.officialUpdatesEveryS)} s after the first warning` : 'none'],
  ];
}

/** A label on the first of several rows; "(none)" for an empty list. */
export function listRows(label: string, items: readonly string[]): string[][] {
  if (items.length === 0) return [[label, '(none)']];
  return items.map((item, k) => [k === 0 ? label : '', item]);
}

/** The lines under a strategy's id and name: its own timeline (events as text), then its levers. */
export function leverLines(levers: Levers, timeline: readonly string[], moreRows: readonly string[][] = []): string[] {
  const events = timeline.length ? listRows('Timeline', timeline) : [['Timeline', '(no actions of its own)']];
  return formatTable([...events, ...leverRows(levers), ...moreRows], [], '    ');
}

function afterDecision(afterS: number): string {
  return afterS ? `${formatNumber(afterS)} s after the decision` : 'at once';
}

function formatShare(share: number): string {
  return `${formatNumber(share * 100, 1)}%`;
}

/** Any other fields as `name: value`, so new kinds show without changes here. */
export function describeFields(fields: object): string {
  return Object.entries(fields)
    .filter(([key, value]) => key !== 'atS' && key !== 'kind' && key !== 'id' && value !== undefined && value !== null)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(', ');
}

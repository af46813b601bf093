import type { Command } from '../../sim/index';
import type { LoadedInfo } from '../../workers/simHost';
import type { DrillCommandKind } from './roles';

/**
 * What a form field asks for; the command panel turns each into a control filled from the scenario
 * (zones, channels, exits, teams) and the i18n dictionary (`field.<name>`).
 */
export type FieldKind =
  | 'area'
  | 'channel'
  | 'orderContent'
  | 'target'
  | 'gate'
  | 'team'
  | 'task'
  | 'text'
  | 'cells'
  | 'shelter'
  | 'unit'
  | 'hazard'
  | 'outage'
  | 'rumourContent'
  | 'percent';

/** Bounds and default of a percent field, in percent. */
export interface PercentRange {
  min: number;
  max: number;
  default: number;
}

export interface FieldSpec {
  /** Key in the values the form hands to `build`; also the field's i18n label `field.<name>`. */
  name: string;
  kind: FieldKind;
  /** An empty value is allowed (text only). */
  optional?: boolean;
  /** The allowed values of a percent field. */
  range?: PercentRange;
}

/** One command the panel offers: its drill kind (permissions, label `command.<kind>`), fields, and how to build it. */
export interface CommandForm {
  kind: DrillCommandKind;
  fields: readonly FieldSpec[];
  build(values: Readonly<Record<string, string>>): Command;
  /** Whether the loaded scenario has what the command needs (a channel, a team, an exit). */
  available(info: LoadedInfo): boolean;
}

const hasChannels = (info: LoadedInfo) => info.channels.length > 0;
const hasGates = (info: LoadedInfo) => info.places.some((p) => p.kind === 'exit' || p.kind === 'shelter');
const always = () => true;

/** A text field's value, or nothing, so the command carries no empty text. */
const optionalText = (value: string | undefined) => (value?.trim() ? { text: value.trim() } : {});

/** A rectangle of cells from "x,y,w,h" (the cells field). */
export function parseCells(value: string): { x: number; y: number; w: number; h: number } {
  const [x, y, w, h] = value.split(',').map((part) => Number(part.trim()));
  return { x, y, w, h };
}

/**
 * A live rumour's starters, in percent of the zone's residents. The command's seedShare may be 0 to 1
 * (sim/scenario/schemaWarning.ts); below 0.1% few zones have a starter at all, and above half the zone a
 * rumour is no longer word of mouth.
 */
export const RUMOUR_SEED_PERCENT: PercentRange = { min: 0.1, max: 50, default: 2 };

/** A percent field's value as a number within its range, or null when it is not one. */
export function percentIn(value: string, range: PercentRange): number | null {
  if (!value.trim()) return null;
  const n = Number(value);
  return Number.isFinite(n) && n >= range.min && n <= range.max ? n : null;
}

/** The rumour's seedShare from the form's percent; the default when the form gave none. */
export function seedShareOf(value: string | undefined): number {
  if (value === undefined || !value.trim()) return RUMOUR_SEED_PERCENT.default / 100;
  const percent = percentIn(value, RUMOUR_SEED_PERCENT);
  if (percent === null)
    throw new RangeError(`rumour: seedPercent "${value}" is not a share from ${RUMOUR_SEED_PERCENT.min}% to ${RUMOUR_SEED_PERCENT.max}% of the zone`);
  // Rounded so 1.1% is recorded as 0.011, not 0.011000000000000001.
  return Number((percent / 100).toPrecision(12));
}

/**
 * The trainee and facilitator commands of the panel. Adding a command kind is one entry here, its
 * permissions in roles.ts and its words in the i18n dictionaries (`command.<kind>` and any new field).
 */
export const COMMAND_FORMS: readonly CommandForm[] = [
  {
    kind: 'order',
    fields: [
      { name: 'zone', kind: 'area' },
      { name: 'content', kind: 'orderContent' },
      { name: 'channel', kind: 'channel' },
      { name: 'target', kind: 'target' },
    ],
    build: (v) => ({
      kind: 'warn',
      channel: v.channel,
      content: v.content === 'shelterInPlace' ? 'shelterInPlace' : 'evacuate',
      zone: v.zone,
      target: v.target,
    }),
    available: hasChannels,
  },
  {
    kind: 'warn',
    fields: [
      { name: 'channel', kind: 'channel' },
      { name: 'zone', kind: 'area' },
      { name: 'text', kind: 'text' },
    ],
    build: (v) => ({ kind: 'warn', channel: v.channel, content: 'avoidArea', zone: v.zone, target: 'nearest-safe', ...optionalText(v.text) }),
    available: hasChannels,
  },
  {
    kind: 'officialUpdate',
    fields: [
      { name: 'channel', kind: 'channel' },
      { name: 'text', kind: 'text' },
    ],
    build: (v) => ({ kind: 'officialUpdate', channel: v.channel, ...optionalText(v.text) }),
    available: hasChannels,
  },
  {
    kind: 'assignVolunteers',
    fields: [
      { name: 'team', kind: 'team' },
      { name: 'task', kind: 'task' },
      { name: 'zone', kind: 'area' },
    ],
    build: (v) => ({ kind: 'assignVolunteers', team: v.team, task: v.task as 'knockDoors' | 'escortVulnerable' | 'patrol', zone: v.zone }),
    available: (info) => info.volunteerTeams.length > 0,
  },
  { kind: 'closeExit', fields: [{ name: 'place', kind: 'gate' }], build: (v) => ({ kind: 'closeExit', place: v.place }), available: hasGates },
  { kind: 'openExit', fields: [{ name: 'place', kind: 'gate' }], build: (v) => ({ kind: 'openExit', place: v.place }), available: hasGates },
  {
    kind: 'blockArea',
    fields: [
      { name: 'rect', kind: 'cells' },
      { name: 'reason', kind: 'text', optional: true },
    ],
    build: (v) => ({ kind: 'blockArea', rect: parseCells(v.rect), ...(v.reason?.trim() ? { reason: v.reason.trim() } : {}) }),
    available: always,
  },
  { kind: 'unblockArea', fields: [{ name: 'rect', kind: 'cells' }], build: (v) => ({ kind: 'unblockArea', rect: parseCells(v.rect) }), available: always },
  {
    kind: 'evacuate',
    fields: [
      { name: 'zone', kind: 'area' },
      { name: 'target', kind: 'target' },
    ],
    build: (v) => ({ kind: 'evacuate', zone: v.zone, target: v.target }),
    available: always,
  },
  // Co-governance: each goes through the community's authority and may wait for approval from above.
  {
    kind: 'openShelter',
    fields: [{ name: 'shelter', kind: 'shelter' }],
    build: (v) => ({ kind: 'openShelter', shelter: v.shelter }),
    available: (info) => info.places.some((p) => p.kind === 'shelter'),
  },
  { kind: 'releaseSupplies', fields: [], build: () => ({ kind: 'releaseSupplies' }), available: (info) => info.hasStores },
  {
    kind: 'requestSupport',
    fields: [{ name: 'unit', kind: 'unit' }],
    build: (v) => ({ kind: 'requestSupport', unit: v.unit }),
    available: (info) => info.supportUnits.length > 0,
  },
];

const blockArea = COMMAND_FORMS.find((form) => form.kind === 'blockArea') as CommandForm;

/** The facilitator console's live injects: start a hazard, cut a service, start a rumour, block a road. */
export const LIVE_INJECT_FORMS: readonly CommandForm[] = [
  {
    kind: 'startHazard',
    fields: [{ name: 'hazard', kind: 'hazard' }],
    build: (v) => ({ kind: 'startHazard', hazard: v.hazard }),
    available: (info) => info.hazards.length > 0,
  },
  {
    kind: 'startOutage',
    fields: [{ name: 'outage', kind: 'outage' }],
    build: (v) => ({ kind: 'startOutage', outage: v.outage }),
    available: (info) => info.outages.length > 0,
  },
  {
    kind: 'rumour',
    fields: [
      { name: 'rumourContent', kind: 'rumourContent' },
      { name: 'zone', kind: 'area' },
      { name: 'seedPercent', kind: 'percent', range: RUMOUR_SEED_PERCENT },
      { name: 'text', kind: 'text', optional: true },
    ],
    // Started by the chosen share of the zone's residents (2%, the scenario format's default), spreading by word of mouth from there.
    build: (v) => ({
      kind: 'rumour',
      content: v.rumourContent === 'panic' ? 'panic' : 'stayPut',
      zone: v.zone,
      seedShare: seedShareOf(v.seedPercent),
      ...optionalText(v.text),
    }),
    available: always,
  },
  blockArea,
];

// A direct import of one constant table, so the page does not load the whole sim (zod, seedrandom).
import { CellKind } from '../../sim/space/CellKind';
import type { VolunteerState } from '../../sim/volunteers/VolunteerRuntime';
import type { MessageKey } from '../i18n/index';
import { ResidentLook } from '../residentLook';

/** One colour of the map, with the words the legend shows for it. */
export interface Swatch {
  /** 0xRRGGBB */
  color: number;
  /** What the legend calls it (an i18n key). */
  label: MessageKey;
}

/**
 * Cell colours, indexed by CellKind. Chosen for a dark room and a projector: walkable ground is dark,
 * structure is mid-grey, and the places that matter in a drill (exits, shelters, blocks) are saturated.
 */
export const CELL_SWATCHES: readonly Swatch[] = (() => {
  const swatches: Swatch[] = [];
  swatches[CellKind.Open] = { color: 0x1c2530, label: 'cell.open' };
  swatches[CellKind.Road] = { color: 0x38424f, label: 'cell.road' };
  swatches[CellKind.Building] = { color: 0x51607a, label: 'cell.building' };
  swatches[CellKind.Wall] = { color: 0x9aa3ad, label: 'cell.wall' };
  swatches[CellKind.Water] = { color: 0x1d5fa6, label: 'cell.water' };
  swatches[CellKind.Exit] = { color: 0x2fd27a, label: 'cell.exit' };
  swatches[CellKind.Shelter] = { color: 0x16b8cc, label: 'cell.shelter' };
  swatches[CellKind.Blocked] = { color: 0xb8322a, label: 'cell.blocked' };
  return swatches;
})();

/** Exits and shelters that are closed now: loud, because walking to one is the mistake to spot. */
export const CLOSED_SWATCH: Swatch = { color: 0xff3df2, label: 'cell.closed' };

/** Shown for a cell kind the palette does not know (a newer sim), rather than failing. */
export const UNKNOWN_CELL_COLOR = 0xff00ff;

/** Page and map background, outside the community. */
export const BACKGROUND_COLOR = 0x0b0f14;

/** A dot's colour and opacity. Safe residents fade so the crowd still on the move stands out. */
export interface DotStyle extends Swatch {
  alpha: number;
}

/**
 * Resident dots by look, chosen for a dark map on a projector: warm colours for people on the move, a cool
 * blue for "warned, not acting", and a loud red for those who wait for help (they also get a ring).
 */
export const RESIDENT_LOOKS: readonly DotStyle[] = (() => {
  const styles: DotStyle[] = [];
  styles[ResidentLook.NotWarned] = { color: 0xe6edf5, alpha: 1, label: 'look.notWarned' };
  styles[ResidentLook.Warned] = { color: 0x5b9dff, alpha: 1, label: 'look.warned' };
  styles[ResidentLook.Preparing] = { color: 0xffd23f, alpha: 1, label: 'look.preparing' };
  styles[ResidentLook.Moving] = { color: 0xff8a3d, alpha: 1, label: 'look.moving' };
  styles[ResidentLook.Sheltering] = { color: 0x2be0c8, alpha: 1, label: 'look.sheltering' };
  styles[ResidentLook.AwaitingHelp] = { color: 0xff2e63, alpha: 1, label: 'look.awaitingHelp' };
  styles[ResidentLook.Safe] = { color: 0x3ddc97, alpha: 0.3, label: 'look.safe' };
  styles[ResidentLook.Deceased] = { color: 0x8a1c2b, alpha: 0.9, label: 'look.deceased' };
  return styles;
})();

/**
 * Volunteer states as the simulation numbers them (sim/volunteers/VolunteerRuntime.ts). Written out here so
 * the page does not load the volunteer system; the type annotation makes the compiler check the numbers.
 */
export const VolunteerStates: typeof VolunteerState = { Idle: 0, Walking: 1, Knocking: 2, Escorting: 3, Patrolling: 4, Done: 5 };

/** Volunteer diamonds by state; the shape and a dark outline set them apart from residents. */
export const VOLUNTEER_STYLES: readonly DotStyle[] = (() => {
  const styles: DotStyle[] = [];
  styles[VolunteerStates.Idle] = { color: 0xa99cc4, alpha: 1, label: 'volunteer.idle' };
  styles[VolunteerStates.Walking] = { color: 0xc77dff, alpha: 1, label: 'volunteer.walking' };
  styles[VolunteerStates.Knocking] = { color: 0xff5fd2, alpha: 1, label: 'volunteer.knocking' };
  styles[VolunteerStates.Escorting] = { color: 0xa6ff4d, alpha: 1, label: 'volunteer.escorting' };
  styles[VolunteerStates.Patrolling] = { color: 0x4dd2ff, alpha: 1, label: 'volunteer.patrolling' };
  styles[VolunteerStates.Done] = { color: 0x7d8194, alpha: 0.7, label: 'volunteer.done' };
  return styles;
})();

/**
 * The hazard field: this colour, up to HAZARD_MAX_ALPHA opaque at full intensity inside so the map and the
 * people in it show through, and HAZARD_EDGE_ALPHA on its edge so it reads as an area, not as blocked cells.
 */
export const HAZARD_SWATCH: Swatch = { color: 0xff5a1f, label: 'legend.hazard' };
export const HAZARD_MAX_ALPHA = 0.32;
export const HAZARD_EDGE_ALPHA = 0.7;

/** Sensor markers: working, and switched off by the strategy (levers.sensors false). */
export const SENSOR_SWATCH: Swatch = { color: 0xffb020, label: 'legend.sensor' };
export const SENSOR_OFF_SWATCH: Swatch = { color: 0x6b7280, label: 'legend.sensorOff' };

/** 0xRRGGBB as a CSS colour. */
export function cssColor(color: number): string {
  return `#${color.toString(16).padStart(6, '0')}`;
}

// command-post knowledge: begin
/**
 * What the command post knows: the area its reports point to, hatched in a pale yellow so it never reads as
 * the true hazard (solid orange); reports coloured by what became of them; needs reported for supplies.
 */
export const KNOWN_AREA_SWATCH: Swatch = { color: 0xf5e663, label: 'legend.knownArea' };
export const KNOWN_AREA_MAX_ALPHA = 0.45;
export const REPORT_SWATCHES = {
  reported: { color: 0xffe14d, label: 'legend.reportUnverified' },
  confirmed: { color: 0xff5a1f, label: 'legend.reportConfirmed' },
  falseAlarm: { color: 0x9aa3ad, label: 'legend.reportFalse' },
} as const satisfies Record<string, Swatch>;
export const NEED_SWATCH: Swatch = { color: 0xff7eb6, label: 'legend.need' };
/** A sensor whose alert came in, and one that went silent (outage or power cut). */
export const SENSOR_ALERT_COLOR = 0xff2e2e;
export const SENSOR_SILENT_COLOR = 0x4b5563;
// command-post knowledge: end

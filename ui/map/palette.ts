// Direct imports of two constant tables, so the page does not load the whole sim (zod, seedrandom).
import { ResidentState } from '../../sim/core/Simulation';
import { CellKind } from '../../sim/space/CellKind';

/** One colour of the map, with the words the legend shows for it. */
export interface Swatch {
  /** 0xRRGGBB */
  color: number;
  label: string;
}

/**
 * Cell colours, indexed by CellKind. Chosen for a dark room and a projector: walkable ground is dark,
 * structure is mid-grey, and the places that matter in a drill (exits, shelters, blocks) are saturated.
 */
export const CELL_SWATCHES: readonly Swatch[] = (() => {
  const swatches: Swatch[] = [];
  swatches[CellKind.Open] = { color: 0x1c2530, label: 'open ground' };
  swatches[CellKind.Road] = { color: 0x38424f, label: 'road' };
  swatches[CellKind.Building] = { color: 0x51607a, label: 'building' };
  swatches[CellKind.Wall] = { color: 0x9aa3ad, label: 'wall' };
  swatches[CellKind.Water] = { color: 0x1d5fa6, label: 'water' };
  swatches[CellKind.Exit] = { color: 0x2fd27a, label: 'exit' };
  swatches[CellKind.Shelter] = { color: 0x16b8cc, label: 'shelter' };
  swatches[CellKind.Blocked] = { color: 0xb8322a, label: 'blocked area' };
  return swatches;
})();

/** Exits and shelters that are closed now: loud, because walking to one is the mistake to spot. */
export const CLOSED_SWATCH: Swatch = { color: 0xff3df2, label: 'closed exit / shelter' };

/** Shown for a cell kind the palette does not know (a newer sim), rather than failing. */
export const UNKNOWN_CELL_COLOR = 0xff00ff;

/** Page and map background, outside the community. */
export const BACKGROUND_COLOR = 0x0b0f14;

/** A resident state's dot: colour and opacity. Safe residents fade so the crowd still on the move stands out. */
export interface DotStyle extends Swatch {
  alpha: number;
}

export const RESIDENT_STYLES: readonly DotStyle[] = (() => {
  const styles: DotStyle[] = [];
  styles[ResidentState.Idle] = { color: 0xe6edf5, alpha: 1, label: 'resident, not yet warned' };
  styles[ResidentState.Preparing] = { color: 0xffd23f, alpha: 1, label: 'preparing to leave' };
  styles[ResidentState.Moving] = { color: 0xff6b35, alpha: 1, label: 'moving' };
  styles[ResidentState.Safe] = { color: 0x3ddc97, alpha: 0.3, label: 'safe' };
  return styles;
})();

export const VOLUNTEER_STYLE: DotStyle = { color: 0xc77dff, alpha: 1, label: 'volunteer' };

/** 0xRRGGBB as a CSS colour. */
export function cssColor(color: number): string {
  return `#${color.toString(16).padStart(6, '0')}`;
}

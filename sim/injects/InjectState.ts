import type { Residents } from '../agents/Residents';
import type { Inject, Scenario } from '../scenario/schema';
import type { InjectCondition } from '../scenario/schemaInject';
import { CellKind, isWalkableKind } from '../space/CellKind';
import { type Grid, rectCells } from '../space/Grid';

export type InjectStatus = 'pending' | 'fired' | 'skipped';

/** One inject during a run: its scenario entry, what became of it, and what its condition measures. */
export interface InjectRuntime {
  spec: Inject;
  status: InjectStatus;
  /** Earliest time it may fire, s: its atS, pushed on by delays; -1 when it has none. */
  notBeforeS: number;
  /** When it fired or was skipped, s; -1 before. */
  settledS: number;
  /** Since when its condition has held without a break, s; -1 when it does not hold now. */
  holdingSinceS: number;
  /** Crowding: the cells measured and their walkable area, m² (over all floors of a building). */
  cells: Int32Array;
  areaM2: number;
  /** Still at home: the residents who lived in the zone at the start (empty for "all"). */
  residents: Int32Array;
  /** After another inject: its index in the list; -1 otherwise. */
  afterIndex: number;
}

export interface InjectState {
  list: InjectRuntime[];
  byId: Map<string, number>;
  /** Conditions that measure the crowd or the figures are checked once every this many ticks (about 1 s). */
  everyTicks: number;
}

/** Seconds of simulated time between two checks of the measured conditions. */
export const CHECK_EVERY_S = 1;

const EMPTY = new Int32Array(0);

/** The injects of a checked scenario, all pending, with the cells and residents their conditions watch. */
export function createInjects(scenario: Scenario, grid: Grid, residents: Residents): InjectState {
  const byId = new Map(scenario.injects.map((inject, i) => [inject.id, i]));
  const list = scenario.injects.map((spec): InjectRuntime => {
    const condition = spec.condition;
    const area = condition?.kind === 'crowding' ? crowdingArea(condition, grid) : { cells: EMPTY, areaM2: 0 };
    return {
      spec,
      status: 'pending',
      notBeforeS: spec.atS ?? -1,
      settledS: -1,
      holdingSinceS: -1,
      cells: area.cells,
      areaM2: area.areaM2,
      residents: condition?.kind === 'stillHome' ? residentsIn(condition.zone, grid, residents) : EMPTY,
      afterIndex: condition?.kind === 'after' ? (byId.get(condition.inject) ?? -1) : -1,
    };
  });
  return { list, byId, everyTicks: Math.max(1, Math.round(CHECK_EVERY_S / scenario.simulation.tickS)) };
}

/**
 * The ground a crowding condition measures: a rectangle, a zone or a building, or the cells within
 * `aroundM` of an exit or shelter (the space in front of it). Only walkable ground counts; exit and
 * shelter cells do not, since whoever steps on them is safe.
 */
export function crowdingArea(condition: Extract<InjectCondition, { kind: 'crowding' }>, grid: Grid): { cells: Int32Array; areaM2: number } {
  let candidates: Iterable<number> = [];
  let floors = 1;
  if (condition.rect) candidates = rectCells(condition.rect, grid.width, grid.height);
  else if (condition.place !== undefined) {
    const place = grid.placeById.get(condition.place);
    if (place?.place.kind === 'exit' || place?.place.kind === 'shelter') candidates = cellsAround(grid, place.cells, condition.aroundM);
    else if (place) {
      candidates = place.cells;
      if (place.place.kind === 'building') floors = place.place.floors ?? 1;
    }
  }
  const cells: number[] = [];
  for (const c of candidates) {
    const kind = grid.baseKinds[c];
    if (isWalkableKind(kind) && kind !== CellKind.Exit && kind !== CellKind.Shelter) cells.push(c);
  }
  cells.sort((a, b) => a - b);
  return { cells: Int32Array.from(cells), areaM2: cells.length * grid.cellSizeM * grid.cellSizeM * floors };
}

/** Cells whose centres lie within `radiusM` of the centre of one of `around`. */
function cellsAround(grid: Grid, around: Int32Array, radiusM: number): Set<number> {
  const reach = Math.floor(radiusM / grid.cellSizeM);
  const limit = (radiusM / grid.cellSizeM) ** 2;
  const found = new Set<number>();
  for (const cell of around) {
    const x = cell % grid.width;
    const y = (cell - x) / grid.width;
    for (let dy = -reach; dy <= reach; dy++) {
      for (let dx = -reach; dx <= reach; dx++) {
        const nx = x + dx;
        const ny = y + dy;
        if (nx < 0 || ny < 0 || nx >= grid.width || ny >= grid.height || dx * dx + dy * dy > limit) continue;
        found.add(ny * grid.width + nx);
      }
    }
  }
  return found;
}

/** Residents who are in `zone` (a zone, a building or "all") at the start of the run. */
function residentsIn(zone: string, grid: Grid, residents: Residents): Int32Array {
  // Everyone is counted from the run's totals instead (see stillHomeShare): no list needed.
  if (zone === 'all') return EMPTY;
  const place = grid.placeById.get(zone);
  if (!place) return EMPTY;
  const inZone = new Uint8Array(grid.width * grid.height);
  for (const c of place.cells) inZone[c] = 1;
  const found: number[] = [];
  for (let i = 0; i < residents.count; i++) if (inZone[residents.cell[i]]) found.push(i);
  return Int32Array.from(found);
}

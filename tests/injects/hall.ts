import { loadScenarioObject, ResidentState, type Scenario, type Snapshot } from '../../sim/index';

/**
 * A hall of 1 m cells, 22 × 7 inside its walls, with one 1-cell gate in the middle of the east wall
 * (row 4, column 23). `extra` is merged over the scenario (injects, timeline, population...).
 */
export const HALL = { width: 24, height: 9, gate: { x: 23, y: 4 } } as const;

export function hallInput(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const rows = Array.from({ length: HALL.height }, (_, y) =>
    Array.from({ length: HALL.width }, (_, x) => {
      if (x === HALL.gate.x && y === HALL.gate.y) return 'G';
      return x === 0 || y === 0 || x === HALL.width - 1 || y === HALL.height - 1 ? '#' : '.';
    }).join(''),
  );
  return {
    schemaVersion: 1,
    id: 'hall',
    title: 'A hall with one gate',
    simulation: { tickS: 0.25, durationS: 600 },
    map: { cellSizeM: 1, rows, legend: { '#': 'wall', '.': 'open', G: { cell: 'exit', place: 'gate' } } },
    places: [
      { id: 'gate', kind: 'exit', name: 'East gate' },
      { id: 'west-half', kind: 'zone', rect: { x: 0, y: 0, w: 12, h: 9 } },
    ],
    population: {
      defaultPreMovementS: { kind: 'fixed', valueS: 0 },
      groups: [{ id: 'people', count: 48, speedMps: { kind: 'fixed', valueMps: 1.2 }, placement: { kind: 'rect', rect: { x: 2, y: 1, w: 4, h: 4 } } }],
    },
    ...extra,
  };
}

export function hall(extra: Record<string, unknown> = {}): Scenario {
  const result = loadScenarioObject(hallInput(extra));
  if (!result.ok) throw new Error(result.errors.map((e) => `${e.path}: ${e.message}`).join('\n'));
  return result.scenario;
}

/** Residents not yet safe (nor dead) per m² over the given cells (1 m cells), from a snapshot's positions. */
export function densityOver(snapshot: Snapshot, cells: ReadonlySet<number>, cellSizeM = 1): number {
  let people = 0;
  for (let i = 0; i < snapshot.residentState.length; i++) {
    const s = snapshot.residentState[i];
    if (s === ResidentState.Safe || s === ResidentState.Deceased) continue;
    const cell = Math.floor(snapshot.residentXY[2 * i + 1] / cellSizeM) * HALL.width + Math.floor(snapshot.residentXY[2 * i] / cellSizeM);
    if (cells.has(cell)) people++;
  }
  return people / (cells.size * cellSizeM * cellSizeM);
}

/** Interior cells of a rectangle of the hall. */
export function rectSet(x: number, y: number, w: number, h: number): Set<number> {
  const cells = new Set<number>();
  for (let row = y; row < y + h; row++) for (let col = x; col < x + w; col++) cells.add(row * HALL.width + col);
  return cells;
}

/** Floor cells of the hall (not walls, not the gate) whose centres are within `radiusM` of the gate's centre. */
export function cellsBeforeGate(radiusM: number): Set<number> {
  const cells = new Set<number>();
  for (let y = 1; y < HALL.height - 1; y++)
    for (let x = 1; x < HALL.width - 1; x++) if ((x - HALL.gate.x) ** 2 + (y - HALL.gate.y) ** 2 <= radiusM ** 2) cells.add(y * HALL.width + x);
  return cells;
}

import type { ScenarioInput } from '../sim/index';

/** The hazard models of the benchmark: one per hazard engine, and all three at once. */
export const HAZARD_MODELS = ['hazard-fire', 'hazard-gas', 'hazard-flood', 'hazard-combined'] as const;
export type HazardModel = (typeof HAZARD_MODELS)[number];

/** Cells per side of the hazard benchmark's map, and their size: 512 × 512 cells of 2 m, about 1 km across. */
export const HAZARD_MAP_SIDE = 512;
export const HAZARD_CELL_M = 2;
/** Seconds per tick: the shipped community scenarios (2 m cells) run at 0.5 s. */
export const HAZARD_TICK_S = 0.5;

/** The hazards: the fire's front speed and wind, the leak's rate and wind, the breach's peak inflow. */
export const FIRE_SPREAD_MPS = 0.4;
export const FIRE_WIND_MPS = 4;
export const LEAK_KG_PER_S = 10;
export const LEAK_WIND_MPS = 3;
export const BREACH_M3_PER_S = 150;

/** Blocks of BLOCK × BLOCK building cells (24 m) between roads ROAD cells wide (8 m). */
const BLOCK = 12;
const ROAD = 4;
const PITCH = BLOCK + ROAD;
/** A gate in the boundary wall at the end of every GATE_EVERY-th road. */
const GATE_EVERY = 4;
/** Legend characters of gates start here (Latin Extended: one UTF-16 unit each, never a map symbol). */
const FIRST_GATE_CODE = 0x100;

/** The layout of a hazard benchmark community, for reports and tests. */
export interface HazardLayout {
  sideCells: number;
  cellSizeM: number;
  blocksPerSide: number;
  gates: number;
}

export interface HazardCommunityOptions {
  /** Cells per side (default 512; tests use small maps). At least 2 + ROAD + PITCH = 22. */
  sideCells?: number;
  /** When everyone is ordered out, s: the benchmark orders it when timing starts. */
  evacuateAtS: number;
}

/**
 * A community for timing the hazard engines inside a simulation: a square town of building blocks and roads
 * inside a boundary wall with gates, `agents` residents at home, and the hazards of `model`:
 *
 * - fire: lit at the centre at 0 s, its front moving 0.4 m/s (a fast fire, so the warm-up is short) through
 *   buildings, gardens and parked cars on the roads (less fuel), pushed east by a 4 m/s wind that carries its
 *   smoke over the town;
 * - gas: a tanker leak of 10 kg/s at the centre from 0 s, blown east-north-east at 3 m/s;
 * - flood: a breach in the west levee letting in 150 m³/s (after a 60 s rise) over ground that falls 4 m
 *   toward the east, with houses 0.3 m above the street, leaving through the east gates;
 * - combined: all three at once, the fire and the leak in different quarters.
 *
 * Nobody leaves until `evacuateAtS`, when everyone is ordered out (no pre-movement time), so the timed ticks
 * hold the hazards spreading, people walking and routes rebuilt around burning and deep cells.
 * @example const { scenario } = createHazardCommunity('hazard-fire', 10_000, { evacuateAtS: 240 })
 */
export function createHazardCommunity(model: HazardModel, agents: number, options: HazardCommunityOptions): { scenario: ScenarioInput; layout: HazardLayout } {
  const side = options.sideCells ?? HAZARD_MAP_SIDE;
  const blocksPerSide = Math.floor((side - 2 - ROAD) / PITCH);
  if (blocksPerSide < 1) throw new RangeError(`createHazardCommunity: a side of ${side} cells holds no block; use at least ${2 + ROAD + PITCH}`);
  const legend: Record<string, unknown> = { '#': 'wall', '=': 'road', B: { cell: 'building', place: 'homes' }, ',': 'open' };
  const places: Record<string, unknown>[] = [{ id: 'homes', kind: 'building', name: 'Homes' }];
  const grid: string[][] = [];
  for (let y = 0; y < side; y++) {
    const row: string[] = [];
    for (let x = 0; x < side; x++) row.push(cellAt(x, y, side, blocksPerSide));
    grid.push(row);
  }
  // Gates at road ends on all four sides (the roads start at 1, 1 + PITCH, ...).
  const gates: Record<string, number> = { north: 0, south: 0, west: 0, east: 0 };
  const addGate = (sideName: string, cells: [number, number][]) => {
    const ch = String.fromCharCode(FIRST_GATE_CODE + places.length);
    const id = `${sideName}-gate-${gates[sideName]++}`;
    legend[ch] = { cell: 'exit', place: id };
    places.push({ id, kind: 'exit' });
    for (const [x, y] of cells) grid[y][x] = ch;
  };
  for (let k = 0; k <= blocksPerSide; k++) {
    if (k % GATE_EVERY !== 0 && k !== blocksPerSide) continue;
    const span = Array.from({ length: ROAD }, (_, d) => 1 + k * PITCH + d);
    addGate(
      'north',
      span.map((x) => [x, 0]),
    );
    addGate(
      'south',
      span.map((x) => [x, side - 1]),
    );
    addGate(
      'west',
      span.map((y) => [0, y]),
    );
    addGate(
      'east',
      span.map((y) => [side - 1, y]),
    );
  }

  const mid = Math.floor(side / 2);
  const sizeM = side * HAZARD_CELL_M;
  const fire = {
    id: 'town-fire',
    name: 'Fire spreading through the town',
    kind: 'fire',
    fire: {
      ignition: { kind: 'point', xM: (model === 'hazard-combined' ? 0.6 : 0.5) * sizeM + 1, yM: (model === 'hazard-combined' ? 0.3 : 0.5) * sizeM + 1 },
      spreadRateMps: FIRE_SPREAD_MPS,
      burnDurationS: 900,
      fuelByCellKind: { open: 0.5, road: 0.2 },
      wind: { speedMps: FIRE_WIND_MPS, fromDeg: 270 },
    },
  };
  const gas = {
    id: 'tanker-leak',
    name: 'Tanker leaking a toxic gas',
    kind: 'gas',
    plume: {
      release: model === 'hazard-combined' ? { x: Math.floor(side * 0.3), y: Math.floor(side * 0.7) } : { x: mid, y: mid },
      releaseRateKgPerS: LEAK_KG_PER_S,
      wind: { speedMps: LEAK_WIND_MPS, fromDeg: 240 },
      diffusivityM2PerS: 5,
    },
  };
  const breachY = Math.max(1, mid - 10);
  const flood = {
    id: 'levee-breach',
    name: 'Breach in the west levee',
    kind: 'flood',
    flood: {
      elevation: {
        baseM: 0,
        shapes: [
          { kind: 'slope', rect: { x: 0, y: 0, w: side, h: side }, fromM: 6, toM: 2, toward: 'east' },
          // Houses stand 0.3 m above the street.
          ...blockRects(blocksPerSide).map((rect) => ({ kind: 'raise', rect, byM: 0.3 })),
        ],
      },
      sources: [{ id: 'breach', kind: 'breach', rect: { x: 1, y: breachY, w: 1, h: Math.min(20, side - 1 - breachY) }, inflowM3s: BREACH_M3_PER_S, riseS: 60 }],
      outflows: [{ kind: 'edge', sides: ['east'] }],
      manningN: 0.03,
    },
  };
  const hazards = model === 'hazard-fire' ? [fire] : model === 'hazard-gas' ? [gas] : model === 'hazard-flood' ? [flood] : [fire, gas, flood];

  const scenario = {
    schemaVersion: 1,
    id: `bench-${model}-${agents}`,
    title: `Hazard benchmark (${model.slice('hazard-'.length)}), ${agents} residents on ${side} × ${side} cells`,
    simulation: { tickS: HAZARD_TICK_S, durationS: 3600, metricsEveryS: 10 },
    map: { cellSizeM: HAZARD_CELL_M, rows: grid.map((row) => row.join('')), legend },
    places,
    population: {
      defaultPreMovementS: { kind: 'fixed', valueS: 0 },
      groups: [{ id: 'residents', count: agents, householdSize: 3, placement: { kind: 'buildings', buildings: ['homes'] } }],
    },
    hazards,
    timeline: [{ atS: options.evacuateAtS, kind: 'evacuate', zone: 'all', target: 'nearest-safe' }],
  } as ScenarioInput;
  return { scenario, layout: { sideCells: side, cellSizeM: HAZARD_CELL_M, blocksPerSide, gates: places.length - 1 } };
}

/** Wall, then road, block, road, ..., block, road, and open ground (a park) up to the far wall. */
function cellAt(x: number, y: number, side: number, blocksPerSide: number): string {
  if (x === 0 || y === 0 || x === side - 1 || y === side - 1) return '#';
  const end = 1 + blocksPerSide * PITCH + ROAD;
  if (x >= end || y >= end) return ',';
  const ox = (x - 1) % PITCH;
  const oy = (y - 1) % PITCH;
  return ox < ROAD || oy < ROAD ? '=' : 'B';
}

function blockRects(blocksPerSide: number): { x: number; y: number; w: number; h: number }[] {
  const rects = [];
  for (let by = 0; by < blocksPerSide; by++) {
    for (let bx = 0; bx < blocksPerSide; bx++) rects.push({ x: 1 + bx * PITCH + ROAD, y: 1 + by * PITCH + ROAD, w: BLOCK, h: BLOCK });
  }
  return rects;
}

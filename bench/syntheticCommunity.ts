import type { ScenarioInput } from '../sim/index';

/** Building blocks are BLOCK × BLOCK cells, separated by roads ROAD cells wide; cells are 1 m. */
const BLOCK = 8;
const ROAD = 3;
const PITCH = BLOCK + ROAD;
/** Residents per building cell (per m² of floor): free walking at the start, far below the 5.4/m² jam. */
const PEOPLE_PER_BUILDING_CELL = 1;
/** A gate at the end of every GATE_EVERY-th road on each side of the boundary wall. */
const GATE_EVERY = 2;
/**
 * Shares of the population by group, loosely a community's age mix; speeds are the RiMEA defaults. Each
 * group lives in its own blocks (mixed across the map), drawn with its own legend character.
 */
const GROUPS = [
  { id: 'adults', share: 0.55, ageGroup: '30to50', mobility: 'normal', householdSize: 3, symbol: 'A' },
  { id: 'young', share: 0.25, ageGroup: 'under30', mobility: 'normal', householdSize: 2, symbol: 'Y' },
  { id: 'elderly', share: 0.15, ageGroup: 'over50', mobility: 'normal', householdSize: 2, symbol: 'E' },
  { id: 'limited', share: 0.05, ageGroup: 'over50', mobility: 'limited', householdSize: 1, symbol: 'L' },
] as const;
/** Legend characters of gates start here (Latin Extended: one UTF-16 unit each, never a map symbol). */
const FIRST_GATE_CODE = 0x100;

/**
 * The cells of block (column bx, row by) of a synthetic community, as a rectangle in cells; the roads
 * around it are the ROAD cells beyond each side.
 */
export function blockRect(bx: number, by: number): { x: number; y: number; w: number; h: number } {
  return { x: 1 + bx * PITCH + ROAD, y: 1 + by * PITCH + ROAD, w: BLOCK, h: BLOCK };
}

/** The layout of a synthetic community, for reports. */
export interface CommunityLayout {
  blocksPerSide: number;
  sideCells: number;
  gates: number;
}

/**
 * A synthetic community of `agents` residents for benchmarks: a square grid of building blocks separated
 * by roads inside a boundary wall, with gates where roads meet the wall, sized so everyone has a cell of
 * floor. Evacuation of everyone is ordered at t = 0 with no pre-movement time, so all walk from the first tick.
 * @example const { scenario } = createSyntheticCommunity(100_000); loadScenarioObject(scenario)
 */
export function createSyntheticCommunity(agents: number): { scenario: ScenarioInput; layout: CommunityLayout } {
  const blocks = Math.max(1, Math.ceil(agents / (BLOCK * BLOCK * PEOPLE_PER_BUILDING_CELL)));
  const blocksPerSide = Math.ceil(Math.sqrt(blocks));
  // Wall, then road, block, road, ..., block, road, wall.
  const inner = blocksPerSide * PITCH + ROAD;
  const side = inner + 2;
  const roadStarts = Array.from({ length: blocksPerSide + 1 }, (_, k) => 1 + k * PITCH);
  const gateRoads = roadStarts.filter((_, k) => k % GATE_EVERY === 0 || k === blocksPerSide);

  const legend: Record<string, unknown> = { '#': 'wall', '=': 'road' };
  const places: Record<string, unknown>[] = [];
  for (const g of GROUPS) {
    legend[g.symbol] = { cell: 'building', place: `homes-${g.id}` };
    places.push({ id: `homes-${g.id}`, kind: 'building' });
  }
  const blockGroups = assignBlocks(blocksPerSide * blocksPerSide);
  const grid: string[][] = [];
  for (let y = 0; y < side; y++) {
    const row: string[] = [];
    for (let x = 0; x < side; x++) row.push(cellAt(x, y, side, blocksPerSide, blockGroups));
    grid.push(row);
  }
  // Gates in the wall at road ends: north and south walls for the vertical roads, west and east for the horizontal.
  const addGate = (cells: [number, number][], sideName: string, k: number) => {
    const ch = String.fromCharCode(FIRST_GATE_CODE + places.length);
    const id = `${sideName}-gate-${k}`;
    legend[ch] = { cell: 'exit', place: id };
    places.push({ id, kind: 'exit' });
    for (const [x, y] of cells) grid[y][x] = ch;
  };
  gateRoads.forEach((start, k) => {
    const span = Array.from({ length: ROAD }, (_, d) => start + d);
    addGate(
      span.map((x) => [x, 0]),
      'north',
      k,
    );
    addGate(
      span.map((x) => [x, side - 1]),
      'south',
      k,
    );
    addGate(
      span.map((y) => [0, y]),
      'west',
      k,
    );
    addGate(
      span.map((y) => [side - 1, y]),
      'east',
      k,
    );
  });

  let assigned = 0;
  const groups = GROUPS.map((g, i) => {
    const count = i === GROUPS.length - 1 ? agents - assigned : Math.round(agents * g.share);
    assigned += count;
    return {
      id: g.id,
      count,
      ageGroup: g.ageGroup,
      mobility: g.mobility,
      householdSize: g.householdSize,
      placement: { kind: 'buildings', buildings: [`homes-${g.id}`] },
    };
  });

  const scenario = {
    schemaVersion: 1,
    id: `synthetic-${agents}`,
    title: `Synthetic community of ${agents} residents`,
    simulation: { tickS: 0.25, durationS: 3600, metricsEveryS: 5 },
    map: { cellSizeM: 1, rows: grid.map((row) => row.join('')), legend },
    places,
    population: { defaultPreMovementS: { kind: 'fixed', valueS: 0 }, groups },
    timeline: [{ atS: 0, kind: 'evacuate', zone: 'all', target: 'nearest-safe' }],
  } as ScenarioInput;
  return { scenario, layout: { blocksPerSide, sideCells: side, gates: places.length - GROUPS.length } };
}

/**
 * The group living in each block, by smooth weighted round robin: every group gets blocks in proportion to
 * its share, spread evenly over the map, so each group's homes have room for it.
 */
function assignBlocks(count: number): Uint8Array {
  const owner = new Uint8Array(count);
  const given = GROUPS.map(() => 0);
  for (let b = 0; b < count; b++) {
    let best = 0;
    for (let g = 1; g < GROUPS.length; g++) {
      if (GROUPS[g].share * (b + 1) - given[g] > GROUPS[best].share * (b + 1) - given[best]) best = g;
    }
    owner[b] = best;
    given[best]++;
  }
  return owner;
}

function cellAt(x: number, y: number, side: number, blocksPerSide: number, blockGroups: Uint8Array): string {
  if (x === 0 || y === 0 || x === side - 1 || y === side - 1) return '#';
  // Offsets inside the repeating road + block pattern, counted from the first road.
  const ox = (x - 1) % PITCH;
  const oy = (y - 1) % PITCH;
  if (ox < ROAD || oy < ROAD) return '=';
  const block = Math.floor((y - 1) / PITCH) * blocksPerSide + Math.floor((x - 1) / PITCH);
  return GROUPS[blockGroups[block]].symbol;
}

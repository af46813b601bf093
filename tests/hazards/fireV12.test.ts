import { describe, expect, it } from 'vitest';
import { BurnState, createFire, type Fire, fireSpecSchema, isFireActive, stepFire } from '../../sim/hazards/fire/index';
import { createRandom, type Random } from '../../sim/random/Random';

// VALIDATION V12, site percolation: fuel present with probability p on a 256 × 256 grid, fire spreading
// to the 4 cells sharing an edge, lit along the whole left column; does it reach the right column? The
// threshold of the square lattice is p = 0.592746. This runs the fire module's own spread ("grid4"),
// to the end, rather than a separate cluster search.
const SIDE = 256;
const TRIALS = 200;

const spec = fireSpecSchema.parse({
  ignition: { kind: 'rect', rect: { x: 0, y: 0, w: 1, h: SIDE } },
  spreadModel: 'grid4',
  spreadRateMps: 10,
  spreadVariability: 0,
  burnDurationS: 86_400,
  smoke: { productionPerM2S: 0 },
});
/** Spread without variability draws nothing: a stream that would fail loudly if it were used. */
const unused: Random = {
  next: () => {
    throw new Error('grid4 percolation with no variability should draw no random numbers');
  },
  state: () => ({ c: 0, s0: 0, s1: 0, s2: 0 }),
};

function burnToTheEnd(fuel: Uint8Array): Fire {
  const fire = createFire({ width: SIDE, height: SIDE, cellSizeM: 1, fuel }, spec, unused);
  // At 10 m/s over 1 m cells the longest possible path (every cell) takes 6,554 s: one step burns it all.
  stepFire(fire, 10_000);
  expect(fire.front.size).toBe(0);
  return fire;
}

function crosses(fire: Fire): boolean {
  for (let y = 0; y < SIDE; y++) if (fire.state[y * SIDE + SIDE - 1] !== BurnState.Unburnt) return true;
  return false;
}

function crossingShare(p: number): number {
  const fuel = new Uint8Array(SIDE * SIDE);
  let crossed = 0;
  for (let trial = 0; trial < TRIALS; trial++) {
    const random = createRandom(trial, `v12-fuel-${p}`);
    for (let c = 0; c < fuel.length; c++) fuel[c] = random.next() < p ? 1 : 0;
    if (crosses(burnToTheEnd(fuel))) crossed++;
  }
  return crossed / TRIALS;
}

describe('V12 fire percolation (256 × 256, 4-neighbour spread, 200 trials)', () => {
  it('rarely crosses below the threshold: P ≤ 0.05 at p = 0.55', () => {
    expect(crossingShare(0.55)).toBeLessThanOrEqual(0.05);
  });

  it('crosses about half the time at the threshold: 0.30 ≤ P ≤ 0.65 at p = 0.5927', () => {
    const share = crossingShare(0.5927);
    expect(share).toBeGreaterThanOrEqual(0.3);
    expect(share).toBeLessThanOrEqual(0.65);
  });

  it('nearly always crosses above it: P ≥ 0.99 at p = 0.65', () => {
    expect(crossingShare(0.65)).toBeGreaterThanOrEqual(0.99);
  });

  it('follows the 4-neighbour rule exactly on a hand-drawn maze', () => {
    // Fuel is '#'. The fire may pass only through shared edges: (3, 0) touches (4, 1) only at a corner.
    const rows = ['##.#.....', '.#..#....', '.####.###', '....#.#.#', '....###.#'];
    const width = rows[0].length;
    const fuel = Uint8Array.from(rows.join(''), (ch) => (ch === '#' ? 1 : 0));
    const maze = fireSpecSchema.parse({ ...spec, ignition: { kind: 'cells', cells: [{ x: 0, y: 0 }] } });
    const fire = createFire({ width, height: rows.length, cellSizeM: 1, fuel }, maze, unused);
    stepFire(fire, 1000);
    expect(isFireActive(fire)).toBe(true);
    const burnt = rows.map((row, y) => [...row].map((_, x) => (fire.state[y * width + x] === BurnState.Unburnt ? '.' : '#')).join(''));
    expect(burnt).toEqual(['##.......', '.#..#....', '.####.###', '....#.#.#', '....###.#']);
  });
});

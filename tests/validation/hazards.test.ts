import { describe, expect, it } from 'vitest';
import { BurnState } from '../../sim/hazards/fire/index';
import { buildBedElevation } from '../../sim/hazards/flood/index';
import { steadyPointSourceConcentration } from '../../sim/hazards/plume/index';
import { createSimulation, type Scenario, type Simulation } from '../../sim/index';
import { loadValidation } from '../support/scenarios';

type HazardEngine = ReturnType<Simulation['hazards']>[number];

/** The run's only hazard engine, of the expected kind. */
function engineOf(sim: Simulation, kind: string): HazardEngine {
  const engines = sim.hazards();
  expect(engines.map((e) => e.kind)).toEqual([kind]);
  return engines[0];
}

/** The scenario's only hazard, of the expected kind. */
function hazardOf<K extends Scenario['hazards'][number]['kind']>(scenario: Scenario, kind: K): Extract<Scenario['hazards'][number], { kind: K }> {
  const [hazard] = scenario.hazards;
  if (scenario.hazards.length !== 1 || hazard.kind !== kind) throw new Error(`expected one ${kind} hazard`);
  return hazard as Extract<Scenario['hazards'][number], { kind: K }>;
}

/** Nobody is hurt or walks in these runs: the hazard is the only thing that moves. */
function expectBystandersUnharmed(sim: Simulation): void {
  const m = sim.metrics();
  expect(m.injured).toBe(0);
  expect(m.deceased).toBe(0);
  expect(m.moving).toBe(0);
}

// VALIDATION V12: site percolation on a 256 × 256 grid. Each seed draws its own fuel pattern (fuelProbability
// in the scenario), so seeds 1..200 are the 200 trials. A trial crosses when any cell of the right column
// catches fire. Ticks are an hour long and the front moves 10 cells a second, so the first tick burns every
// cell the fire can reach; a trial that has not crossed by then gets one more tick to show that nothing more
// burns (the front needs 0.1 s per cell, far less than a tick: no cell can still be due). Measured when this
// was written: P = 0 at p = 0.55, 0.49 at p = 0.5927 and 1 at p = 0.65.
describe('V12 fire percolation (256 × 256, 4-neighbour spread, 200 trials)', () => {
  const SIDE = 256;
  const TRIALS = 200;

  /** Whether the fire of one trial reaches the right column, and the ticks it took to know. */
  function trial(scenario: Scenario, seed: number): { crossed: boolean; ticks: number } {
    const sim = createSimulation(scenario, { seed });
    const fire = engineOf(sim, 'fire');
    const crossed = () => {
      for (let y = 0; y < SIDE; y++) if (fire.valueAt(y * SIDE + SIDE - 1) !== BurnState.Unburnt) return true;
      return false;
    };
    let lit = -1;
    for (let ticks = 1; ticks <= 10; ticks++) {
      sim.step(1);
      if (crossed()) return { crossed: true, ticks };
      const r = fire.report();
      const now = r.burningCells + r.burntCells;
      if (now === lit) return { crossed: false, ticks };
      lit = now;
    }
    throw new Error(`seed ${seed}: the fire was still spreading after 10 ticks`);
  }

  /** Share of the 200 trials that cross; each trial takes one tick, or two when it does not cross. */
  function crossingShare(name: string, p: number): number {
    const scenario = loadValidation(name);
    const fire = hazardOf(scenario, 'fire').fire;
    // What the case needs of the file: p, the grid, the rule, the ignition, and a front that crosses a cell
    // within a tick (so a tick in which nothing new burns means no cell is still due).
    expect(fire.fuelProbability).toBe(p);
    expect(scenario.map.cellSizeM / fire.spreadRateMps).toBeLessThanOrEqual(scenario.simulation.tickS);
    expect(scenario.map.rows.length - 1).toBe(SIDE);
    expect(scenario.map.rows[0].length).toBe(SIDE);
    expect(fire.spreadModel).toBe('grid4');
    expect(fire.spreadVariability).toBe(0);
    expect(fire.ignition).toEqual({ kind: 'rect', rect: { x: 0, y: 0, w: 1, h: SIDE } });
    expect(fire.fuelAreas).toEqual([{ rect: { x: 0, y: 0, w: SIDE, h: SIDE }, fuel: 1 }]);
    let crossed = 0;
    let ticks = 0;
    for (let seed = 1; seed <= TRIALS; seed++) {
      const t = trial(scenario, seed);
      if (t.crossed) crossed++;
      ticks += t.ticks;
    }
    expect(ticks).toBeLessThanOrEqual(2 * TRIALS);
    return crossed / TRIALS;
  }

  it('draws a different fuel pattern for each seed, with about p of the cells keeping their fuel', () => {
    const scenario = loadValidation('v12-percolation-0-5927');
    const burnt = (seed: number) => {
      const sim = createSimulation(scenario, { seed });
      sim.step(1);
      const fire = engineOf(sim, 'fire');
      return Array.from({ length: SIDE * SIDE }, (_, c) => fire.valueAt(c));
    };
    const a = burnt(1);
    expect(burnt(1)).toEqual(a);
    expect(burnt(2)).not.toEqual(a);
    // Left column: every cell that kept its fuel is lit, so the lit share there is p (256 draws: ± 0.1).
    const lit = Array.from({ length: SIDE }, (_, y) => a[y * SIDE]).filter((s) => s !== BurnState.Unburnt).length;
    expect(Math.abs(lit / SIDE - 0.5927)).toBeLessThan(0.1);
  });

  it('rarely crosses below the threshold: P ≤ 0.05 at p = 0.55', () => {
    expect(crossingShare('v12-percolation-0-55', 0.55)).toBeLessThanOrEqual(0.05);
  });

  it('crosses about half the time at the threshold: 0.30 ≤ P ≤ 0.65 at p = 0.5927', () => {
    const share = crossingShare('v12-percolation-0-5927', 0.5927);
    expect(share).toBeGreaterThanOrEqual(0.3);
    expect(share).toBeLessThanOrEqual(0.65);
  });

  it('nearly always crosses above it: P ≥ 0.99 at p = 0.65', () => {
    expect(crossingShare('v12-percolation-0-65', 0.65)).toBeGreaterThanOrEqual(0.99);
  });
});

// VALIDATION V13: water in = water on the grid + water out, within 1e-3 relative, all through a river flood
// over an uneven valley that drains over the east edge and through a culvert.
describe('V13 flood mass balance', () => {
  it('balances every simulated minute of a 3-hour river flood', () => {
    const scenario = loadValidation('v13-flood-mass-balance');
    const sim = createSimulation(scenario, { seed: 1 });
    const flood = engineOf(sim, 'flood');
    const ticksPerMinute = Math.round(60 / sim.tickS);
    let worst = 0;
    let checks = 0;
    while (sim.timeS < scenario.simulation.durationS) {
      sim.step(ticksPerMinute);
      const r = flood.report();
      // The balance from its parts, not the engine's own error figure.
      const entered = r.initialM3 + r.inM3;
      worst = Math.max(worst, Math.abs(entered - r.onGridM3 - r.outM3) / entered);
      checks++;
    }
    const end = flood.report();
    expect(checks).toBe(180);
    // The river's hydrograph: a 15-minute rise and a 30-minute fall (triangles) around 75 steady minutes at 15 m³/s.
    expect(end.inM3).toBeCloseTo(15 * (450 + 4500 + 900), 3);
    // The run did something: much of the water has left, over the edge and through the culvert, and much is still there.
    expect(end.outM3).toBeGreaterThan(0.3 * end.inM3);
    expect(end.onGridM3).toBeGreaterThan(1000);
    expect(worst).toBeLessThanOrEqual(1e-3);
    // What is achieved: rounding only (about 1e-14 when this was written).
    expect(worst).toBeLessThan(1e-9);
    expectBystandersUnharmed(sim);
  });
});

// VALIDATION V14: water at rest over an uneven bed stays at rest for a simulated hour: the level (ground +
// depth) changes by less than 1 mm in every cell, and dry ground stays dry.
describe('V14 still water stays still', () => {
  it('keeps the lake level within 1 mm everywhere over 1 simulated hour', () => {
    const scenario = loadValidation('v14-still-water');
    const sim = createSimulation(scenario, { seed: 1 });
    const water = engineOf(sim, 'flood');
    const { width, height } = { width: scenario.map.rows[0].length, height: scenario.map.rows.length };
    const bed = buildBedElevation(hazardOf(scenario, 'flood').flood.elevation, width, height);
    const level = () => Float64Array.from(bed, (b, c) => b + water.valueAt(c));
    const level0 = level();
    const wet0 = Array.from(bed, (_, c) => water.valueAt(c) > 0);
    const wetCells = wet0.filter(Boolean).length;
    // A real test: much of the map is lake and much is dry ground above it.
    expect(wetCells).toBeGreaterThan(0.4 * bed.length);
    expect(bed.length - wetCells).toBeGreaterThan(0.15 * bed.length);

    let worstM = 0;
    let wetted = 0;
    const ticksPerMinute = Math.round(60 / sim.tickS);
    for (let minute = 1; minute <= 60; minute++) {
      sim.step(ticksPerMinute);
      const now = level();
      for (let c = 0; c < now.length; c++) {
        worstM = Math.max(worstM, Math.abs(now[c] - level0[c]));
        if (!wet0[c] && water.valueAt(c) !== 0) wetted++;
      }
    }
    expect(sim.timeS).toBe(3600);
    expect(worstM).toBeLessThan(1e-3);
    // What is achieved: Float32 rounding of the depths (2.4e-7 m when this was written).
    expect(worstM).toBeLessThan(1e-6);
    expect(wetted).toBe(0);
    expectBystandersUnharmed(sim);
  });
});

// VALIDATION V15: a continuous point source in a uniform wind against the exact steady 2-D solution
// C = Q/(2πK)·e^(ux/2K)·K₀(ur/2K), Q = 1 /s, K = 1 m²/s, u = 1 m/s, 1 m cells.
describe('V15 plume, steady 2-D advection–diffusion', () => {
  it('is steady after 150 s and within 10% of 0.0872, 0.0623 and 0.0451 at (10, 0), (20, 0) and (20, 5)', () => {
    const scenario = loadValidation('v15-plume-steady');
    const { plume } = hazardOf(scenario, 'gas');
    expect(scenario.map.cellSizeM).toBeLessThanOrEqual(1);
    expect([plume.releaseRateKgPerS, plume.diffusivityM2PerS, plume.wind.speedMps, plume.wind.fromDeg, plume.mixingHeightM]).toEqual([1, 1, 1, 270, 1]);
    const sim = createSimulation(scenario, { seed: 1 });
    const gas = engineOf(sim, 'gas');
    const width = scenario.map.rows[0].length;
    const cellM = scenario.map.cellSizeM;
    // Downwind is +x (the wind blows from the west); (x, y) in metres from the release cell's centre.
    const at = (xM: number, yM: number) => gas.valueAt((plume.release.y + Math.round(yM / cellM)) * width + plume.release.x + Math.round(xM / cellM));
    const points: [number, number, number][] = [
      [10, 0, 0.0872],
      [20, 0, 0.0623],
      [20, 5, 0.0451],
    ];
    sim.step(Math.round(140 / sim.tickS));
    const before = points.map(([x, y]) => at(x, y));
    sim.step(Math.round(10 / sim.tickS));
    expect(sim.timeS).toBe(150);
    points.forEach(([x, y, published], k) => {
      const value = at(x, y);
      // Steady: less than 0.1% change over the last 10 s.
      expect(Math.abs(value / before[k] - 1)).toBeLessThan(1e-3);
      expect(Math.abs(steadyPointSourceConcentration(1, 1, 1, x, y) / published - 1)).toBeLessThan(1e-3);
      expect(Math.abs(value / published - 1)).toBeLessThanOrEqual(0.1);
      // Regression bound: 0.43%, 0.24% and 0.02% off the published values when this was written.
      expect(Math.abs(value / published - 1)).toBeLessThan(0.01);
    });
    // Mirror symmetry across the plume's axis.
    expect(at(20, -5)).toBeCloseTo(at(20, 5), 9);
    expectBystandersUnharmed(sim);
  });
});

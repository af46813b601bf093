import { describe, expect, it } from 'vitest';
import { createHazardCommunity, HAZARD_CELL_M, HAZARD_MAP_SIDE, HAZARD_MODELS, HAZARD_TICK_S } from '../../bench/hazardCommunity';
import { benchScenario } from '../../bench/measureRun';
import { spawnMeasurement } from '../../bench/spawnMeasurement';
import { createSyntheticCommunity } from '../../bench/syntheticCommunity';
import { createWarningCommunity, WARNING_STRATEGY } from '../../bench/warningCommunity';
import { createSimulation, loadScenarioObject } from '../../sim/index';

describe('benchmark community and worker', () => {
  it('builds a valid scenario: blocks, roads, gates, everyone ordered out at 0 s', () => {
    const { scenario, layout } = createSyntheticCommunity(1000);
    const loaded = loadScenarioObject(scenario);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    // 1,000 people at one per 8 × 8 block cell need 16 blocks: 4 per side, 11 m apart, plus a road and the wall.
    expect(layout).toEqual({ blocksPerSide: 4, sideCells: 4 * 11 + 3 + 2, gates: 12 });
    expect(loaded.scenario.population.groups.reduce((sum, g) => sum + g.count, 0)).toBe(1000);
    expect(loaded.scenario.timeline).toEqual([{ atS: 0, kind: 'evacuate', zone: 'all', target: 'nearest-safe' }]);
  });

  it('measures one run in a worker thread and reports speed, memory and who is still walking', async () => {
    const outcome = await spawnMeasurement({ model: 'evacuation', agents: 1000, warmupTicks: 4, timedTicks: 8, seed: 1 }, 60_000);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const r = outcome.result;
    expect(r).toMatchObject({ model: 'evacuation', agents: 1000, firstOfficialWarningS: null, timedFromS: 1, timedToS: 3 });
    expect(r.ticksPerS).toBeGreaterThan(0);
    expect(r.msPerTick).toBeCloseTo(1000 / r.ticksPerS, 6);
    // At least the 30 or so bytes of position, cell, state and speed per resident.
    expect(r.bytesPerAgent).toBeGreaterThan(30);
    // Pre-movement is 0: after one second nearly everyone is walking.
    expect(r.movingShareStart).toBeGreaterThan(0.9);
  });
});

describe('warning benchmark community', () => {
  const { scenario, layout, plan } = createWarningCommunity(10_000);
  const loaded = loadScenarioObject(scenario);

  it('is a valid scenario on the same map as the evacuation community', () => {
    expect(loaded.ok).toBe(true);
    const evacuation = createSyntheticCommunity(10_000);
    expect(layout).toEqual(evacuation.layout);
    expect(scenario.map).toEqual(evacuation.scenario.map);
  });

  it('warns at night on three channels, with sensors on, a growing hazard, a rumour and no direct order', () => {
    if (!loaded.ok) throw new Error('invalid');
    const s = loaded.scenario;
    expect(s.simulation.startClock).toBe('02:00');
    expect(s.channels.map((c) => c.kind)).toEqual(['app', 'sms', 'loudspeaker']);
    expect(s.channels[2].speakers?.length).toBeGreaterThanOrEqual(3);
    expect(s.sensors.length).toBeGreaterThanOrEqual(3);
    expect(s.hazards).toHaveLength(1);
    const hazard = s.hazards[0];
    if (hazard.kind !== 'area') throw new Error(`expected an area hazard, got ${hazard.kind}`);
    expect(hazard.startS).toBe(0);
    expect(hazard.growthMps).toBeGreaterThan(0);
    // Near the middle of the map.
    expect(Math.abs(hazard.origin.x - layout.sideCells / 2)).toBeLessThanOrEqual(1);
    expect(Math.abs(hazard.origin.y - layout.sideCells / 2)).toBeLessThanOrEqual(1);
    expect(s.timeline.map((e) => [e.atS, e.kind])).toEqual([[60, 'rumour']]);
    expect(s.strategies.flatMap((st) => st.timeline)).toEqual([]);
    const [strategy] = s.strategies;
    expect(strategy.id).toBe(WARNING_STRATEGY);
    expect(strategy.levers.sensors).toBe(true);
    expect(strategy.levers.officialUpdatesEveryS).toBe(300);
    expect(strategy.levers.warningPlan.map((w) => [w.channel, w.content])).toEqual([
      ['app', 'evacuate'],
      ['sms', 'evacuate'],
      ['loudspeaker', 'evacuate'],
    ]);
    expect(strategy.levers.volunteerPlan.map((v) => v.task)).toEqual(['knockDoors', 'escortVulnerable']);
  });

  it('has 0.5% volunteers and residents who are bedridden or of limited mobility', () => {
    if (!loaded.ok) throw new Error('invalid');
    const s = loaded.scenario;
    expect(s.volunteers.reduce((sum, t) => sum + t.count, 0)).toBe(50);
    expect(plan).toMatchObject({ volunteers: 50, knockers: 40, escorts: 10 });
    const byMobility = (m: string) => s.population.groups.filter((g) => g.mobility === m).reduce((sum, g) => sum + g.count, 0);
    expect(byMobility('bedridden')).toBe(plan.bedridden);
    expect(plan.bedridden).toBeGreaterThan(0);
    expect(byMobility('limited')).toBeGreaterThan(0);
    expect(s.population.groups.reduce((sum, g) => sum + g.count, 0)).toBe(10_000);
  });

  it('reaches the warning phase: sensors trip, the desk decides, warnings go out and households leave', () => {
    const small = loadScenarioObject(createWarningCommunity(1000).scenario);
    if (!small.ok) throw new Error('invalid');
    const sim = createSimulation(small.scenario, { seed: 1, strategy: WARNING_STRATEGY });
    sim.step(Math.round(240 / sim.tickS));
    const m = sim.metrics();
    expect(m.firstDetectionS).not.toBeNull();
    expect(m.firstOfficialWarningS).toBeGreaterThan(m.decisionS ?? Infinity);
    expect(m.firstOrderS).not.toBeNull();
    expect(m.informedShare).toBeGreaterThan(0.5);
    expect(m.rumourReach).toBeGreaterThan(0);
    expect(m.moving + m.safe).toBeGreaterThan(0);
    expect(m.volunteers.map((v) => v.team)).toEqual(['door-knockers', 'escorts']);
    expect(m.volunteers[0].householdsVisited).toBeGreaterThan(0);
  });

  it('measures a tiny run in a worker thread, timed from after the first official warning', async () => {
    const outcome = await spawnMeasurement({ model: 'warning', agents: 1000, warmupTicks: 8, timedTicks: 8, seed: 1 }, 60_000);
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const r = outcome.result;
    expect(r.model).toBe('warning');
    expect(r.firstOfficialWarningS).toBeGreaterThan(0);
    // The first warning goes out in a tick; 8 warm-up ticks of 0.25 s follow, then 8 timed ticks.
    expect(r.timedFromS).toBeCloseTo((r.firstOfficialWarningS ?? 0) + 0.25 + 2, 6);
    expect(r.timedToS).toBeCloseTo(r.timedFromS + 2, 6);
    expect(r.ticksPerS).toBeGreaterThan(0);
    expect(r.msPerTick).toBeCloseTo(1000 / r.ticksPerS, 6);
    expect(r.informedShareEnd).toBeGreaterThanOrEqual(r.informedShareStart);
    expect(r.informedShareEnd).toBeGreaterThan(0);
    expect(r.bytesPerAgent).toBeGreaterThan(30);
  });
});

describe('hazard benchmark community', () => {
  it.each(HAZARD_MODELS)('%s: a valid scenario on 512 × 512 cells of 2 m, with its hazards, everyone ordered out when timing starts', (model) => {
    const { scenario, layout } = benchScenario(model, 10_000, { warmupTicks: 600 });
    const loaded = loadScenarioObject(scenario);
    expect(loaded.ok, loaded.ok ? '' : JSON.stringify(loaded.errors.slice(0, 3))).toBe(true);
    if (!loaded.ok) return;
    const s = loaded.scenario;
    expect([s.map.rows.length, s.map.rows[0].length, s.map.cellSizeM, s.simulation.tickS]).toEqual([
      HAZARD_MAP_SIDE,
      HAZARD_MAP_SIDE,
      HAZARD_CELL_M,
      HAZARD_TICK_S,
    ]);
    expect(layout).toMatchObject({ sideCells: 512, cellSizeM: 2, blocksPerSide: 31 });
    expect(layout.gates).toBeGreaterThanOrEqual(8);
    expect(s.population.groups.reduce((sum, g) => sum + g.count, 0)).toBe(10_000);
    expect(s.timeline).toEqual([{ atS: 600 * HAZARD_TICK_S, kind: 'evacuate', zone: 'all', target: 'nearest-safe' }]);
    const kinds = { 'hazard-fire': ['fire'], 'hazard-gas': ['gas'], 'hazard-flood': ['flood'], 'hazard-combined': ['fire', 'gas', 'flood'] }[model];
    expect(s.hazards.map((h) => h.kind)).toEqual(kinds);
  });

  it('spreads each hazard over the town from 0 s (a small map, 60 simulated seconds)', () => {
    const { scenario } = createHazardCommunity('hazard-combined', 300, { sideCells: 96, evacuateAtS: 30 });
    const loaded = loadScenarioObject(scenario);
    if (!loaded.ok) throw new Error('invalid');
    const sim = createSimulation(loaded.scenario, { seed: 1 });
    sim.step(Math.round(60 / sim.tickS));
    const figures = Object.fromEntries(sim.hazards().map((h) => [h.kind, h.report()]));
    expect(figures.fire.burningCells).toBeGreaterThan(10);
    expect(figures.gas.onGridKg).toBeGreaterThan(100);
    expect(figures.flood.onGridM3).toBeGreaterThan(1000);
    expect(sim.metrics().firstOrderS).toBe(30);
  });

  it('measures a tiny hazard run in a worker thread: map size, tick, the hazard cover and who walks', async () => {
    const outcome = await spawnMeasurement({ model: 'hazard-combined', agents: 200, warmupTicks: 40, timedTicks: 8, seed: 1, sideCells: 64 }, 60_000);
    expect(outcome.ok, outcome.ok ? '' : outcome.error).toBe(true);
    if (!outcome.ok) return;
    const r = outcome.result;
    expect(r).toMatchObject({
      model: 'hazard-combined',
      agents: 200,
      gridCells: 64 * 64,
      tickS: 0.5,
      timedFromS: 20,
      timedToS: 24,
      firstOfficialWarningS: null,
    });
    expect(r.ticksPerS).toBeGreaterThan(0);
    expect(r.msPerTick).toBeCloseTo(1000 / r.ticksPerS, 6);
    expect(r.bytesPerAgent).toBeGreaterThan(30);
    // The hazards are out when timing starts and still there at the end; the order at 20 s sets people walking.
    expect(r.hazardShareStart).toBeGreaterThan(0);
    expect(r.hazardShareEnd).toBeGreaterThanOrEqual(r.hazardShareStart ?? 1);
    expect(r.movingShareStart).toBe(0);
    expect(r.movingShareEnd).toBeGreaterThan(0.5);
  });

  it('has no hazard cover on the other models', async () => {
    const outcome = await spawnMeasurement({ model: 'evacuation', agents: 1000, warmupTicks: 1, timedTicks: 1, seed: 1 }, 60_000);
    if (!outcome.ok) throw new Error(outcome.error);
    expect(outcome.result).toMatchObject({ hazardShareStart: null, hazardShareEnd: null, tickS: 0.25 });
    expect(outcome.result.gridCells).toBe(outcome.result.layout.sideCells ** 2);
  });
});

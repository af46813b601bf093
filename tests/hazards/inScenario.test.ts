import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createSimulation, ResidentState } from '../../sim/index';
import { tinyCourtFlood, tinyCourtWith } from '../support/scenarios';

const fire = { id: 'fire-b', kind: 'fire', fire: { ignition: { kind: 'point', xM: 13.5, yM: 3.5 }, spreadRateMps: 0.05 } };

describe('hazard engines inside a run', () => {
  it('a fire in Block B is seen by a smoke sensor, and the early-warning system warns at once', () => {
    const scenario = tinyCourtWith({
      hazards: [fire],
      sensors: [{ id: 's1', kind: 'smoke', at: { x: 14, y: 1 }, delayS: 10, missProbability: 0 }],
      channels: [{ id: 'sms', kind: 'sms' }],
      strategies: [{ id: 'ews', name: 'Early warning', levers: { earlyWarningSystem: true, warningPlan: [{ channel: 'sms' }] } }],
    });
    const sim = createSimulation(scenario, { seed: 1 });
    sim.step(Math.round(120 / sim.tickS));
    const m = sim.metrics();
    expect(m.firstDetectionS).not.toBeNull();
    // The sensor's delay is 10 s, and the plan starts one tick after its alert.
    expect(m.firstOfficialWarningS as number).toBeLessThanOrEqual((m.firstDetectionS as number) + 1);
    expect(sim.snapshot().hazard?.some((v) => v > 0)).toBe(true);
  });

  it('exposure injures, then kills, at the doses the scenario sets', () => {
    const stayPut = { preMovementS: { kind: 'fixed', valueS: 1e6 } };
    const base = JSON.parse(readFileSync('scenarios/tiny-court.json', 'utf8'));
    const groups = base.population.groups.map((g: Record<string, unknown>) => ({ ...g, ...stayPut }));
    const scenario = tinyCourtWith({ hazards: [fire], harm: { injuredAtDose: 30, deceasedAtDose: 90 }, population: { ...base.population, groups } });
    const sim = createSimulation(scenario, { seed: 1 });
    sim.step(Math.round(900 / sim.tickS));
    const m = sim.metrics();
    // Everyone stays at home in a compound filling with smoke: all are harmed, and those in the fire die.
    expect(m.injured).toBeGreaterThan(0);
    expect(m.deceased).toBeGreaterThan(0);
    expect(m.deceased).toBeLessThanOrEqual(m.injured);
    const r = sim.residents();
    let dead = 0;
    for (let i = 0; i < r.count; i++) if (r.state[i] === ResidentState.Deceased) dead++;
    expect(dead).toBe(m.deceased);
    expect(m.exposurePersonS).toBeGreaterThan(0);
  });

  it('a gas release is carried downwind onto the map, and runs are deterministic with fire and gas on', () => {
    const gas = { id: 'leak', kind: 'gas', plume: { release: { x: 2, y: 3 }, releaseRateKgPerS: 0.5, wind: { speedMps: 2, fromDeg: 270 } } };
    const scenario = tinyCourtWith({ hazards: [fire, gas] });
    const run = (seed: number) => {
      const sim = createSimulation(scenario, { seed });
      sim.step(Math.round(120 / sim.tickS));
      return sim;
    };
    const a = run(5);
    expect(a.hash()).toBe(run(5).hash());
    expect(a.hash()).not.toBe(run(6).hash());
    // Wind from the west: gas lies east of the release (x = 2), not west of it.
    const hazard = a.snapshot().hazard as Uint8Array;
    const width = scenario.map.rows[0].length;
    expect(hazard[3 * width + 6]).toBeGreaterThan(0);
  });
});

describe('a flood inside a run', () => {
  // Tiny court is 20 × 8 cells of 1 m; the road (row 6) is a metre lower, and a breach pours in at its east end.
  const flood = tinyCourtFlood();

  it('fills the low road first, before the higher court, and stays deterministic', () => {
    const scenario = tinyCourtWith({ hazards: [flood] });
    const sim = createSimulation(scenario, { seed: 2 });
    sim.step(Math.round(60 / sim.tickS));
    const hazard = sim.snapshot().hazard as Uint8Array;
    const width = scenario.map.rows[0].length;
    // After a minute the water is on the road (row 6) and not yet on the higher court (row 1).
    expect(hazard[6 * width + 12]).toBeGreaterThan(0);
    expect(hazard[1 * width + 12]).toBe(0);
    const again = createSimulation(scenario, { seed: 2 });
    again.step(Math.round(60 / again.tickS));
    expect(again.hash()).toBe(sim.hash());
  });
});

describe('a strategy that avoids hazards', () => {
  it('routes people around thick gas, so they take less of it on the way out', () => {
    // Gas released west of the court drifts east across it; the clinic and the gate are both beyond it.
    const gas = { id: 'leak', kind: 'gas', plume: { release: { x: 2, y: 3 }, releaseRateKgPerS: 2, wind: { speedMps: 1, fromDeg: 270 } } };
    const evacuate = [{ atS: 60, kind: 'evacuate' }];
    const run = (avoidHazards: boolean) => {
      // Single-storey blocks: everyone is out of doors quickly, so the routes are what differs.
      const places = JSON.parse(readFileSync('scenarios/tiny-court.json', 'utf8')).places.map(({ floors: _floors, ...p }: Record<string, unknown>) => p);
      const scenario = tinyCourtWith({ places, hazards: [gas], timeline: evacuate, strategies: [{ id: 's', name: 's', levers: { avoidHazards } }] });
      const sim = createSimulation(scenario, { seed: 1 });
      sim.step(Math.round(600 / sim.tickS));
      return sim;
    };
    const straight = run(false);
    const around = run(true);
    expect(around.hash()).not.toBe(straight.hash());
    expect(around.metrics().exposurePersonS).toBeLessThanOrEqual(straight.metrics().exposurePersonS);
  });
});

describe('every hazard at once', () => {
  it('is deterministic with area, fire, gas, flood, earthquake and epidemic all running, and seeds differ', () => {
    const hazards = [
      { id: 'area', kind: 'area', cue: 'smoke', origin: { x: 3, y: 2 }, startS: 0 },
      fire,
      { id: 'leak', kind: 'gas', plume: { release: { x: 2, y: 3 }, releaseRateKgPerS: 0.5 } },
      tinyCourtFlood(),
      { id: 'quake', kind: 'earthquake', earthquake: { atS: 30, pgaAtEpicentreG: 0.6, epicentre: { x: 0, y: 0 } } },
      { id: 'flu', kind: 'epidemic', epidemic: { r0: 2, initialInfectedCount: 3 } },
    ];
    const scenario = tinyCourtWith({
      hazards,
      timeline: [{ atS: 20, kind: 'evacuate' }],
      outages: [{ id: 'cut', kind: 'power', trigger: { hazard: 'breach', at: { x: 12, y: 6 }, intensity: 0.05 } }],
    });
    const run = (seed: number) => {
      const sim = createSimulation(scenario, { seed });
      sim.step(Math.round(300 / sim.tickS));
      return sim;
    };
    const a = run(9);
    expect(a.hazards().map((h) => h.kind)).toEqual(['fire', 'gas', 'flood', 'earthquake', 'epidemic']);
    expect(run(9).hash()).toBe(a.hash());
    expect(run(10).hash()).not.toBe(a.hash());
  });
});

describe('a facilitator starts a hazard early', () => {
  it('a command starts a flood, a gas release and an earthquake planned for much later', () => {
    const late = 1e6;
    const scenario = tinyCourtWith({
      hazards: [
        tinyCourtFlood({ startS: late }),
        { id: 'leak', kind: 'gas', plume: { release: { x: 2, y: 3 }, releaseRateKgPerS: 0.5, startS: late } },
        { id: 'quake', kind: 'earthquake', earthquake: { atS: late, pgaAtEpicentreG: 0.8, epicentre: { x: 0, y: 0 } } },
      ],
    });
    const sim = createSimulation(scenario, { seed: 1 });
    sim.step(20);
    expect(sim.snapshot().hazard?.some((v) => v > 0)).toBe(false);
    sim.apply([
      { kind: 'startHazard', hazard: 'breach' },
      { kind: 'startHazard', hazard: 'leak' },
      { kind: 'startHazard', hazard: 'quake' },
    ]);
    sim.step(Math.round(60 / sim.tickS));
    const [flood, gas, quake] = sim.hazards();
    expect(flood.report().inM3).toBeGreaterThan(0);
    expect(gas.report().releasedKg).toBeGreaterThan(0);
    expect(quake.report().shocksApplied).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { blockRect } from '../../bench/syntheticCommunity';
import { createWarningCommunity } from '../../bench/warningCommunity';
import { createWholeCommunity, WHOLE_MODEL_PARTS, WHOLE_SHELTER, WHOLE_STRATEGY, WHOLE_SUPPORT_UNITS, type WholeModelPart } from '../../bench/wholeCommunity';
import { createSimulation, loadScenarioObject } from '../../sim/index';

describe('whole-model benchmark community', () => {
  it('is the warning community with a spreading fire instead of the growing disc, a patrol and organisations besides', () => {
    const { scenario, layout, plan } = createWholeCommunity(10_000);
    const loaded = loadScenarioObject(scenario);
    expect(loaded.ok, loaded.ok ? '' : JSON.stringify(loaded.errors.slice(0, 3))).toBe(true);
    if (!loaded.ok) return;
    const s = loaded.scenario;
    const warning = createWarningCommunity(10_000);
    expect(layout).toEqual(warning.layout);
    // The same map but for one block west of the middle, now the shelter (10,000 residents: 13 blocks a side).
    const shelter = blockRect(3, 6);
    const changed: string[] = [];
    scenario.map.rows.forEach((row, y) => {
      for (let x = 0; x < row.length; x++) if (row[x] !== warning.scenario.map.rows[y][x]) changed.push(`${x},${y}`);
    });
    expect(changed).toHaveLength(64);
    expect(changed[0]).toBe(`${shelter.x},${shelter.y}`);
    expect(s.places.find((p) => p.id === WHOLE_SHELTER)).toMatchObject({ kind: 'shelter', closed: true, capacityPersons: 100 });
    expect(s.hazards.map((h) => h.kind)).toEqual(['fire']);
    const fire = s.hazards[0];
    if (fire.kind !== 'fire') throw new Error('expected a fire');
    // Lit in the middle of the cell the disc grew from.
    const area = warning.scenario.hazards?.[0];
    if (area?.kind !== 'area') throw new Error('expected the warning community to have an area hazard');
    expect(fire.fire.ignition).toEqual({ kind: 'point', xM: area.origin.x + 0.5, yM: area.origin.y + 0.5 });
    // 0.5% door-knockers and escorts as in the warning model, and 0.05% patrolling: 50 + 5.
    expect(s.volunteers.map((t) => [t.id, t.count])).toEqual([
      ['door-knockers', plan.knockers],
      ['escorts', plan.escorts],
      ['patrol', 5],
    ]);
    const strategy = s.strategies.find((st) => st.id === WHOLE_STRATEGY);
    expect(strategy?.levers.volunteerPlan.map((v) => v.task)).toEqual(['knockDoors', 'escortVulnerable', 'patrol']);
    // Every decision waits for an approval and reports go hop by hop.
    expect(strategy?.levers).toMatchObject({ autonomy: 'low', platform: false, releaseSupplies: true, shelterPlan: [{ shelter: WHOLE_SHELTER }] });
    expect(strategy?.levers.supportPlan.map((u) => u.unit)).toEqual([...WHOLE_SUPPORT_UNITS]);
    const orgs = s.governance?.organisations ?? [];
    const parentOf = new Map(orgs.map((o) => [o.id, o.reportsTo]));
    expect([s.governance?.community, parentOf.get('committee'), parentOf.get('street-office')]).toEqual(['committee', 'street-office', 'district']);
    expect(s.governance?.stores).toHaveLength(1);
  });

  it('takes further parts in order, each seeing the community', () => {
    const seen: number[] = [];
    const retitle: WholeModelPart = (scenario, community) => {
      seen.push(community.agents, community.layout.sideCells);
      return { ...scenario, title: `${scenario.title} (with organisations)` };
    };
    const { scenario, layout } = createWholeCommunity(1000, [...WHOLE_MODEL_PARTS, retitle]);
    expect(seen).toEqual([1000, layout.sideCells]);
    expect(scenario.title).toMatch(/\(with organisations\)$/);
    expect(scenario.hazards?.map((h) => h.kind)).toEqual(['fire']);
  });

  it('runs the whole chain on 1,000 residents: the fire spreads, the alarm is raised, the order is approved, warnings go out, people leave', () => {
    const loaded = loadScenarioObject(createWholeCommunity(1000).scenario);
    if (!loaded.ok) throw new Error('invalid');
    const sim = createSimulation(loaded.scenario, { seed: 1, strategy: WHOLE_STRATEGY });
    sim.step(Math.round(360 / sim.tickS));
    const m = sim.metrics();
    expect(m.firstDetectionS).not.toBeNull();
    // The desk takes 60 s from a confirmed alert to deciding; then the request goes to the street office
    // (30 s relay), which approves in 60 s; the approval comes back (30 s) and the committee acts in 15 s.
    expect(m.firstOfficialWarningS).toBeGreaterThanOrEqual((m.confirmedS ?? Infinity) + 60 + 30 + 60 + 30 + 15);
    const approved = sim.trail().find((e) => e.kind === 'approval' && e.author === 'street-office');
    expect(approved?.timeS).toBeLessThan(m.firstOfficialWarningS ?? 0);
    expect(m.informedShare).toBeGreaterThan(0.5);
    expect(m.moving + m.safe).toBeGreaterThan(0);
    const fire = sim.hazards().find((h) => h.kind === 'fire');
    // A 0.3 m/s front over 240 s burns well beyond its first cell.
    expect(fire?.report().burningCells).toBeGreaterThan(100);
    expect(m.volunteers.map((v) => [v.team, v.task])).toEqual([
      ['door-knockers', 'knockDoors'],
      ['escorts', 'escortVulnerable'],
      ['patrol', 'patrol'],
    ]);
  });
});

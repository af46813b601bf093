import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CommandError } from '../../sim/core/commands';
import { createSimulation, loadScenarioObject } from '../../sim/index';
import { type CourtOptions, governedCourt, governedCourtInput } from '../support/governance';

function errorsOf(options: CourtOptions) {
  const base = JSON.parse(readFileSync('scenarios/tiny-court.json', 'utf8'));
  const result = loadScenarioObject({ ...base, timeline: [], strategies: [], ...governedCourtInput(options) });
  if (result.ok) throw new Error('expected the scenario to be rejected');
  return result.errors;
}

describe('invalid organisation graphs get clear errors', () => {
  it('a reportsTo naming no organisation', () => {
    const [e] = errorsOf({ organisations: { committee: { reportsTo: 'street-ofice' } } });
    expect(e.path).toBe('governance.organisations[0].reportsTo');
    expect(e.message).toContain('no organisation has the id "street-ofice"');
    expect(e.hint).toContain('street-office');
  });

  it('a reporting chain that goes round in a loop', () => {
    const [e] = errorsOf({ organisations: { district: { reportsTo: 'committee' } } });
    expect(e.message).toMatch(
      /loop: .*committee → street-office → district → committee|loop: .*street-office → district → committee → street-office|loop: .*district → committee → street-office → district/,
    );
    expect(e.hint).toContain('leave its reportsTo out');
  });

  it('a report chain that leads nowhere: the unit asked for belongs to an organisation no chain reaches', () => {
    const errors = errorsOf({ levers: { autonomy: 'high', supportPlan: [{ unit: 'rescue-crew' }] }, organisations: { fire: { reportsTo: undefined } } });
    const e = errors.find((x) => x.path === 'strategies[0].levers.supportPlan[0].unit');
    expect(e?.message).toContain('the report chain from committee to fire leads nowhere');
    expect(e?.message).toContain('committee → street-office → district');
    expect(e?.hint).toContain('reportsTo');
  });

  it('the same unreachable unit is fine on the shared data platform', () => {
    const scenario = governedCourt({
      levers: { autonomy: 'high', platform: true, supportPlan: [{ unit: 'rescue-crew' }] },
      organisations: { fire: { reportsTo: undefined } },
    });
    const sim = createSimulation(scenario, { seed: 1 });
    sim.step(Math.round(1200 / sim.tickS));
    expect(sim.metrics().firstSupportArrivalS).not.toBeNull();
  });

  it('a decision no organisation may take', () => {
    const errors = errorsOf({ levers: { autonomy: 'low', releaseSupplies: true }, organisations: { 'street-office': { approves: ['orderEvacuation'] } } });
    const e = errors.find((x) => x.path === 'strategies[0].levers.releaseSupplies');
    expect(e?.message).toContain('no organisation may take the decision "releaseSupplies"');
    expect(e?.message).toContain('committee → street-office → district');
    expect(e?.hint).toContain('autonomousDecisions');
  });

  it('a store owned by nobody, a shelter that is not a shelter, a unit that does not exist', () => {
    const errors = errorsOf({
      levers: { autonomy: 'high', supportPlan: [{ unit: 'fire-engine' }] },
      governance: {
        stores: [{ id: 'store', at: { x: 8, y: 6 }, owner: 'comittee', supplies: {} }],
        shelters: [{ place: 'block-a' }],
      },
    });
    expect(errors.map((e) => e.path)).toEqual(expect.arrayContaining(['governance.stores[0].owner', 'governance.shelters[0].place']));
    const only = errorsOf({ levers: { autonomy: 'high', supportPlan: [{ unit: 'fire-engine' }] } });
    expect(only[0].path).toBe('strategies[0].levers.supportPlan[0].unit');
    expect(only[0].message).toContain('no support unit has the id "fire-engine"');
  });

  it('governance levers without organisations', () => {
    const base = JSON.parse(readFileSync('scenarios/tiny-court.json', 'utf8'));
    const result = loadScenarioObject({ ...base, strategies: [{ id: 's', name: 'S', levers: { releaseSupplies: true } }] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0].message).toContain('the scenario has no organisations');
  });

  it('live commands name real shelters and units', () => {
    const sim = createSimulation(governedCourt({ levers: { autonomy: 'high' } }), { seed: 1 });
    expect(() => sim.apply([{ kind: 'requestSupport', unit: 'tanker' }])).toThrow(CommandError);
    expect(() => sim.apply([{ kind: 'openShelter', shelter: 'block-a' }])).toThrow(/shelter/);
    sim.apply([{ kind: 'requestSupport', unit: 'rescue-crew' }]);
    sim.step(1);
    expect(sim.metrics().decisions.map((d) => d.subject)).toContain('rescue-crew');
  });
});

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Trait } from '../../sim/agents/Residents';
import { createSimulation, loadScenarioOrThrow, ResidentState } from '../../sim/index';

const fireNight = loadScenarioOrThrow(readFileSync('scenarios/compound-fire-night.json', 'utf8'));
const sum = (values: ArrayLike<number>) => {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
};

describe('heat maps for review', () => {
  // The resilient strategy warns early; by 13 minutes some residents were hurt and killed, some waited for help.
  const TICKS = 1600;
  const sim = createSimulation(fireNight, { seed: 2, strategy: 'resilient', recordHeat: true });
  const cells = fireNight.map.rows.length * fireNight.map.rows[0].length;
  const r = sim.residents();
  const homeCell = r.cell.slice();
  const crowd = new Float64Array(cells);
  const waiting = new Float64Array(cells);
  const injured = new Float64Array(cells);
  const deceased = new Float64Array(cells);
  let notYetSafe = 0;
  let traitsBefore = r.traits.slice();
  let stateBefore = r.state.slice();
  for (let k = 0; k < TICKS; k++) {
    sim.step(1);
    const m = sim.metrics();
    notYetSafe += m.residents - m.safe - m.deceased;
    for (let i = 0; i < r.count; i++) {
      const s = r.state[i];
      const c = r.cell[i];
      if (s !== ResidentState.Safe && s !== ResidentState.Deceased) crowd[c]++;
      if (s === ResidentState.AwaitingHelp) waiting[c] += sim.tickS;
      if (r.traits[i] & Trait.Injured && !(traitsBefore[i] & Trait.Injured)) injured[c]++;
      if (s === ResidentState.Deceased && stateBefore[i] !== ResidentState.Deceased) deceased[c]++;
    }
    traitsBefore = r.traits.slice();
    stateBefore = r.state.slice();
  }
  const heat = sim.heat();
  const metrics = sim.metrics();

  it('has the run harm, waiting and warning that the maps are about', () => {
    expect(metrics.injured).toBeGreaterThan(100);
    expect(metrics.deceased).toBeGreaterThan(10);
    expect(sum(waiting)).toBeGreaterThan(0);
    expect(heat?.ticks).toBe(TICKS);
  });

  it('counts crowding as person-ticks of residents not yet safe, cell by cell', () => {
    expect(sum(heat?.crowdPersonTicks ?? [])).toBe(notYetSafe);
    expect(Array.from(heat?.crowdPersonTicks ?? [])).toEqual(Array.from(crowd));
  });

  it('adds up exposure per cell to the run’s person-seconds in danger', () => {
    expect(metrics.exposurePersonS).toBeGreaterThan(1000);
    expect(sum(heat?.exposurePersonS ?? [])).toBeCloseTo(metrics.exposurePersonS, 6);
  });

  it('puts each injury and death at the cell the resident was in', () => {
    expect(Array.from(heat?.injured ?? [])).toEqual(Array.from(injured));
    expect(Array.from(heat?.deceased ?? [])).toEqual(Array.from(deceased));
    expect(sum(heat?.injured ?? [])).toBe(metrics.injured);
    expect(sum(heat?.deceased ?? [])).toBe(metrics.deceased);
  });

  it('counts the time residents waited for help where they waited', () => {
    expect(Array.from(heat?.waitingPersonS ?? [])).toEqual(Array.from(waiting));
  });

  it('places unreached households at their home', () => {
    const heard = new Set<number>();
    for (let i = 0; i < r.count; i++) if (r.heardAtS[i] < Infinity) heard.add(r.household[i]);
    const expected = new Float64Array(cells);
    const seen = new Set<number>();
    for (let i = 0; i < r.count; i++) {
      if (heard.has(r.household[i]) || seen.has(r.household[i])) continue;
      seen.add(r.household[i]);
      expected[homeCell[i]]++;
    }
    expect(Array.from(heat?.unreachedHouseholds ?? [])).toEqual(Array.from(expected));
    expect(sum(expected)).toBeGreaterThan(0);
  });

  it('does not change the run, and is not kept unless asked for', () => {
    const plain = createSimulation(fireNight, { seed: 2, strategy: 'resilient' });
    plain.step(TICKS);
    expect(plain.hash()).toBe(sim.hash());
    expect(plain.heat()).toBeNull();
    expect(plain.memoryBytes()).toBeLessThan(sim.memoryBytes());
  });
});

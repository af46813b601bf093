import { describe, expect, it } from 'vitest';
import {
  attackRate,
  createEpidemic,
  type Epidemic,
  type EpidemicSpecInput,
  epidemicSpecSchema,
  householdSupplyNeedPerDay,
  Isolation,
  isEpidemicOver,
  isInfectious,
  isIsolated,
  Stage,
  stepEpidemic,
  supplyNeedPerDay,
} from '../../sim/hazards/epidemic/index';
import { createRandom } from '../../sim/random/Random';

const DAY_S = 86_400;

/** `buildings` buildings of `households` households of `size` people; household ids are spread out (not 0..n). */
function town(buildings: number, households: number, size: number) {
  const count = buildings * households * size;
  const household = new Int32Array(count);
  const building = new Int16Array(count);
  for (let i = 0; i < count; i++) {
    const h = Math.floor(i / size);
    household[i] = 1000 + 7 * h;
    building[i] = Math.floor(h / households);
  }
  return { count, household, building };
}

function wellMixed(count: number) {
  return { count, household: new Int32Array(count).fill(-1), building: new Int16Array(count).fill(-1) };
}

const parse = (input: EpidemicSpecInput) => epidemicSpecSchema.parse(input);

function runToEnd(ep: Epidemic, maxDays = 400): void {
  for (let d = 0; d < maxDays && !isEpidemicOver(ep); d++) stepEpidemic(ep, DAY_S);
}

/** Recount everything the epidemic keeps incrementally and compare. */
function expectConsistent(ep: Epidemic): void {
  const c = { susceptible: 0, exposed: 0, infectious: 0, removed: 0, isolated: 0, isolatedHouseholds: 0 };
  const houseFree = new Int32Array(ep.householdCount);
  const houseIso = new Int32Array(ep.householdCount);
  const atHome = new Int32Array(ep.householdCount);
  let free = 0;
  let iso = 0;
  for (let i = 0; i < ep.count; i++) {
    const h = ep.householdOf[i];
    const s = ep.stage[i];
    if (s === Stage.Susceptible) c.susceptible++;
    else if (s === Stage.Exposed) c.exposed++;
    else if (s === Stage.Infectious) c.infectious++;
    else c.removed++;
    if (ep.isolation[i]) {
      c.isolated++;
      if (atHome[h]++ === 0) c.isolatedHouseholds++;
    }
    if (s === Stage.Infectious) {
      if (ep.isolation[i]) {
        houseIso[h]++;
        iso++;
      } else {
        houseFree[h]++;
        free++;
      }
    }
    if (ep.isolation[i] & Isolation.Household) expect(ep.inQuarantine[h]).toBe(1);
    if (ep.isolation[i] & Isolation.Case) expect(s).toBe(Stage.Infectious);
  }
  expect(ep.counts).toMatchObject(c);
  expect(Array.from(ep.householdFree)).toEqual(Array.from(houseFree));
  expect(Array.from(ep.householdIsolatedInfectious)).toEqual(Array.from(houseIso));
  expect(Array.from(ep.householdAtHome)).toEqual(Array.from(atHome));
  expect([ep.communityFree, ep.communityIsolatedInfectious]).toEqual([free, iso]);
  expect(ep.activeCount).toBe(c.exposed + c.infectious);
}

describe('epidemic spec', () => {
  it('fills in defaults', () => {
    const s = parse({ r0: 2 });
    expect(s).toMatchObject({ latentPeriodDays: 2, infectiousPeriodDays: 5, latentShape: 1, stepMinutes: 60 });
    expect(s.contacts).toEqual({ household: 0.3, building: 0.2, community: 0.5 });
    expect(s.isolation).toEqual({ testingPerDay: 0, effectiveness: 0.8, quarantineHousehold: true, quarantineDays: 10, supplyUnitsPerPersonPerDay: 1 });
  });

  it('rejects mistakes with messages an author can act on', () => {
    const bad = (input: Record<string, unknown>) => {
      const r = epidemicSpecSchema.safeParse(input);
      expect(r.success).toBe(false);
      return r.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];
    };
    expect(bad({})).toEqual(['r0: give exactly one of r0 and transmissionPerDay']);
    expect(bad({ r0: 2, transmissionPerDay: 0.4 })).toEqual(['r0: give exactly one of r0 and transmissionPerDay']);
    expect(bad({ r0: 2, initialInfectedCount: 3, initialInfectedShare: 0.1 })).toEqual([
      'initialInfectedShare: give initialInfectedCount or initialInfectedShare, not both',
    ]);
    expect(bad({ r0: 2, contacts: { household: 0, building: 0, community: 0 } })).toEqual(['contacts: give at least one contact weight above 0']);
    expect(bad({ r0: 2, infectiousPeriodDays: 0.1, stepMinutes: 60 })[0]).toMatch(/^stepMinutes: the step is too long/);
    expect(bad({ r0: 2, isolation: { effectiveness: 80 } })).toEqual(['isolation.effectiveness: effectiveness is between 0 and 1 (use 0.25 for 25%)']);
    expect(bad({ r0: 2, R0: 2 }).join()).toMatch(/R0/);
  });
});

describe('epidemic', () => {
  it('is deterministic: same seed, same epidemic; another seed, another', () => {
    const pop = town(20, 10, 3);
    const spec = parse({ r0: 2.5, initialInfectedCount: 5, isolation: { testingPerDay: 0.3 } });
    const run = (seed: number) => {
      const ep = createEpidemic(pop, spec, createRandom(seed, 'epidemic'));
      stepEpidemic(ep, 40 * DAY_S);
      return [Array.from(ep.stage), Array.from(ep.isolation), ep.counts];
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
  });

  it('does not depend on the simulation tick: its own step, however the time is handed over', () => {
    const pop = town(10, 10, 4);
    const spec = parse({ r0: 3, initialInfectedCount: 4, isolation: { testingPerDay: 0.5 } });
    const byDay = createEpidemic(pop, spec, createRandom(3, 'epidemic'));
    const byTick = createEpidemic(pop, spec, createRandom(3, 'epidemic'));
    for (let d = 0; d < 10; d++) stepEpidemic(byDay, DAY_S);
    for (let t = 0; t < 10 * 24 * 6; t++) stepEpidemic(byTick, 600);
    expect(byTick.stepsDone).toBe(240);
    expect(Array.from(byTick.stage)).toEqual(Array.from(byDay.stage));
    expect(byTick.counts).toEqual(byDay.counts);
  });

  it('keeps its counts and aggregates exactly in step with the residents', () => {
    const ep = createEpidemic(
      town(30, 8, 3),
      parse({ r0: 3, initialInfectedCount: 10, isolation: { testingPerDay: 0.4, quarantineDays: 3 } }),
      createRandom(11, 'e'),
    );
    expectConsistent(ep);
    for (let d = 0; d < 60; d++) {
      stepEpidemic(ep, DAY_S);
      expectConsistent(ep);
    }
    expect(ep.counts.found).toBeGreaterThan(0);
  });

  it('gives stage lengths with the mean and spread asked for, at any step', () => {
    // No transmission: 4000 residents infected at time 0 (exposed 0 days) stay infectious for Gamma(4, 5/4) days.
    const ep = createEpidemic(
      wellMixed(4000),
      parse({ r0: 0, latentPeriodDays: 0, infectiousPeriodDays: 5, infectiousShape: 4, initialInfectedShare: 1, stepMinutes: 240 }),
      createRandom(1, 'e'),
    );
    let infectiousSteps = 0;
    let sq = 0;
    const steps = new Int32Array(ep.count);
    while (!isEpidemicOver(ep)) {
      stepEpidemic(ep, ep.params.stepS);
      for (let i = 0; i < ep.count; i++) if (isInfectious(ep, i)) steps[i]++;
    }
    // Residents are infectious from the first step's midpoint; the initial one is counted before stepping.
    for (let i = 0; i < ep.count; i++) {
      infectiousSteps += steps[i] + 1;
      sq += (steps[i] + 1) ** 2;
    }
    const stepDays = 240 / 1440;
    const mean = (infectiousSteps / ep.count) * stepDays;
    const sd = Math.sqrt(sq / ep.count - (infectiousSteps / ep.count) ** 2) * stepDays;
    expect(mean).toBeGreaterThan(5 - 0.1);
    expect(mean).toBeLessThan(5 + 0.1);
    expect(sd).toBeGreaterThan(2.5 * 0.93);
    expect(sd).toBeLessThan(2.5 * 1.07);
  });

  it('with household contacts only, infects within households and never between them', () => {
    const pop = town(50, 20, 4);
    const ep = createEpidemic(
      pop,
      parse({ r0: 4, latentPeriodDays: 1, initialInfectedCount: 30, contacts: { household: 1, building: 0, community: 0 } }),
      createRandom(5, 'e'),
    );
    const seeded = new Set<number>();
    for (let i = 0; i < ep.count; i++) if (ep.stage[i] !== Stage.Susceptible) seeded.add(ep.householdOf[i]);
    runToEnd(ep);
    let secondary = 0;
    for (let i = 0; i < ep.count; i++) {
      if (ep.stage[i] === Stage.Susceptible) continue;
      expect(seeded.has(ep.householdOf[i])).toBe(true);
      secondary++;
    }
    secondary -= 30;
    // Most members of seeded households catch it (R0 4 within a household of 4), none elsewhere.
    expect(secondary).toBeGreaterThan(30);
    expect(secondary).toBeLessThanOrEqual(seeded.size * 3);
  });

  it('with building contacts, spreads between the households of a building but not beyond it', () => {
    const pop = town(40, 10, 2);
    const ep = createEpidemic(pop, parse({ r0: 5, initialInfectedCount: 3, contacts: { household: 0.5, building: 0.5, community: 0 } }), createRandom(2, 'e'));
    const seededBuildings = new Set<number>();
    for (let i = 0; i < ep.count; i++) if (ep.stage[i] !== Stage.Susceptible) seededBuildings.add(pop.building[i]);
    runToEnd(ep);
    const householdsHit = new Set<number>();
    for (let i = 0; i < ep.count; i++) {
      if (ep.stage[i] === Stage.Susceptible) continue;
      expect(seededBuildings.has(pop.building[i])).toBe(true);
      householdsHit.add(ep.householdOf[i]);
    }
    expect(householdsHit.size).toBeGreaterThan(3 * seededBuildings.size);
  });

  it('lowers the attack rate when cases are found and isolated', () => {
    const pop = wellMixed(3000);
    const base = {
      r0: 2,
      latentPeriodDays: 1,
      infectiousPeriodDays: 4,
      initialInfectedCount: 10,
      stepMinutes: 120,
      contacts: { household: 0, building: 0, community: 1 },
    };
    const mean = (input: EpidemicSpecInput) => {
      let sum = 0;
      for (let seed = 1; seed <= 5; seed++) {
        const ep = createEpidemic(pop, parse(input), createRandom(seed, 'e'));
        runToEnd(ep);
        sum += attackRate(ep);
      }
      return sum / 5;
    };
    const none = mean(base);
    // Found after 2 days on average (of 4 infectious), then 90% fewer contacts: R falls to about 0.8.
    const isolated = mean({ ...base, isolation: { testingPerDay: 0.5, effectiveness: 0.9 } });
    expect(none).toBeGreaterThan(0.75);
    expect(isolated).toBeLessThan(0.1);
    const halfway = mean({ ...base, isolation: { testingPerDay: 0.2, effectiveness: 0.5 } });
    expect(halfway).toBeLessThan(none - 0.05);
    expect(halfway).toBeGreaterThan(isolated);
  });

  it('quarantines households of found cases and reports what they need', () => {
    const pop = town(10, 10, 4);
    const ep = createEpidemic(
      pop,
      parse({ r0: 3, initialInfectedCount: 5, isolation: { testingPerDay: 2, quarantineDays: 5, supplyUnitsPerPersonPerDay: 2 } }),
      createRandom(9, 'e'),
    );
    let peakAtHome = 0;
    for (let d = 0; d < 20; d++) {
      stepEpidemic(ep, DAY_S);
      peakAtHome = Math.max(peakAtHome, ep.counts.isolated);
      expect(supplyNeedPerDay(ep)).toBe(2 * ep.counts.isolated);
      for (let i = 0; i < ep.count; i++) {
        if (!isIsolated(ep, i)) continue;
        expect(householdSupplyNeedPerDay(ep, i)).toBe(2 * ep.householdAtHome[ep.householdOf[i]]);
        expect(householdSupplyNeedPerDay(ep, i)).toBeGreaterThan(0);
      }
    }
    expect(peakAtHome).toBeGreaterThan(4);
    expect(ep.supplyUnitsNeeded).toBeGreaterThan(0);
    runToEnd(ep);
    stepEpidemic(ep, 6 * DAY_S);
    // Everyone is back out once the last quarantine is over.
    expect(ep.counts.isolated).toBe(0);
    expect(ep.quarantinedCount).toBe(0);
  });

  it("counts a household split across buildings in its first member's building", () => {
    const pop = { count: 4, household: Int32Array.of(4, 4, -1, -1), building: Int16Array.of(0, 1, 1, -1) };
    const ep = createEpidemic(pop, parse({ r0: 2, initialInfectedCount: 0 }), createRandom(1, 'e'));
    expect(ep.householdCount).toBe(3);
    expect(Array.from(ep.householdBuilding)).toEqual([0, 1, -1]);
    expect(Array.from(ep.householdSize)).toEqual([2, 1, 1]);
    // Household 0 has no one else in building 0; the resident alone in building 1 has no other household there.
    expect(Array.from(ep.invBuildingOthers)).toEqual([0, 0, 0]);
    expect(Array.from(ep.invHouseholdOthers)).toEqual([1, 0, 0]);
  });
});

import type { Random } from '../../random/Random';
import { type Epidemic, type EpidemicPopulation, epidemicParams, Stage } from './Epidemic';
import type { EpidemicSpec } from './spec';
import { advanceStages } from './transitions';

/** Households as dense indexes with their members (people living alone get a household each). */
interface Households {
  count: number;
  of: Int32Array;
  id: Int32Array;
  building: Int32Array;
  size: Int32Array;
  memberStart: Int32Array;
  members: Int32Array;
}

/**
 * Number the households densely in order of first appearance and list their members. A household lives in
 * its first member's building: one split across buildings (placement ran out of room) is counted there.
 */
function buildHouseholds(population: EpidemicPopulation): Households {
  const n = population.count;
  const of = new Int32Array(n);
  const ids: number[] = [];
  const buildings: number[] = [];
  const dense = new Map<number, number>();
  for (let i = 0; i < n; i++) {
    const id = population.household[i];
    const b = population.building[i];
    let h = id < 0 ? undefined : dense.get(id);
    if (h === undefined) {
      h = ids.length;
      ids.push(id);
      buildings.push(b);
      if (id >= 0) dense.set(id, h);
    }
    of[i] = h;
  }
  const count = ids.length;
  const size = new Int32Array(count);
  for (let i = 0; i < n; i++) size[of[i]]++;
  const memberStart = new Int32Array(count + 1);
  for (let h = 0; h < count; h++) memberStart[h + 1] = memberStart[h] + size[h];
  const fill = memberStart.slice(0, count);
  const members = new Int32Array(n);
  for (let i = 0; i < n; i++) members[fill[of[i]]++] = i;
  return { count, of, id: Int32Array.from(ids), building: Int32Array.from(buildings), size, memberStart, members };
}

/**
 * Create an epidemic among the residents from a validated spec: every resident susceptible but the initial
 * infected (chosen at random, infectious from time 0). `random` is the epidemic's own seeded stream; all
 * its draws happen in a fixed order, so the same seed gives the same epidemic.
 *
 * @example
 * const ep = createEpidemic({ count: r.count, household: r.household, building: r.homeBuilding }, epidemicSpecSchema.parse({ r0: 2 }), createRandom(seed, 'epidemic'));
 * stepEpidemic(ep, world.tickS); // every tick; the epidemic takes its own steps as time passes
 */
export function createEpidemic(population: EpidemicPopulation, spec: EpidemicSpec, random: Random): Epidemic {
  const n = population.count;
  if (!(Number.isInteger(n) && n >= 0)) throw new RangeError(`createEpidemic: bad resident count ${n}`);
  if (population.household.length < n || population.building.length < n)
    throw new RangeError('createEpidemic: household and building arrays are shorter than count');
  const hh = buildHouseholds(population);
  let buildingCount = 0;
  for (let h = 0; h < hh.count; h++) buildingCount = Math.max(buildingCount, hh.building[h] + 1);
  const buildingSize = new Int32Array(buildingCount);
  for (let h = 0; h < hh.count; h++) if (hh.building[h] >= 0) buildingSize[hh.building[h]] += hh.size[h];
  const invHouseholdOthers = new Float64Array(hh.count);
  const invBuildingOthers = new Float64Array(hh.count);
  for (let h = 0; h < hh.count; h++) {
    if (hh.size[h] > 1) invHouseholdOthers[h] = 1 / (hh.size[h] - 1);
    const b = hh.building[h];
    if (b >= 0 && buildingSize[b] > hh.size[h]) invBuildingOthers[h] = 1 / (buildingSize[b] - hh.size[h]);
  }
  const params = epidemicParams(spec);
  const ep: Epidemic = {
    count: n,
    stage: new Uint8Array(n),
    stageEndS: new Float64Array(n).fill(Infinity),
    exposureLeft: new Float64Array(n),
    isolation: new Uint8Array(n),
    householdOf: hh.of,
    householdCount: hh.count,
    householdId: hh.id,
    householdBuilding: hh.building,
    householdSize: hh.size,
    memberStart: hh.memberStart,
    members: hh.members,
    invHouseholdOthers,
    invBuildingOthers,
    householdFree: new Int32Array(hh.count),
    householdIsolatedInfectious: new Int32Array(hh.count),
    buildingFree: new Int32Array(buildingCount),
    buildingIsolatedInfectious: new Int32Array(buildingCount),
    communityFree: 0,
    communityIsolatedInfectious: 0,
    householdAtHome: new Int32Array(hh.count),
    quarantineUntilS: new Float64Array(hh.count),
    quarantined: new Int32Array(hh.count),
    quarantinedCount: 0,
    inQuarantine: new Uint8Array(hh.count),
    active: new Int32Array(n),
    activeCount: 0,
    newlyInfected: new Int32Array(n),
    params,
    counts: { susceptible: n, exposed: 0, infectious: 0, removed: 0, isolated: 0, isolatedHouseholds: 0, found: 0 },
    supplyUnitsNeeded: 0,
    timeS: 0,
    clockS: 0,
    stepsDone: 0,
    random,
  };
  seedInfections(ep, initialInfected(spec, n));
  return ep;
}

/** Number of residents infectious at the start. */
function initialInfected(spec: EpidemicSpec, n: number): number {
  if (spec.initialInfectedShare !== undefined) return Math.min(n, Math.round(spec.initialInfectedShare * n));
  return Math.min(n, spec.initialInfectedCount ?? 1);
}

/** Draw every resident's resistance, pick `k` residents at random (partial Fisher–Yates) and make them infectious at time 0. */
function seedInfections(ep: Epidemic, k: number): void {
  const n = ep.count;
  const random = ep.random;
  for (let i = 0; i < n; i++) ep.exposureLeft[i] = -Math.log(1 - random.next());
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  for (let j = 0; j < k; j++) {
    const pick = j + Math.floor(random.next() * (n - j));
    const t = order[j];
    order[j] = order[pick];
    order[pick] = t;
  }
  // Infect in id order so the draws below do not depend on how the picks were shuffled.
  const chosen = order.subarray(0, k).sort();
  for (let j = 0; j < k; j++) {
    const i = chosen[j];
    ep.stage[i] = Stage.Exposed;
    ep.stageEndS[i] = 0;
    ep.counts.susceptible--;
    ep.counts.exposed++;
    // A latent period that ended at time 0: the resident is infectious from the start.
    advanceStages(ep, i, ep.params.stepS / 2);
    if (ep.stage[i] !== Stage.Removed) ep.active[ep.activeCount++] = i;
  }
}

import { Trait } from '../agents/Residents';
import { ResidentState } from '../core/Simulation';
import type { World } from '../core/World';
import { endOutage } from '../systems/outages';
import { setState } from '../warning/decide';
import { suppliesVector } from './createGovernance';
import type { GovernanceState, SupportRecord, UnitAtWork } from './GovernanceState';
import { describe } from './logistics';
import { at, record } from './queue';
import { sendReport } from './reports';

/** Default time per task of a unit's member: a rescue, caring for one injured, a repair, s. */
const WORK_S = { rescue: 600, care: 900, repair: 1800 } as const;
/** Walking speed of a rescued resident carried out by a crew, m/s. */
const CARRIED_SPEED_MPS = 0.8;

/**
 * The community asks the unit's organisation for it (an approved decision): the request travels the
 * reporting chain; the owner dispatches it after its response delay; it arrives after its travel time,
 * later when the request arrived garbled.
 */
export function requestUnit(world: World, g: GovernanceState, unitId: string): void {
  const entry = g.units.get(unitId);
  if (!entry) return;
  const { unit, owner } = entry;
  const rec: SupportRecord = {
    unit: unit.id,
    kind: unit.kind,
    owner: g.orgs[owner].id,
    requestedS: world.tick * world.tickS,
    dispatchedS: -1,
    arrivedS: -1,
    misdirected: false,
  };
  g.support.push(rec);
  sendReport(world, g, g.community, owner, `requests ${unit.name ?? unit.id}`, (report) => {
    at(g, world.tick * world.tickS + g.orgs[owner].responseDelayS, () => {
      rec.dispatchedS = world.tick * world.tickS;
      rec.misdirected = report.wrong;
      record(world, g, {
        kind: 'dispatch',
        author: rec.owner,
        content: `sends ${unit.name ?? unit.id}${report.wrong ? ' to the wrong place (the request arrived garbled)' : ''}`,
      });
      const travelS = unit.arrivalS + (report.wrong ? g.spec.reporting.wrongReportDelayS : 0);
      at(g, world.tick * world.tickS + travelS, () => arrive(world, g, rec));
    });
  });
}

function arrive(world: World, g: GovernanceState, rec: SupportRecord): void {
  const entry = g.units.get(rec.unit);
  if (!entry) return;
  const { unit } = entry;
  rec.arrivedS = world.tick * world.tickS;
  const label = unit.name ?? unit.id;
  switch (unit.kind) {
    case 'supplies': {
      const load = suppliesVector(unit.supplies);
      const store = g.spec.stores.findIndex((s) => s.owner === g.orgs[g.community].id);
      const target = Math.max(store, 0);
      if (g.storeStock.length) for (let k = 0; k < load.length; k++) g.storeStock[target][k] += load[k];
      record(world, g, { kind: 'arrival', author: rec.owner, content: `${label} arrives with ${describe(load)}` });
      return;
    }
    case 'volunteers': {
      const cell = g.storeCell[0] ?? world.residents.cell[0] ?? 0;
      for (let k = 0; k < unit.staff; k++) g.carriers.push({ org: rec.owner, cell, freeAtS: rec.arrivedS });
      record(world, g, { kind: 'arrival', author: rec.owner, content: `${label} arrives: ${unit.staff} more people carry supplies` });
      return;
    }
    default:
      g.atWork.push({ record: rec, spec: unit, freeAtS: new Float64Array(unit.staff).fill(rec.arrivedS) });
      record(world, g, { kind: 'arrival', author: rec.owner, content: `${label} arrives (${unit.staff} people)` });
  }
}

/** Units on site take their next task: rescue, care or repair, one per free member. */
export function stepUnitsAtWork(world: World, g: GovernanceState): void {
  const nowS = world.tick * world.tickS;
  for (const u of g.atWork) {
    for (let m = 0; m < u.freeAtS.length; m++) {
      if (u.freeAtS[m] > nowS) continue;
      const busyS = nextTask(world, g, u);
      if (busyS <= 0) break;
      u.freeAtS[m] = nowS + busyS;
    }
  }
}

/** Start the unit's next task; returns how long it takes, or 0 when there is none. */
function nextTask(world: World, g: GovernanceState, u: UnitAtWork): number {
  switch (u.spec.kind) {
    case 'fireCrew':
    case 'rescueTeam':
      return startRescue(world, g, u);
    case 'medicalTeam':
      return startCare(world, g, u);
    case 'utilityCrew':
      return startRepair(world, g, u);
    default:
      return 0;
  }
}

/** Free the trapped first, then anyone waiting for help; they leave with the crew. */
function startRescue(world: World, g: GovernanceState, u: UnitAtWork): number {
  // Every 10 s for each free member: skip the scan over all residents when nobody is waiting.
  if (world.counts.awaitingHelp === 0) return 0;
  const r = world.residents;
  let pick = -1;
  for (let i = 0; i < r.count; i++) {
    if (r.state[i] !== ResidentState.AwaitingHelp || g.rescueBooked.has(i)) continue;
    if (r.traits[i] & Trait.Trapped) {
      pick = i;
      break;
    }
    if (pick < 0) pick = i;
  }
  if (pick < 0) return 0;
  const i = pick;
  g.rescueBooked.add(i);
  const workS = (u.spec.workS ?? WORK_S.rescue) * g.workFactor;
  at(g, world.tick * world.tickS + workS, () => {
    g.rescueBooked.delete(i);
    if (r.state[i] !== ResidentState.AwaitingHelp) return;
    if (r.speedMps[i] > CARRIED_SPEED_MPS) r.speedMps[i] = CARRIED_SPEED_MPS;
    r.startS[i] = world.tick * world.tickS;
    setState(world, i, ResidentState.Moving);
    record(world, g, { kind: 'rescue', author: u.record.owner, content: `${u.spec.name ?? u.spec.id} frees resident ${i} and brings them out` });
  });
  return workS;
}

/** Care for one injured resident not yet cared for. */
function startCare(world: World, g: GovernanceState, u: UnitAtWork): number {
  // Skip the scan over all residents once every injured resident has been taken on.
  if (g.careTaken >= world.harm.injured) return 0;
  const r = world.residents;
  if (g.caredFor.length !== r.count) g.caredFor = new Uint8Array(r.count);
  for (let i = 0; i < r.count; i++) {
    if (!(r.traits[i] & Trait.Injured) || g.caredFor[i] || r.state[i] === ResidentState.Deceased) continue;
    g.caredFor[i] = 1;
    g.careTaken++;
    const workS = (u.spec.workS ?? WORK_S.care) * g.workFactor;
    at(g, world.tick * world.tickS + workS, () => {
      g.injuredCaredFor++;
      if (g.injuredCaredFor % 10 === 1)
        record(world, g, { kind: 'care', author: u.record.owner, content: `${u.spec.name ?? u.spec.id} has cared for ${g.injuredCaredFor} injured` });
    });
    return workS;
  }
  return 0;
}

/** Repair one outage that is on now. */
function startRepair(world: World, g: GovernanceState, u: UnitAtWork): number {
  const outage = world.outages.outages.find((o) => o.active && !g.repairing.has(o.id));
  if (!outage) return 0;
  g.repairing.add(outage.id);
  const workS = (u.spec.workS ?? WORK_S.repair) * g.workFactor;
  at(g, world.tick * world.tickS + workS, () => {
    g.repairing.delete(outage.id);
    if (!outage.active) return;
    endOutage(world, outage.id);
    g.servicesRestored++;
    record(world, g, { kind: 'repair', author: u.record.owner, content: `${u.spec.name ?? u.spec.id} restores service: ${outage.id}` });
  });
  return workS;
}

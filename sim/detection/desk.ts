import { SHARE_UNIT } from '../agents/Residents';
import type { World } from '../core/World';
import type { ScenarioAction } from '../scenario/schema';
import { scheduleAction } from '../warning/plan';
import type { AlertRecord, AlertSource } from './DetectionState';

/**
 * The community's duty desk: alerts arrive in order of their due time; the desk records the first
 * detection, keeps the alert log, confirms real hazards (a sensor alert or a volunteer report at once,
 * resident reports once `detection.reportsToConfirm` have come in), and decides to warn: the strategy's
 * warning plan starts `levers.decisionDelayS` after confirmation, or at once for a sensor alert when the
 * early-warning system is on. False alarms are checked for `decisionDelayS` and discarded; one that
 * started the warning plan by itself costs every resident `behaviour.panic.trustLossPerFalseAlarm` trust.
 */
export function stepDesk(world: World): void {
  const d = world.detection;
  const nowS = world.tick * world.tickS;
  // Half a tick of slack, as for timeline events: an alert due at t is received at the tick nearest to t.
  const dueBy = nowS + world.tickS * 0.5;
  while (d.queue.length && d.queue[0].dueS <= dueBy) receive(world, d.queue.shift() as AlertRecord, nowS);
  while (d.checks.length && d.checks[0].doneS <= dueBy) {
    const check = d.checks.shift() as (typeof d.checks)[number];
    if (check.triggered && d.decisionCause === check.alert && d.confirmedS < 0) loseTrust(world, check.alert);
    else note(world, `${check.alert.title} checked: false alarm, discarded`);
  }
}

/** Sensor `k` alerts the desk (a trip when `real`, else a false alarm); the alert arrives after the sensor's delay. */
export function raiseSensorAlert(world: World, k: number, real: boolean): void {
  const s = world.detection.runtime?.sensors;
  if (!s) return;
  enqueue(world, 'sensor', s.ids[k], -1, s.cell[k], real, s.delayS[k], `${s.labels[k]} alert`);
}

/** Resident `i` calls the desk about a hazard; the report arrives `delayS` seconds from now. */
export function raiseResidentReport(world: World, i: number, delayS: number): void {
  const r = world.residents;
  const home = r.homeBuilding[i];
  const where = home >= 0 ? placeName(world, home) : whereIs(world, r.cell[i]);
  enqueue(world, 'resident', null, i, r.cell[i], true, delayS, `Resident report from ${where}`);
}

/** A volunteer (index, or -1) reports a hazard seen at `cell`; the report arrives `delayS` seconds from now. */
export function raiseVolunteerReport(world: World, cell: number, volunteer: number, real: boolean, delayS: number): void {
  const team = volunteer >= 0 && volunteer < world.volunteers.count ? world.scenario.volunteers[world.volunteers.team[volunteer]] : undefined;
  const who = team ? `Volunteer report (${team.name ?? team.id})` : 'Volunteer report';
  enqueue(world, 'volunteer', null, volunteer, cell, real, delayS, `${who}: hazard at ${whereIs(world, cell)}`);
}

function enqueue(world: World, source: AlertSource, sensor: string | null, agent: number, cell: number, real: boolean, delayS: number, title: string): void {
  const d = world.detection;
  const nowS = world.tick * world.tickS;
  const alert: AlertRecord = { seq: d.raised++, source, sensor, agent, cell, real, raisedS: nowS, dueS: nowS + delayS, receivedS: -1, title };
  // Insert after every alert due no later: equal due times keep the order raised.
  const q = d.queue;
  let lo = 0;
  let hi = q.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (q[mid].dueS <= alert.dueS) lo = mid + 1;
    else hi = mid;
  }
  q.splice(lo, 0, alert);
}

function receive(world: World, a: AlertRecord, nowS: number): void {
  const d = world.detection;
  const levers = world.warning.levers;
  a.receivedS = nowS;
  d.log.push(a);
  if (d.firstDetectionS < 0) d.firstDetectionS = nowS;
  if (a.real && d.firstRealDetectionS < 0) d.firstRealDetectionS = nowS;
  const ews = levers.earlyWarningSystem;
  const delay = levers.decisionDelayS;
  switch (a.source) {
    case 'sensor': {
      note(world, a.title);
      // Worded the same for real and false alarms: the command post cannot tell them apart until checked.
      const decision = ews
        ? `Early-warning system: ${a.title} starts the warning plan`
        : `Duty desk takes the ${a.title} as real unless its check finds a false alarm: decision to warn in ${delay} s`;
      if (a.real) {
        confirm(world, a, ews ? 0 : delay, decision);
        return;
      }
      // The desk cannot tell a false alarm from a real one on arrival: it checks, while automation acts.
      d.falseAlarms++;
      if (!ews && world.warning.planStartedS < 0 && d.decisionS === Infinity) note(world, decision);
      const triggered = ews && decide(world, a, 0, decision);
      const check = { doneS: nowS + Math.max(delay, world.tickS), alert: a, triggered };
      let at = d.checks.length;
      while (at > 0 && d.checks[at - 1].doneS > check.doneS) at--;
      d.checks.splice(at, 0, check);
      return;
    }
    case 'resident': {
      d.residentReports++;
      const need = world.scenario.detection.reportsToConfirm;
      // Once the hazard is confirmed, later calls go to the alert log only: the feed is not flooded by them.
      if (d.confirmedS >= 0) return;
      note(world, a.title, `${Math.min(d.residentReports, need)} of ${need} resident reports needed to confirm`);
      if (d.residentReports >= need)
        confirm(world, a, delay, `Duty desk confirms the hazard after ${need} resident report${need === 1 ? '' : 's'}: decision to warn in ${delay} s`);
      return;
    }
    case 'volunteer':
      note(world, a.title);
      confirm(world, a, delay, `Duty desk confirms the volunteer report: decision to warn in ${delay} s`);
      return;
  }
}

/** The desk treats a real hazard as confirmed and decides to warn after `delayS`. */
function confirm(world: World, a: AlertRecord, delayS: number, title: string): void {
  const d = world.detection;
  if (d.confirmedS < 0) d.confirmedS = world.tick * world.tickS;
  decide(world, a, delayS, title);
}

/**
 * Schedule the decision to warn (`activatePlan`) `delayS` from now, unless the plan has started or a
 * decision is due no later; an earlier decision replaces a later one, so the feed shows one decision.
 * Returns whether this alert's decision was scheduled.
 */
function decide(world: World, a: AlertRecord, delayS: number, title: string): boolean {
  const d = world.detection;
  if (world.warning.planStartedS >= 0) return false;
  const atS = world.tick * world.tickS + delayS;
  if (atS >= d.decisionS) return false;
  if (d.decisionAction) {
    const at = world.scheduled.findIndex((e) => e.action === d.decisionAction);
    if (at >= 0) world.scheduled.splice(at, 1);
  }
  const action: ScenarioAction = { kind: 'activatePlan' };
  scheduleAction(world, action, delayS);
  d.decisionS = atS;
  d.decisionAction = action;
  d.decisionCause = a;
  note(world, title);
  return true;
}

/** The warning started by a false alarm alone turns out wrong: trust in official sources falls for everyone. */
function loseTrust(world: World, a: AlertRecord): void {
  const loss = world.scenario.behaviour.panic.trustLossPerFalseAlarm;
  const trust = world.residents.trust;
  const lossUnits = Math.round(loss * SHARE_UNIT);
  for (let i = 0; i < trust.length; i++) trust[i] = Math.max(0, trust[i] - lossUnits);
  note(world, `${a.title} was a false alarm: the warning was wrong, and trust in official warnings falls`);
}

function placeName(world: World, index: number): string {
  const place = world.grid.places[index];
  return place.place.name ?? place.id;
}

/** A cell in words: the place it belongs to, or its column and row. */
function whereIs(world: World, cell: number): string {
  const { width, placeOfCell } = world.grid;
  const place = cell >= 0 && cell < placeOfCell.length ? placeOfCell[cell] : -1;
  if (place >= 0) return placeName(world, place);
  return `column ${cell % width}, row ${Math.floor(cell / width)}`;
}

function note(world: World, title: string, text?: string): void {
  world.events.push({ tick: world.tick, timeS: world.tick * world.tickS, kind: 'alert', title, ...(text ? { text } : {}) });
}

import type { World } from '../core/World';
import { NEIGHBOUR_DX, NEIGHBOUR_DY } from '../space/distanceField';
import { zoneMask } from '../systems/actions';
import { collectCandidates, nextEscort, releaseBooking, startEscort, stepEscort } from './escort';
import { arriveAtDoor, deliverAtDoor, fillKnockPool, nextHousehold } from './knockDoors';
import { nextWaypoint, patrolCells, watchForHazards } from './patrol';
import { TASK_BY_NAME, type VolunteerRuntime, VolunteerState, VolunteerTask, volunteerRuntimeOf } from './VolunteerRuntime';
import { stopWalk, Walk, walkStep } from './walk';

const TASK_LABEL = ['no task', 'knocking on doors', 'escorting residents who need help', 'patrolling'] as const;

/**
 * Give a volunteer team a task in a zone ("all", or a zone or building id): knock on doors, escort
 * vulnerable residents, or patrol. The new task replaces the team's previous one at once, except that a
 * member escorting someone first brings that person to safety. An unknown team changes nothing but the log.
 * @example assignVolunteers(world, 'grid-team', 'knockDoors', 'block-a')
 */
export function assignVolunteers(world: World, team: string, task: string, zone: string): void {
  const t = world.scenario.volunteers.findIndex((x) => x.id === team);
  const taskId = TASK_BY_NAME[task] ?? VolunteerTask.None;
  if (t < 0 || taskId === VolunteerTask.None) {
    note(world, 'assignVolunteers', `No volunteer team "${team}" with task "${task}": nothing assigned`);
    return;
  }
  const rt = volunteerRuntimeOf(world);
  const previous = rt.teamTask[t];
  const vol = world.volunteers;
  let members = 0;
  for (let v = 0; v < vol.count; v++) {
    if (vol.team[v] !== t) continue;
    members++;
    const state = vol.state[v];
    if (state === VolunteerState.Escorting) continue;
    // A booked resident is freed; a household taken but not yet told goes back to whoever knocks next.
    if (state === VolunteerState.Walking && previous === VolunteerTask.EscortVulnerable) releaseBooking(rt, v);
    const knocking = state === VolunteerState.Walking || state === VolunteerState.Knocking;
    if (knocking && previous === VolunteerTask.KnockDoors && rt.target[v] >= 0) rt.knocked[rt.target[v]] = 0;
    stopWalk(rt, v);
    rt.target[v] = -1;
    rt.reported[v] = 0;
    vol.state[v] = VolunteerState.Idle;
  }
  const mask = zoneMask(world, zone);
  rt.teamTask[t] = taskId;
  rt.teamZone[t] = mask;
  rt.teamZoneId[t] = zone;
  rt.teamStats.startedS[t] = world.tick * world.tickS;
  rt.teamStats.doneS[t] = -1;
  let detail: string | undefined;
  if (taskId === VolunteerTask.KnockDoors) detail = `${fillKnockPool(rt, world, t, mask)} households to visit`;
  if (taskId === VolunteerTask.Patrol) rt.teamCells[t] = patrolCells(world, mask);
  rt.teamBusy[t] = members;
  const where = zone === 'all' ? 'the whole area' : (world.grid.placeById.get(zone)?.place.name ?? zone);
  note(world, 'assignVolunteers', `${teamName(world, t)}: ${TASK_LABEL[taskId]} in ${where}`, detail);
}

/**
 * One tick of every volunteer, in id order: walk (A* paths, re-planned when the geometry changes),
 * knock, escort or patrol, then take the next piece of work of the team's task.
 */
export function stepVolunteers(world: World): void {
  const vol = world.volunteers;
  if (vol.count === 0) return;
  const rt = volunteerRuntimeOf(world);
  const nowS = world.tick * world.tickS;
  const states = vol.state;
  // Built at most once a tick, and only when a free escort needs it.
  let candidates = -1;
  for (let v = 0; v < vol.count; v++) {
    const t = vol.team[v];
    const task = rt.teamTask[t];
    switch (states[v]) {
      case VolunteerState.Idle:
        if (task !== VolunteerTask.None) candidates = takeNext(rt, world, v, t, task, candidates);
        break;
      case VolunteerState.Walking: {
        const walk = walkStep(rt, world, v);
        if (walk === Walk.OnTheWay) break;
        if (task === VolunteerTask.KnockDoors) {
          if (walk === Walk.Arrived && arriveAtDoor(rt, world, v, t)) break;
          if (walk === Walk.Unreachable) rt.teamStats.householdsUnreachable[t]++;
          rt.target[v] = -1;
        } else {
          if (walk === Walk.Arrived && startEscort(rt, world, v, t)) break;
          if (walk === Walk.Unreachable) rt.unreachableAt.set(rt.target[v], world.geometryVersion);
          releaseBooking(rt, v);
        }
        candidates = takeNext(rt, world, v, t, task, candidates);
        break;
      }
      case VolunteerState.Knocking:
        // A little slack, so a knock ending on a tick boundary is not put off by rounding.
        if (nowS + 1e-9 < rt.knockEndS[v]) break;
        deliverAtDoor(rt, world, v, t);
        candidates = takeNext(rt, world, v, t, task, candidates);
        break;
      case VolunteerState.Escorting:
        if (!stepEscort(rt, world, v, t)) break;
        note(world, 'escortDone', `${teamName(world, t)} brought a resident who needed help to safety`);
        candidates = takeNext(rt, world, v, t, task, candidates);
        break;
      case VolunteerState.Patrolling: {
        const walk = walkStep(rt, world, v);
        watchForHazards(rt, world, v, t);
        if (walk !== Walk.OnTheWay) nextWaypoint(rt, world, v, rt.teamCells[t]);
        break;
      }
      case VolunteerState.Done:
        if (task === VolunteerTask.EscortVulnerable) candidates = takeNext(rt, world, v, t, task, candidates);
        break;
    }
  }
}

/**
 * Volunteer `v` is free: give it the next piece of its team's task, or mark it done. Returns the number
 * of escort candidates, built here on first need in the tick (-1 while not built).
 */
function takeNext(rt: VolunteerRuntime, world: World, v: number, t: number, task: number, candidates: number): number {
  const states = world.volunteers.state;
  if ((task === VolunteerTask.KnockDoors || task === VolunteerTask.EscortVulnerable) && !canLeave(world, world.volunteers.cell[v])) {
    // Hemmed in (a fire all round): every walk would fail, and each failure would cross a household or a
    // resident off for the whole team. It waits, free, until a way opens.
    states[v] = VolunteerState.Idle;
    return candidates;
  }
  switch (task) {
    case VolunteerTask.KnockDoors:
      if (nextHousehold(rt, world, v, t)) return candidates;
      states[v] = VolunteerState.Done;
      if (--rt.teamBusy[t] === 0) teamDone(rt, world, t);
      return candidates;
    case VolunteerTask.EscortVulnerable: {
      const n = candidates < 0 ? collectCandidates(rt, world) : candidates;
      if (!nextEscort(rt, world, v, rt.teamZone[t], n)) states[v] = VolunteerState.Done;
      return n;
    }
    case VolunteerTask.Patrol:
      states[v] = VolunteerState.Patrolling;
      nextWaypoint(rt, world, v, rt.teamCells[t]);
      return candidates;
    default:
      states[v] = VolunteerState.Idle;
      return candidates;
  }
}

/** Whether someone in `cell` can step to a neighbour now: one passable, and on a diagonal both cells beside it too (as paths go). */
function canLeave(world: World, cell: number): boolean {
  const { width, height } = world.grid;
  const passable = world.passable;
  const x = cell % width;
  const y = (cell - x) / width;
  for (let k = 0; k < 8; k++) {
    const nx = x + NEIGHBOUR_DX[k];
    const ny = y + NEIGHBOUR_DY[k];
    if (nx < 0 || ny < 0 || nx >= width || ny >= height || !passable[ny * width + nx]) continue;
    if (k < 4 || (passable[y * width + nx] && passable[ny * width + x])) return true;
  }
  return false;
}

/** Every member of a knocking team has run out of doors. */
function teamDone(rt: VolunteerRuntime, world: World, t: number): void {
  const s = rt.teamStats;
  s.doneS[t] = world.tick * world.tickS;
  const unreachable = s.householdsUnreachable[t] ? `, ${s.householdsUnreachable[t]} could not be reached` : '';
  note(
    world,
    'volunteersDone',
    `${teamName(world, t)} finished knocking on doors`,
    `${s.householdsVisited[t]} households visited, ${s.residentsReached[t]} residents told (${s.residentsFirstInformed[t]} for the first time)${unreachable}`,
  );
}

function teamName(world: World, t: number): string {
  const team = world.scenario.volunteers[t];
  return team.name ?? team.id;
}

function note(world: World, kind: string, title: string, text?: string): void {
  world.events.push({ tick: world.tick, timeS: world.tick * world.tickS, kind, title, ...(text ? { text } : {}) });
}

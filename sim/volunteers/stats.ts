import type { World } from '../core/World';
import { peekVolunteerRuntime, TASK_NAMES, VolunteerState } from './VolunteerRuntime';

/** What one volunteer team has done so far, as plain data for metrics, charts and review. */
export interface VolunteerTeamStats {
  team: string;
  role: 'volunteers' | 'gridWorkers';
  members: number;
  /** Current task ('none' before the first assignment) and its zone. */
  task: (typeof TASK_NAMES)[number];
  zone: string;
  /** Members in each state now. */
  walking: number;
  knocking: number;
  escorting: number;
  patrolling: number;
  done: number;
  /** Doors knocked where someone was at home, and doors the team could not reach. */
  householdsVisited: number;
  householdsUnreachable: number;
  /** Households of the current knocking task nobody has taken yet. */
  householdsLeft: number;
  /** Residents told at their door, and of those, residents who had heard nothing before. */
  residentsReached: number;
  residentsFirstInformed: number;
  /** Residents awaiting help the team set off with, and brought to safety. */
  escortsStarted: number;
  escorted: number;
  /** Hazards the team's patrols reported. */
  hazardReports: number;
  /** When the current task was given, and when the team ran out of doors; null before. */
  startedS: number | null;
  doneS: number | null;
}

/**
 * Per-team counts of the volunteer system, one entry per team of the scenario in file order. Allocates:
 * for metrics and review, not for the tick loop.
 * @example volunteerStats(world)[0].residentsReached
 */
export function volunteerStats(world: World): VolunteerTeamStats[] {
  const rt = peekVolunteerRuntime(world);
  const vol = world.volunteers;
  return world.scenario.volunteers.map((team, t) => {
    const inState = new Int32Array(6);
    let members = 0;
    for (let v = 0; v < vol.count; v++) {
      if (vol.team[v] !== t) continue;
      members++;
      inState[vol.state[v]]++;
    }
    const s = rt?.teamStats;
    const at = (a: Int32Array | undefined) => (a ? a[t] : 0);
    const time = (a: Float64Array | undefined) => (a && a[t] >= 0 ? a[t] : null);
    return {
      team: team.id,
      role: team.role,
      members,
      task: TASK_NAMES[rt ? rt.teamTask[t] : 0],
      zone: rt ? rt.teamZoneId[t] : 'all',
      walking: inState[VolunteerState.Walking],
      knocking: inState[VolunteerState.Knocking],
      escorting: inState[VolunteerState.Escorting],
      patrolling: inState[VolunteerState.Patrolling],
      done: inState[VolunteerState.Done],
      householdsVisited: at(s?.householdsVisited),
      householdsUnreachable: at(s?.householdsUnreachable),
      householdsLeft: rt ? rt.teamPoolCount[t] : 0,
      residentsReached: at(s?.residentsReached),
      residentsFirstInformed: at(s?.residentsFirstInformed),
      escortsStarted: at(s?.escortsStarted),
      escorted: at(s?.escorted),
      hazardReports: at(s?.hazardReports),
      startedS: time(s?.startedS),
      doneS: time(s?.doneS),
    };
  });
}

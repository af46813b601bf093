import type { World } from '../core/World';
import { UNTRAINED_SPEED_FACTOR, UNTRAINED_WORK_FACTOR } from '../governance/createGovernance';
import { createRandom, type Random } from '../random/Random';
import { createPathFinder, type PathFinder } from '../space/findPath';
import type { PatrolCells } from './patrol';

/** Volunteer states, stored in `world.volunteers.state`. */
export const VolunteerState = {
  /** No task yet. */
  Idle: 0,
  /** Walking to a household or to a resident who needs help. */
  Walking: 1,
  /** At a door, talking to the household. */
  Knocking: 2,
  /** Walking beside a resident to safety. */
  Escorting: 3,
  /** Walking the patrol loop, watching for hazards. */
  Patrolling: 4,
  /** Nothing left to do for the current task (all households visited, nobody waiting for help). */
  Done: 5,
} as const;

/** Tasks a team can be given (the schema's VOLUNTEER_TASKS, as small integers). */
export const VolunteerTask = { None: 0, KnockDoors: 1, EscortVulnerable: 2, Patrol: 3 } as const;
/** Task ids by the names scenarios use. */
export const TASK_BY_NAME: Record<string, number> = {
  knockDoors: VolunteerTask.KnockDoors,
  escortVulnerable: VolunteerTask.EscortVulnerable,
  patrol: VolunteerTask.Patrol,
};
/** Task names by id, for statistics. */
export const TASK_NAMES = ['none', 'knockDoors', 'escortVulnerable', 'patrol'] as const;

/**
 * Time at a door, s: ringing, waiting for someone to open, explaining the warning. Grid workers know
 * the residents of their grid and are let in and believed faster. Assumed values; a scenario field
 * (`volunteers[].knockS`) would let authors set them.
 */
export const KNOCK_S_VOLUNTEER = 30;
export const KNOCK_S_GRID_WORKER = 20;

/**
 * Everything the volunteer system keeps between ticks, besides `world.volunteers`. Per-volunteer and
 * per-team data are typed arrays; the household table is built once from the residents' home cells.
 */
export interface VolunteerRuntime {
  random: Random;
  finder: PathFinder;

  /** Per volunteer: free walking speed (m/s), what it works on, and its walk. */
  speedMps: Float32Array;
  /** Household (knocking), resident (escorting) or cell (patrolling) the volunteer works on; -1 for none. */
  target: Int32Array;
  /** When the knock at the current door ends, s. */
  knockEndS: Float64Array;
  /** Cells of the planned path (grown when needed), its length, and the index of the next cell to reach. */
  paths: Int32Array[];
  pathLength: Int32Array;
  pathNext: Int32Array;
  /** Goal cell of the walk, -1 when not walking; the geometry version it was planned for. */
  pathGoal: Int32Array;
  pathVersion: Int32Array;
  /** 1 once the volunteer has reported a hazard on this patrol. */
  reported: Uint8Array;

  /** Per team: current task, its zone (mask of cells, null for the whole map) and zone id. */
  teamTask: Uint8Array;
  teamZone: (Uint8Array | null)[];
  teamZoneId: string[];
  /** Knock time per team, s (by role). */
  teamKnockS: Float64Array;
  /** Households still to visit (knocking), bucketed by home cell so the nearest is found nearby; null before a knocking task. */
  teamPool: (KnockPool | null)[];
  /** Households in each team's pool: not yet taken (some may have emptied since, until a search sweeps them out). */
  teamPoolCount: Int32Array;
  /** Walkable cells of the zone (patrolling): waypoints are drawn from them. */
  teamCells: PatrolCells[];
  /** Members of the team still working on a task that can finish (knocking); 0 ends it. */
  teamBusy: Int32Array;
  teamStats: TeamCounters;

  /** Households: first member, one past the last, home cell; and whether a volunteer has knocked there. */
  householdStart: Int32Array;
  householdEnd: Int32Array;
  householdCell: Int32Array;
  knocked: Uint8Array;
  householdCount: number;

  /**
   * The volunteer coming for or escorting each resident who has one. Maps, not arrays over every resident:
   * only those awaiting help are ever in them, a small share.
   */
  escortBy: Map<number, number>;
  /** Geometry version at which no path to the resident was found: skipped until the geometry changes. */
  unreachableAt: Map<number, number>;
  /** Residents awaiting help that a volunteer is on its way to. */
  booked: number;
  /** Scratch list of residents awaiting help and not yet booked, rebuilt when an escort is free (grown as needed). */
  candidates: Int32Array;
}

/**
 * A knocking team's households still to visit, in square buckets of BUCKET × BUCKET cells (row-major): bucket
 * b holds `items[start[b] .. start[b] + count[b])`, in any order. Finding the nearest household then looks at
 * the buckets around the volunteer, ring by ring, instead of every household of the zone.
 */
export interface KnockPool {
  /** Buckets per row and per column. */
  columns: number;
  rows: number;
  start: Int32Array;
  count: Int32Array;
  items: Int32Array;
  /** Column and row of each item's home cell, beside it: a search reads them and not the household table. */
  itemX: Int16Array;
  itemY: Int16Array;
}

/** Per-team counts, for metrics and review. */
export interface TeamCounters {
  householdsVisited: Int32Array;
  householdsUnreachable: Int32Array;
  residentsReached: Int32Array;
  residentsFirstInformed: Int32Array;
  escortsStarted: Int32Array;
  escorted: Int32Array;
  hazardReports: Int32Array;
  /** Time of the last assignment and when the team finished it, s; -1 before. */
  startedS: Float64Array;
  doneS: Float64Array;
}

// A WeakMap, not a World field, while the volunteer state is still settling; it goes with the world.
const runtimes = new WeakMap<World, VolunteerRuntime>();

/** The volunteer runtime of a world, or undefined before the first volunteer step or task. */
export function peekVolunteerRuntime(world: World): VolunteerRuntime | undefined {
  return runtimes.get(world);
}

/**
 * The volunteer runtime of a world, created on first use. Created at tick 0 (the first volunteer step
 * runs before any resident moves), so residents' cells are still their home cells.
 */
export function volunteerRuntimeOf(world: World): VolunteerRuntime {
  let rt = runtimes.get(world);
  if (!rt) {
    rt = createVolunteerRuntime(world);
    runtimes.set(world, rt);
  }
  return rt;
}

function createVolunteerRuntime(world: World): VolunteerRuntime {
  const { grid, scenario } = world;
  const v = world.volunteers;
  const r = world.residents;
  const teams = scenario.volunteers.length;
  const speedMps = new Float32Array(v.count);
  // Untrained volunteers find their way and explain the warning more slowly (the volunteerTraining lever).
  const untrained = world.warning.levers.volunteerTraining === 'untrained';
  const walkFactor = untrained ? UNTRAINED_SPEED_FACTOR : 1;
  const knockFactor = untrained ? UNTRAINED_WORK_FACTOR : 1;
  for (let i = 0; i < v.count; i++) speedMps[i] = scenario.volunteers[v.team[i]].speedMps * walkFactor;
  const households = buildHouseholds(r.household, r.cell, r.count);
  const counters = () => new Int32Array(teams);
  return {
    random: createRandom(world.seed, 'volunteers'),
    finder: createPathFinder(grid.width, grid.height, grid.cellSizeM),
    speedMps,
    target: new Int32Array(v.count).fill(-1),
    knockEndS: new Float64Array(v.count),
    paths: Array.from({ length: v.count }, () => new Int32Array(16)),
    pathLength: new Int32Array(v.count),
    pathNext: new Int32Array(v.count),
    pathGoal: new Int32Array(v.count).fill(-1),
    pathVersion: new Int32Array(v.count),
    reported: new Uint8Array(v.count),
    teamTask: new Uint8Array(teams),
    teamZone: new Array(teams).fill(null),
    teamZoneId: new Array(teams).fill('all'),
    teamKnockS: Float64Array.from(scenario.volunteers, (t) => (t.role === 'gridWorkers' ? KNOCK_S_GRID_WORKER : KNOCK_S_VOLUNTEER) * knockFactor),
    teamPool: new Array(teams).fill(null),
    teamPoolCount: counters(),
    teamCells: Array.from({ length: teams }, () => ({ zone: null, before: new Int32Array(1) })),
    teamBusy: counters(),
    teamStats: {
      householdsVisited: counters(),
      householdsUnreachable: counters(),
      residentsReached: counters(),
      residentsFirstInformed: counters(),
      escortsStarted: counters(),
      escorted: counters(),
      hazardReports: counters(),
      startedS: new Float64Array(teams).fill(-1),
      doneS: new Float64Array(teams).fill(-1),
    },
    ...households,
    knocked: new Uint8Array(households.householdCount),
    escortBy: new Map(),
    unreachableAt: new Map(),
    booked: 0,
    candidates: new Int32Array(16),
  };
}

/** Households are runs of residents with the same household id; the first member's cell is the home. */
function buildHouseholds(household: Int32Array, cell: Int32Array, count: number) {
  let n = 0;
  for (let i = 0; i < count; i++) if (i === 0 || household[i] !== household[i - 1]) n++;
  const householdStart = new Int32Array(n);
  const householdEnd = new Int32Array(n);
  const householdCell = new Int32Array(n);
  let h = -1;
  for (let i = 0; i < count; i++) {
    if (i === 0 || household[i] !== household[i - 1]) {
      h++;
      householdStart[h] = i;
      householdCell[h] = cell[i];
    }
    householdEnd[h] = i + 1;
  }
  return { householdStart, householdEnd, householdCell, householdCount: n };
}

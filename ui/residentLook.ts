import { ResidentState } from '../sim/core/Simulation';

/**
 * What a resident's dot and count show: the simulation's state, with "idle" split by whether a warning
 * reached the resident, since "warned but doing nothing yet" is what the warning phase is about.
 */
export const ResidentLook = {
  NotWarned: 0,
  Warned: 1,
  Preparing: 2,
  Moving: 3,
  Sheltering: 4,
  AwaitingHelp: 5,
  Safe: 6,
  Deceased: 7,
} as const;
export const RESIDENT_LOOK_COUNT = 8;

/** Look of each ResidentState for a resident who has heard a warning (lookOf splits idle on `heard`). */
const LOOK_OF_STATE: readonly number[] = (() => {
  const looks: number[] = [];
  looks[ResidentState.Idle] = ResidentLook.Warned;
  looks[ResidentState.Preparing] = ResidentLook.Preparing;
  looks[ResidentState.Moving] = ResidentLook.Moving;
  looks[ResidentState.Safe] = ResidentLook.Safe;
  looks[ResidentState.Sheltering] = ResidentLook.Sheltering;
  looks[ResidentState.AwaitingHelp] = ResidentLook.AwaitingHelp;
  looks[ResidentState.Deceased] = ResidentLook.Deceased;
  return looks;
})();

/**
 * The look of a resident in `state` who has (`heard` 1) or has not (0) heard a warning. States this page
 * does not know (a newer simulation) look "not warned" rather than failing.
 */
export function lookOf(state: number, heard: number): number {
  if (state === ResidentState.Idle && !heard) return ResidentLook.NotWarned;
  return LOOK_OF_STATE[state] ?? ResidentLook.NotWarned;
}

/**
 * Residents per look, indexed by ResidentLook. `heard` may be shorter than `state` (an older frame): the
 * missing residents count as not warned.
 */
export function countLooks(state: Uint8Array, heard: Uint8Array): number[] {
  const counts = new Array<number>(RESIDENT_LOOK_COUNT).fill(0);
  for (let i = 0; i < state.length; i++) counts[lookOf(state[i], heard[i] ?? 0)]++;
  return counts;
}

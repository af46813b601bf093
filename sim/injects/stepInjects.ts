import type { StateHasher } from '../core/hash';
import type { World } from '../core/World';
import type { ScenarioAction, WorldAction } from '../scenario/schema';
import type { InjectCondition } from '../scenario/schemaInject';
import { conditionHolds } from './conditions';
import type { InjectRuntime, InjectState, InjectStatus } from './InjectState';

/** How an action is carried out (applyAction, passed in so this module does not import the systems). */
export type ApplyAction = (world: World, action: WorldAction) => void;

/** An inject as the facilitator's console shows it. */
export interface InjectView {
  id: string;
  title: string;
  message?: string;
  status: InjectStatus;
  /** When it fires, or for a conditional one the earliest time it may, s (after delays); null when it waits only for its condition or the facilitator. */
  dueS: number | null;
  firedS: number | null;
  skippedS: number | null;
  condition: InjectCondition | null;
  /** Since when its condition has held, s, for one that must hold a while; null when it does not hold now. */
  holdingSinceS: number | null;
  /** Kinds of its effects on the world, in order. */
  effects: string[];
}

/** Kinds of the live commands that act on injects. */
export type InjectCommand = Extract<ScenarioAction, { kind: 'fireInject' | 'delayInject' | 'skipInject' }>;

export function isInjectCommand(action: ScenarioAction): action is InjectCommand {
  return action.kind === 'fireInject' || action.kind === 'delayInject' || action.kind === 'skipInject';
}

const HOLDING_KINDS = new Set(['crowding', 'metric']);
const MEASURED_KINDS = new Set(['crowding', 'metric', 'stillHome']);

/**
 * Fire the injects that are due this tick, in list order: a timed one at the tick nearest its time, a
 * conditional one once its time (if any) has come and its condition holds, for `forS` where it says so.
 * Conditions on the crowd and the figures are measured once every `everyTicks` ticks (about 1 s), which
 * keeps the cost to a few cells and counters per inject and second; time, phase and "after" every tick.
 */
export function stepInjects(world: World, apply: ApplyAction): void {
  const state = world.injects;
  if (state.list.length === 0) return;
  const timeS = world.tick * world.tickS;
  const measuring = world.tick % state.everyTicks === 0;
  for (const inject of state.list) {
    if (inject.status !== 'pending') continue;
    const condition = inject.spec.condition;
    const due = inject.notBeforeS >= 0 && inject.notBeforeS <= timeS + world.tickS * 0.5;
    if (!condition) {
      if (due) fireInject(world, inject, apply);
      continue;
    }
    if (MEASURED_KINDS.has(condition.kind) && !measuring) continue;
    const holds = conditionHolds(world, state, inject);
    if (!holds) {
      inject.holdingSinceS = -1;
      continue;
    }
    if (inject.holdingSinceS < 0) inject.holdingSinceS = timeS;
    const forS = HOLDING_KINDS.has(condition.kind) ? (condition as { forS: number }).forS : 0;
    // A millisecond of slack against rounding in tick × tickS.
    const heldLongEnough = timeS - inject.holdingSinceS >= forS - 1e-3;
    if (heldLongEnough && (inject.notBeforeS < 0 || due)) fireInject(world, inject, apply);
  }
}

/** Fire an inject now: its message goes to the event feed, then its effects happen, in order. */
function fireInject(world: World, inject: InjectRuntime, apply: ApplyAction): void {
  const timeS = world.tick * world.tickS;
  inject.status = 'fired';
  inject.settledS = timeS;
  world.events.push({ tick: world.tick, timeS, kind: 'inject', title: inject.spec.title, ...(inject.spec.message ? { text: inject.spec.message } : {}) });
  for (const effect of inject.spec.effects) apply(world, effect);
}

/**
 * The facilitator's inject commands: fire now, delay (it may fire no sooner than `byS` after its due
 * time, or after now when that has passed or it has none), skip. An inject that has fired or was
 * skipped is left alone: each fires at most once.
 */
export function applyInjectCommand(world: World, command: InjectCommand, apply: ApplyAction): void {
  const index = world.injects.byId.get(command.inject);
  const inject = index === undefined ? undefined : world.injects.list[index];
  if (inject?.status !== 'pending') return;
  const timeS = world.tick * world.tickS;
  switch (command.kind) {
    case 'fireInject':
      fireInject(world, inject, apply);
      break;
    case 'delayInject':
      inject.notBeforeS = Math.max(inject.notBeforeS, timeS) + command.byS;
      break;
    case 'skipInject':
      inject.status = 'skipped';
      inject.settledS = timeS;
      break;
  }
}

/** Why an inject command cannot be given now (it already fired or was skipped), or null when it can. */
export function injectCommandProblem(state: InjectState, command: InjectCommand): string | null {
  const index = state.byId.get(command.inject);
  if (index === undefined) return `no inject has the id "${command.inject}"`;
  const inject = state.list[index];
  if (inject.status === 'pending') return null;
  return `inject "${command.inject}" ${inject.status === 'fired' ? 'already fired' : 'was skipped'} at ${inject.settledS} s; each inject fires at most once`;
}

export function injectViews(state: InjectState): InjectView[] {
  return state.list.map((inject) => ({
    id: inject.spec.id,
    title: inject.spec.title,
    ...(inject.spec.message ? { message: inject.spec.message } : {}),
    status: inject.status,
    dueS: inject.notBeforeS >= 0 ? inject.notBeforeS : null,
    firedS: inject.status === 'fired' ? inject.settledS : null,
    skippedS: inject.status === 'skipped' ? inject.settledS : null,
    condition: inject.spec.condition ?? null,
    holdingSinceS: inject.holdingSinceS >= 0 && inject.status === 'pending' ? inject.holdingSinceS : null,
    effects: inject.spec.effects.map((e) => e.kind),
  }));
}

const STATUS_CODE: Record<InjectStatus, number> = { pending: 0, fired: 1, skipped: 2 };

/** Add what became of each inject to the state hash; nothing when the scenario has none, so their hashes stay as they were. */
export function hashInjects(h: StateHasher, state: InjectState): void {
  if (state.list.length === 0) return;
  h.word(state.list.length);
  for (const inject of state.list) h.word(STATUS_CODE[inject.status]).number(inject.notBeforeS).number(inject.settledS).number(inject.holdingSinceS);
}

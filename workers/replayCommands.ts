import { type Command, CommandError, type Simulation } from '../sim/index';

/** A command of a drill record as replay needs it: the tick at whose start it was applied. */
export interface ReplayEntry {
  tick: number;
  command: Command;
}

export type ReplayResult = { ok: true } | { ok: false; entry: number; error: string };

/**
 * Advance a fresh (or earlier) run to `untilTick`, applying each entry's command just before the step of
 * its tick, as the live drill did: the run then has the live drill's state and hash. Entries must be in
 * tick order and not before the run's current tick. Stops at the first entry it cannot apply.
 * @example replayCommands(createSimulation(scenario, { seed, strategy }), record.entries, record.reached.tick)
 */
export function replayCommands(sim: Simulation, entries: readonly ReplayEntry[], untilTick: number): ReplayResult {
  for (let i = 0; i < entries.length; i++) {
    const { tick, command } = entries[i];
    if (tick < sim.tick) return { ok: false, entry: i, error: `its tick ${tick} is before tick ${sim.tick}, which the run has already reached` };
    if (tick > untilTick) return { ok: false, entry: i, error: `its tick ${tick} is after the last tick of the drill, ${untilTick}` };
    sim.step(tick - sim.tick);
    try {
      sim.apply([command]);
    } catch (error) {
      if (error instanceof CommandError) return { ok: false, entry: i, error: error.message };
      throw error;
    }
  }
  if (untilTick > sim.tick) sim.step(untilTick - sim.tick);
  return { ok: true };
}

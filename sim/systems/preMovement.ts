import { ResidentState } from '../core/Simulation';
import type { World } from '../core/World';

/** Residents whose pre-movement time is over start walking at this tick. */
export function stepPreMovement(world: World): void {
  if (world.counts.preparing === 0) return;
  const timeS = world.tick * world.tickS;
  const { state, startS, count } = world.residents;
  let started = 0;
  for (let i = 0; i < count; i++) {
    if (state[i] === ResidentState.Preparing && startS[i] <= timeS) {
      state[i] = ResidentState.Moving;
      started++;
    }
  }
  world.counts.preparing -= started;
  world.counts.moving += started;
}

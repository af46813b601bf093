import type { World } from '../core/World';

/** Sensors, residents and patrols notice hazards and alert the duty desk, which decides to warn. */
export function stepDetection(world: World): void {
  void world;
}

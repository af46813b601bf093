import { StateHasher } from '../../core/hash';
import type { Flood } from './Flood';

/**
 * Feed the flood's evolving state into `hasher` (depths with their rounding rest, face flows, clock and
 * water accounts), for the simulation's state hash and determinism tests.
 *
 * @example hashFlood(flood).digest() // '3f2a…'
 */
export function hashFlood(f: Flood, hasher: StateHasher = new StateHasher()): StateHasher {
  return hasher
    .array(f.depthM)
    .array(f.depthRestM)
    .array(f.flowXM2s)
    .array(f.flowYM2s)
    .number(f.timeS)
    .number(f.volumeInM3)
    .number(f.volumeOutM3)
    .word(f.subSteps);
}

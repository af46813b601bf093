import type { World } from '../core/World';

/** Refill each exit's and shelter's door tokens by its flow capacity for one tick. */
export function stepGates(world: World): void {
  const { gateTokens, gateRefill, gateBurst } = world;
  for (let p = 0; p < gateTokens.length; p++) {
    const refill = gateRefill[p];
    if (refill === 0) continue;
    const t = gateTokens[p] + refill;
    gateTokens[p] = Math.min(t, gateBurst[p]);
  }
}

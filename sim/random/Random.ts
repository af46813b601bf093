import alea from 'seedrandom/lib/alea.js';

/** A seeded random stream. Every draw goes through here so runs are reproducible. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Internal state, for hashing and saving. */
  state(): { c: number; s0: number; s1: number; s2: number };
}

/**
 * Create the random stream `stream` of a run with seed `seed`. Independent streams (placement,
 * speeds, pre-movement, ...) keep one system's draws from shifting another's when a scenario changes.
 */
export function createRandom(seed: number, stream: string): Random {
  const prng = alea(`${seed >>> 0}:${stream}`, { state: true });
  return {
    next: () => prng(),
    state: () => prng.state() as { c: number; s0: number; s1: number; s2: number },
  };
}

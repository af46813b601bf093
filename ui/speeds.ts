/** The speed multiples offered to the facilitator (simulated seconds per real second). */
export const SPEEDS = [1, 2, 4, 8, 16, 32, 64] as const;

/** The next faster speed on the ladder, or the fastest. */
export function fasterSpeed(current: number): number {
  return SPEEDS.find((s) => s > current) ?? SPEEDS[SPEEDS.length - 1];
}

/** The next slower speed on the ladder, or the slowest. */
export function slowerSpeed(current: number): number {
  for (let i = SPEEDS.length - 1; i >= 0; i--) if (SPEEDS[i] < current) return SPEEDS[i];
  return SPEEDS[0];
}

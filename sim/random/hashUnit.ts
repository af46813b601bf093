/**
 * A uniform number in [0, 1) from two integers: a reproducible draw that needs no stored state. Both
 * inputs are mixed separately, so draws for different purposes (different `b`) are unrelated.
 */
export function hashUnit(a: number, b: number): number {
  let h = Math.imul(a, 0x85ebca6b) ^ Math.imul(b ^ 0x27d4eb2f, 0x165667b1);
  h ^= h >>> 15;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 13;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}

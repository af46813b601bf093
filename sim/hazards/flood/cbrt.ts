// Scratch views for the bit-level first guess. A Float32Array and a Uint32Array over the same four bytes
// see the same bit pattern on any byte order, so the guess is the same on every host.
const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/**
 * x^(-1/3) for x > 0 (finite, normal as a Float32), from multiplications only, so it gives the same bits on
 * every JavaScript engine: `Math.cbrt` and `**` are not required to be correctly rounded and engines may
 * differ in the last bit, which would break the flood's determinism across hosts. The classic bit trick
 * (exponent bits times −1/3, re-biased) gives about 4 bits; two Newton steps y ← y·(4 − x·y³)/3, which
 * need no division, bring it to 1.1e-5 relative: far finer than any Manning's n is known, and the friction
 * term is its only user (a third step would give 2e-10 for 10 % more time in the flux pass).
 */
export function inverseCbrt(x: number): number {
  f32[0] = x;
  u32[0] = 0x54a21d2a - ((u32[0] * (1 / 3)) | 0);
  let y = f32[0];
  y *= (4 - x * y * y * y) * (1 / 3);
  y *= (4 - x * y * y * y) * (1 / 3);
  return y;
}

import type { FloodSourceRuntime } from './Flood';

/**
 * Water a source has let in from its start until time `tS`, m³: the integral of its trapezoid hydrograph
 * (0 before `startS`, rising straight to `peakM3s` over `riseS`, steady until `endS`, falling straight to 0
 * over `fallS`). Exact, so the volume a step adds is `inflowVolumeM3(s, t0, t1)` with no time-stepping error,
 * and summed over steps it telescopes to the hydrograph's true volume.
 */
export function cumulativeInflowM3(s: FloodSourceRuntime, tS: number): number {
  const q = s.peakM3s;
  if (tS <= s.startS) return 0;
  const rising = tS - s.startS;
  if (rising < s.riseS) return (q * rising * rising) / (2 * s.riseS);
  const atPeak = (q * s.riseS) / 2;
  if (tS <= s.endS) return atPeak + q * (tS - s.startS - s.riseS);
  const atEnd = atPeak + q * (s.endS - s.startS - s.riseS);
  const falling = tS - s.endS;
  if (falling >= s.fallS) return atEnd + (q * s.fallS) / 2;
  return atEnd + q * falling - (q * falling * falling) / (2 * s.fallS);
}

/** Water a source lets in between t0S and t1S, m³. */
export function inflowVolumeM3(s: FloodSourceRuntime, t0S: number, t1S: number): number {
  if (t1S <= s.startS) return 0;
  return cumulativeInflowM3(s, t1S) - cumulativeInflowM3(s, t0S);
}

/** Inflow of a source at time `tS`, m³/s (for display; stepping uses the exact volumes). */
export function inflowRateM3s(s: FloodSourceRuntime, tS: number): number {
  if (tS < s.startS) return 0;
  if (tS < s.startS + s.riseS) return (s.peakM3s * (tS - s.startS)) / s.riseS;
  if (tS <= s.endS) return s.peakM3s;
  if (tS < s.endS + s.fallS) return s.peakM3s * (1 - (tS - s.endS) / s.fallS);
  return 0;
}

/** Seconds of the period [startS, endS) that fall within [t0S, t1S). */
export function overlapS(startS: number, endS: number, t0S: number, t1S: number): number {
  return Math.max(0, Math.min(endS, t1S) - Math.max(startS, t0S));
}

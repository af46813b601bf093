import type { DurationDistribution, SpeedDistribution } from '../scenario/distributions';
import type { Random } from './Random';

/** A standard normal draw (Box–Muller, one of the pair). */
export function sampleStandardNormal(random: Random): number {
  let u = 0;
  while (u === 0) u = random.next();
  const v = random.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

/** A Gamma(shape, 1) draw (Marsaglia–Tsang; shape < 1 boosted by U^(1/shape)). */
export function sampleGamma(random: Random, shape: number): number {
  if (shape < 1) {
    let u = 0;
    while (u === 0) u = random.next();
    return sampleGamma(random, shape + 1) * u ** (1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = sampleStandardNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random.next();
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** Draw a duration in seconds from a scenario distribution. */
export function sampleDuration(random: Random, dist: DurationDistribution): number {
  switch (dist.kind) {
    case 'fixed':
      return dist.valueS;
    case 'uniform':
      return dist.minS + (dist.maxS - dist.minS) * random.next();
    case 'lognormal':
      return Math.exp(dist.mu + dist.sigma * sampleStandardNormal(random));
    case 'weibull':
      return dist.scaleS * (-Math.log(1 - random.next())) ** (1 / dist.shape);
    case 'gamma':
      return dist.scaleS * sampleGamma(random, dist.shape);
  }
}

/** Draw a walking speed in m/s; the normal form is truncated to [minMps, maxMps] by redrawing. */
export function sampleSpeed(random: Random, dist: SpeedDistribution): number {
  switch (dist.kind) {
    case 'fixed':
      return dist.valueMps;
    case 'uniform':
      return dist.minMps + (dist.maxMps - dist.minMps) * random.next();
    case 'normal':
      for (let attempt = 0; attempt < 64; attempt++) {
        const v = dist.meanMps + dist.sdMps * sampleStandardNormal(random);
        if (v >= dist.minMps && v <= dist.maxMps) return v;
      }
      return Math.min(dist.maxMps, Math.max(dist.minMps, dist.meanMps));
  }
}

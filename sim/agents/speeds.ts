import type { SpeedDistribution } from '../scenario/distributions';
import type { Group } from '../scenario/schema';

/** Unobstructed walking speeds of the RiMEA guideline (test 7), m/s, used when a group gives none. */
export const RIMEA_SPEEDS: Record<Group['ageGroup'] | 'limited', { minMps: number; maxMps: number }> = {
  under30: { minMps: 0.58, maxMps: 1.61 },
  '30to50': { minMps: 1.41, maxMps: 1.54 },
  over50: { minMps: 0.68, maxMps: 1.41 },
  limited: { minMps: 0.46, maxMps: 0.76 },
};

/** The speed distribution of a group: its own, or the RiMEA range for its mobility and age. */
export function speedDistributionOf(group: Group): SpeedDistribution {
  if (group.speedMps) return group.speedMps;
  // A bedridden resident moves only when helped, at the pace of a limited-mobility walker.
  const range = RIMEA_SPEEDS[group.mobility === 'normal' ? group.ageGroup : 'limited'];
  return { kind: 'uniform', ...range };
}

/** Highest speed a distribution can produce, m/s. */
export function maxSpeedOf(dist: SpeedDistribution): number {
  return dist.kind === 'fixed' ? dist.valueMps : dist.maxMps;
}

import { z } from 'zod';

const positive = (what: string) => z.number().positive(`${what} must be greater than 0`);
const seconds = z.number().min(0, 'a time in seconds cannot be negative').max(1e7, 'at most 10,000,000 s');

/** A duration distribution in seconds (pre-movement times, delays). */
export const durationDistributionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fixed'), valueS: seconds }).describe('Everyone gets the same value.'),
  z.strictObject({ kind: z.literal('uniform'), minS: seconds, maxS: seconds }).describe('Equally likely anywhere between minS and maxS.'),
  z
    .strictObject({
      kind: z.literal('lognormal'),
      mu: z.number().min(-20).max(20).describe('Mean of ln(seconds).'),
      sigma: z.number().positive().max(10).describe('Standard deviation of ln(seconds).'),
    })
    .describe('ln(time) is normally distributed: a long right tail, as observed in real evacuations.'),
  z
    .strictObject({ kind: z.literal('weibull'), shape: positive('shape').max(100), scaleS: positive('scaleS').max(1e7) })
    .describe('Weibull with shape k and scale λ in seconds.'),
  z
    .strictObject({ kind: z.literal('gamma'), shape: positive('shape').max(1e4), scaleS: positive('scaleS').max(1e7) })
    .describe('Gamma with shape k and scale θ in seconds (mean k·θ).'),
]);
export type DurationDistribution = z.infer<typeof durationDistributionSchema>;

const speed = z.number().min(0.05, 'a walking speed below 0.05 m/s is not walking').max(10, 'at most 10 m/s');

/** A walking speed distribution in metres per second. */
export const speedDistributionSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('fixed'), valueMps: speed }),
  z.strictObject({ kind: z.literal('uniform'), minMps: speed, maxMps: speed }),
  z.strictObject({
    kind: z.literal('normal'),
    meanMps: speed,
    sdMps: z.number().min(0).max(5),
    minMps: speed,
    maxMps: speed,
  }),
]);
export type SpeedDistribution = z.infer<typeof speedDistributionSchema>;

import { z } from 'zod';

/** Wind speed in m/s, with `defaultMps` when left out: shared by every hazard the wind carries. */
export const windSpeedMps = (defaultMps: number) =>
  z.number().min(0, 'use 0 for calm air').max(40, 'at most 40 m/s (a hurricane)').default(defaultMps).describe('Wind speed, m/s.');

/** Where the wind comes from, degrees clockwise from map up: one convention for every hazard. */
export const windFromDeg = z
  .number()
  .min(0, 'use 0 to 360 degrees')
  .max(360, 'use 0 to 360 degrees')
  .default(270)
  .describe('Where the wind comes from, degrees clockwise from map up (north): 270 blows from the left edge to the right.');

import { z } from 'zod';
import { LIMITS } from '../../scenario/limits';
import { atS } from '../../scenario/primitives';
import { windFromDeg, windSpeedMps } from '../windSchema';

const column = z
  .int('use a whole number of cells')
  .min(0, 'cells are counted from 0 at the top-left; use 0 or more')
  .max(LIMITS.mapColumns - 1, `at most ${LIMITS.mapColumns - 1}`);
const row = z
  .int('use a whole number of cells')
  .min(0, 'cells are counted from 0 at the top-left; use 0 or more')
  .max(LIMITS.mapRows - 1, `at most ${LIMITS.mapRows - 1}`);
const concentration = (what: string) =>
  z.number().positive(`${what} must be greater than 0 (kg/m³; 1 mg/m³ is 0.000001)`).max(1e3, 'at most 1000 kg/m³ (heavier than water is not a gas)');

/**
 * A gas or chemical release spreading as a plume: a point source on the grid, carried by a uniform wind and
 * spread by turbulent diffusion in a well-mixed layer of air `mixingHeightM` deep (see `createPlume`).
 *
 * Masses are in kg, so concentrations are in kg/m³ and doses in kg·s/m³; any other mass unit works the same
 * way if used throughout (a unitless rate of 1 gives unitless concentrations, as in the validation case).
 */
export const plumeSpecSchema = z
  .strictObject({
    release: z
      .strictObject({ x: column, y: row })
      .describe('Release point in cells: x is the column, y the row, both counted from 0 at the top-left of the map.'),
    releaseRateKgPerS: z
      .number()
      .positive('a release rate must be greater than 0 (to stop a release, set endS)')
      .max(1e5, 'at most 100,000 kg/s (a large tank rupture releases about 1000 kg/s)')
      .describe('Mass released per second while the release lasts, kg/s (a cracked valve: 0.01–0.1; a ruptured tanker: 10–100).'),
    startS: atS.default(0).describe('When the release starts, seconds after the start of the run.'),
    endS: atS.optional().describe('When the release stops, seconds after the start; leave out for a release that goes on until stopped.'),
    wind: z
      .strictObject({
        speedMps: windSpeedMps(2),
        fromDeg: windFromDeg,
      })
      .prefault({})
      .describe('A uniform wind over the whole map.'),
    diffusivityM2PerS: z
      .number()
      .positive('the diffusivity must be greater than 0 (turbulent air always mixes)')
      .max(1000, 'at most 1000 m²/s')
      .default(2)
      .describe('Horizontal turbulent (eddy) diffusivity, m²/s: about 0.5 in still night air, 1–10 near the ground on a breezy day.'),
    mixingHeightM: z
      .number()
      .min(0.1, 'at least 0.1 m')
      .max(5000, 'at most 5000 m')
      .default(10)
      .describe('Depth of air the gas mixes through, m: the plume is two-dimensional, concentration = mass per m² of ground / this height.'),
    halfLifeS: z
      .number()
      .positive('a half-life must be greater than 0; leave it out for a gas that does not break down')
      .max(1e9, 'at most 1,000,000,000 s')
      .optional()
      .describe('Time for half the gas to break down, settle or react away, s; leave out for a gas that lasts.'),
    noticeKgPerM3: concentration('the notice threshold')
      .default(1e-6)
      .describe('Concentration at which people start to notice the gas (smell, irritation), kg/m³; 1e-6 is 1 mg/m³.'),
    fullKgPerM3: concentration('the full-intensity concentration')
      .default(1e-3)
      .describe('Concentration perceived at full intensity (overwhelming, dangerous), kg/m³; perception grows with the logarithm in between.'),
  })
  .refine((s) => s.endS === undefined || s.endS >= s.startS, { message: 'the release stops before it starts: use endS ≥ startS', path: ['endS'] })
  .refine((s) => s.fullKgPerM3 > s.noticeKgPerM3, {
    message: 'full intensity must be a higher concentration than the notice threshold: use fullKgPerM3 > noticeKgPerM3',
    path: ['fullKgPerM3'],
  });
/** A plume as validated, defaults filled in. */
export type PlumeSpec = z.infer<typeof plumeSpecSchema>;
/** A plume as an author writes it (defaults optional). */
export type PlumeSpecInput = z.input<typeof plumeSpecSchema>;

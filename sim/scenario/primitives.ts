import { z } from 'zod';
import { LIMITS } from './limits';

/** Building blocks shared by the scenario schema's parts. */

export const id = z
  .string()
  .min(1, 'an id cannot be empty')
  .max(LIMITS.idLength, `an id has at most ${LIMITS.idLength} characters`)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'use letters, digits, "-", "_" or "." (for example "gate-east")');
export const text = z.string().max(LIMITS.textLength, `at most ${LIMITS.textLength} characters`);
export const atS = z.number().min(0, 'a time cannot be negative').max(1e7, 'at most 10,000,000 s').describe('Seconds after the start.');
// Each check gets its own message: zod 4 would otherwise reuse the int message for min and max too.
export const cellIndex = z
  .int('use a whole number of cells')
  .min(0, 'cells are counted from 0 at the top-left; use 0 or more')
  .max(LIMITS.mapColumns, `at most ${LIMITS.mapColumns} cells`);

/** A rectangle in cells: x is the column, y the row, both counted from 0 at the top-left of map.rows. */
export const rectSchema = z.strictObject({
  x: cellIndex,
  y: cellIndex,
  w: cellIndex.min(1, 'a rectangle is at least 1 cell wide'),
  h: cellIndex.min(1, 'a rectangle is at least 1 cell high'),
});
export type Rect = z.infer<typeof rectSchema>;

/** A share of people, 0 to 1. */
export const share = z.number().min(0, 'a share is between 0 and 1').max(1, 'a share is between 0 and 1 (use 0.25 for 25%)');

/** A rate per minute. */
export const perMinute = z.number().min(0, 'a rate cannot be negative').max(600, 'at most 600 per minute');

/** A language name, as groups and channels give it. */
export const languageSchema = z
  .string()
  .min(1, 'a language name cannot be empty')
  .max(64, 'at most 64 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'use letters, digits, "-", "_" or "." (for example "local" or "uyghur")');

import { z } from 'zod';
import { LIMITS } from '../../scenario/limits';
import { rectSchema } from '../../scenario/primitives';

/** Ground levels are metres above the scenario's datum (any fixed reference: sea level, the lowest street). */
const levelM = z
  .number()
  .min(-1000, 'ground levels are at least -1000 m (they are metres above the scenario datum)')
  .max(9000, 'ground levels are at most 9000 m');

/** Characters of `elevation.rows`: 0 to 9, then a (10 steps) to z (35 steps). */
export const ELEVATION_DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

/** Set the ground of every cell of `rect` to `elevationM`. */
const levelShape = z.strictObject({
  kind: z.literal('level'),
  rect: rectSchema,
  elevationM: levelM.describe('Ground level of every cell in the rectangle, m above the datum.'),
});

/** Add `byM` to the ground of every cell of `rect` (a negative value digs). */
const raiseShape = z.strictObject({
  kind: z.literal('raise'),
  rect: rectSchema,
  byM: z
    .number()
    .min(-1000, 'dig at most 1000 m (byM ≥ -1000)')
    .max(1000, 'raise by at most 1000 m')
    .describe('Metres added to the ground of every cell in the rectangle; negative to dig a channel or a pit.'),
});

export const SLOPE_DIRECTIONS = ['north', 'south', 'east', 'west'] as const;

/**
 * Set the ground of `rect` to a plane: `fromM` on its first row or column, `toM` on its last, straight in
 * between, going `toward` a map side (north = up the rows, east = right along the columns).
 */
const slopeShape = z.strictObject({
  kind: z.literal('slope'),
  rect: rectSchema,
  fromM: levelM.describe('Ground level at the side of the rectangle facing away from `toward`.'),
  toM: levelM.describe('Ground level at the side of the rectangle facing `toward`.'),
  toward: z.enum(SLOPE_DIRECTIONS).describe('Map side the slope runs toward: north (top row), south, east (right) or west.'),
});

export const elevationShapeSchema = z.discriminatedUnion('kind', [levelShape, raiseShape, slopeShape]);
export type ElevationShape = z.infer<typeof elevationShapeSchema>;

/**
 * The ground under the water, written in a text editor in up to three layers, applied in this order:
 *
 * 1. `baseM`: one level for the whole map.
 * 2. `rows` (optional): one string per map row, one character per cell, like `map.rows`. Each character is a
 *    number of steps of `stepM` above `baseM`: `0`-`9`, then `a` = 10 up to `z` = 35.
 * 3. `shapes` (optional): rectangles set to a level, raised or dug by some metres, or turned into a slope,
 *    in the order listed (later shapes win).
 *
 * @example A street (row 1) 1 m below the houses, draining west:
 * ```json
 * { "baseM": 10, "stepM": 0.5,
 *   "rows": ["2222", "0000", "2222"],
 *   "shapes": [{ "kind": "slope", "rect": { "x": 0, "y": 1, "w": 4, "h": 1 }, "fromM": 10.3, "toM": 10, "toward": "west" }] }
 * ```
 */
export const elevationSchema = z
  .strictObject({
    baseM: levelM.default(0).describe('Ground level of every cell before rows and shapes, m above the datum.'),
    rows: z
      .array(
        z
          .string()
          .max(LIMITS.mapColumns, `a row has at most ${LIMITS.mapColumns} characters`)
          .regex(/^[0-9a-z]+$/, 'write each cell as a digit 0-9 or a lower-case letter a-z (a = 10 steps … z = 35 steps); no spaces'),
      )
      .max(LIMITS.mapRows, `at most ${LIMITS.mapRows} rows`)
      .optional()
      .describe('Ground drawn like map.rows: one character per cell, steps of stepM above baseM (0-9, then a = 10 … z = 35).'),
    stepM: z
      .number()
      .positive('a step must be more than 0 m')
      .max(100, 'a step is at most 100 m')
      .default(0.5)
      .describe('Metres per step of the characters in rows.'),
    shapes: z
      .array(elevationShapeSchema)
      .max(10_000, 'at most 10,000 shapes')
      .default([])
      .describe('Rectangles set to a level ("level"), raised or dug ("raise") or tilted ("slope"), applied in order.'),
  })
  .prefault({});
export type ElevationSpec = z.infer<typeof elevationSchema>;

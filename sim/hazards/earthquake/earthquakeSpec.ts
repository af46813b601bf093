import { z } from 'zod';
import { atS, id } from '../../scenario/primitives';

/** Most aftershocks one earthquake may list. */
export const MAX_AFTERSHOCKS = 50;
/** Most vulnerability classes one earthquake may define. */
export const MAX_VULNERABILITY_CLASSES = 26;
/** Most per-building class overrides one earthquake may list. */
export const MAX_BUILDING_OVERRIDES = 10_000;
/** Widest debris reach, cells. */
export const MAX_DEBRIS_REACH_CELLS = 10;

const pgaG = z
  .number()
  .positive('the peak ground acceleration must be more than 0 g')
  .max(3, 'at most 3 g (the strongest shaking ever recorded is about 3 g; 0.1 g is felt by all, 0.5 g is very strong)');
const medianPgaG = z
  .number()
  .positive('a median must be more than 0 g')
  .max(5, 'at most 5 g')
  .describe('PGA at which half of the buildings of the class reach this damage state or worse, g.');
const share = z.number().min(0, 'a share is between 0 and 1').max(1, 'a share is between 0 and 1 (use 0.25 for 25%)');
const epicentreCell = z
  .int('use a whole number of cells')
  .min(-1_000_000, 'at least -1,000,000 cells')
  .max(1_000_000, 'at most 1,000,000 cells')
  .describe('Cells from the top-left of the map; the epicentre may lie off the map (negative or beyond its size).');
const reachCells = z.int('use a whole number of cells').min(0, 'use 0 for no debris').max(MAX_DEBRIS_REACH_CELLS, `at most ${MAX_DEBRIS_REACH_CELLS} cells`);
const className = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]{0,31}$/, 'a class name is 1 to 32 letters, digits, "-", "_" or "." (for example "A" or "rc-frame")');

/**
 * A lognormal fragility (HAZUS-MH technical manual, ch. 5; EMS-98 classes): the chance that a building
 * of the class reaches damage state ds or worse at peak ground acceleration PGA is
 * `P(DS ≥ ds | PGA) = Φ(ln(PGA / medianPgaG[ds]) / beta)`, Φ the standard normal CDF.
 */
export const fragilitySchema = z
  .strictObject({
    medianPgaG: z
      .strictObject({ slight: medianPgaG, moderate: medianPgaG, heavy: medianPgaG, collapse: medianPgaG })
      .describe('Median PGA of each damage state, g; each larger than the one before.'),
    beta: z
      .number()
      .min(0.05, 'beta is at least 0.05 (HAZUS uses about 0.6 to 1.0)')
      .max(2, 'beta is at most 2 (HAZUS uses about 0.6 to 1.0)')
      .describe('Lognormal standard deviation of the curves (spread of building-to-building variability).'),
  })
  .superRefine((f, ctx) => {
    const m = f.medianPgaG;
    const order = [
      ['moderate', m.moderate, m.slight, 'slight'],
      ['heavy', m.heavy, m.moderate, 'moderate'],
      ['collapse', m.collapse, m.heavy, 'heavy'],
    ] as const;
    for (const [name, value, before, beforeName] of order) {
      if (!(value > before)) {
        ctx.addIssue({
          code: 'custom',
          path: ['medianPgaG', name],
          message: `the median of "${name}" (${value} g) must be larger than that of "${beforeName}" (${before} g): worse damage needs stronger shaking`,
        });
      }
    }
  });

/**
 * Illustrative default classes, shaped like HAZUS PGA-based fragilities for low-rise buildings of
 * pre-code (A), low-code (B) and moderate-code (C) design. Calibrate against local building surveys.
 */
export const DEFAULT_VULNERABILITY_CLASSES = {
  A: { medianPgaG: { slight: 0.1, moderate: 0.17, heavy: 0.3, collapse: 0.5 }, beta: 0.64 },
  B: { medianPgaG: { slight: 0.14, moderate: 0.25, heavy: 0.45, collapse: 0.75 }, beta: 0.64 },
  C: { medianPgaG: { slight: 0.2, moderate: 0.35, heavy: 0.65, collapse: 1.1 }, beta: 0.64 },
} as const;

/** A fresh copy of the default classes for each parse, so no two specs share (and mutate) one object. */
function defaultClasses(): Record<string, z.infer<typeof fragilitySchema>> {
  const out: Record<string, z.infer<typeof fragilitySchema>> = {};
  for (const [name, f] of Object.entries(DEFAULT_VULNERABILITY_CLASSES)) out[name] = { medianPgaG: { ...f.medianPgaG }, beta: f.beta };
  return out;
}

const aftershockSchema = z.strictObject({
  atS: atS.describe('When the aftershock strikes, seconds after the start of the run; after the main shock.'),
  pgaAtEpicentreG: pgaG.describe('Peak ground acceleration of the aftershock at the epicentre, g. Same epicentre and attenuation as the main shock.'),
});

/**
 * An earthquake as a scenario author writes it. Intensity measure: peak ground acceleration (PGA) in g,
 * the measure of HAZUS fragility curves. It falls with distance from the epicentre by geometric spreading
 * over the hypocentral distance: `PGA(d) = pgaAtEpicentreG × (depthM / √(d² + depthM²))^exponent`, d the
 * horizontal distance from the epicentre cell to a building's centre, m. Each building's damage state is
 * drawn from its vulnerability class's fragility curves when the shock strikes; heavily damaged and
 * collapsed buildings drop debris on walkable cells around them and trap a share of their occupants.
 */
export const earthquakeSpecSchema = z
  .strictObject({
    atS: atS.default(0).describe('When the main shock strikes, seconds after the start of the run.'),
    pgaAtEpicentreG: pgaG.describe('Peak ground acceleration at the epicentre, g. About 0.1 g: slight damage to weak buildings; 0.3 g and more: heavy damage.'),
    epicentre: z.strictObject({ x: epicentreCell, y: epicentreCell }).describe('The epicentre cell: x the column, y the row.'),
    attenuation: z
      .strictObject({
        depthM: z
          .number()
          .min(100, 'the focal depth is at least 100 m')
          .max(700_000, 'at most 700,000 m (the deepest earthquakes)')
          .default(10_000)
          .describe('Focal depth, m: the deeper, the more evenly the shaking spreads over a town. Shallow crustal quakes: 5,000 to 20,000 m.'),
        exponent: z
          .number()
          .min(0, 'use 0 for the same shaking everywhere')
          .max(3, 'at most 3')
          .default(1)
          .describe('How fast shaking falls with hypocentral distance: 1 is geometric spreading of body waves; 0 gives the same PGA everywhere.'),
      })
      .prefault({})
      .describe('How the shaking falls with distance from the epicentre.'),
    vulnerability: z
      .strictObject({
        classes: z
          .record(className, fragilitySchema)
          .refine((r) => Object.keys(r).length >= 1, 'define at least one class')
          .refine((r) => Object.keys(r).length <= MAX_VULNERABILITY_CLASSES, `at most ${MAX_VULNERABILITY_CLASSES} classes`)
          .default(defaultClasses)
          .describe(
            'Fragility of each vulnerability class (EMS-98 style): by default "A" old unreinforced masonry, "B" brick-concrete, "C" reinforced concrete. Giving "classes" replaces the defaults.',
          ),
        defaultClass: className.default('B').describe('Class of every building not listed in "byBuilding".'),
        byBuilding: z
          .record(id, className)
          .refine((r) => Object.keys(r).length <= MAX_BUILDING_OVERRIDES, `at most ${MAX_BUILDING_OVERRIDES} buildings`)
          .default({})
          .describe('Class of particular buildings, by building id: { "block-3": "A" }.'),
      })
      .prefault({})
      .superRefine((v, ctx) => {
        if (!Object.hasOwn(v.classes, v.defaultClass)) {
          ctx.addIssue({ code: 'custom', path: ['defaultClass'], message: `no class "${v.defaultClass}": use one of ${Object.keys(v.classes).join(', ')}` });
        }
        for (const [building, cls] of Object.entries(v.byBuilding)) {
          if (!Object.hasOwn(v.classes, cls)) {
            ctx.addIssue({ code: 'custom', path: ['byBuilding', building], message: `no class "${cls}": use one of ${Object.keys(v.classes).join(', ')}` });
          }
        }
      })
      .describe('Which fragility curves apply to which building.'),
    trappedShare: z
      .strictObject({
        none: share.default(0),
        slight: share.default(0),
        moderate: share.default(0.01),
        heavy: share.default(0.1),
        collapse: share.default(0.5),
      })
      .prefault({})
      .describe(
        "Share of a building's occupants trapped (needing rescue) by its damage state. Defaults are illustrative (Coburn & Spence: most trapped people are in collapses).",
      ),
    debris: z
      .strictObject({
        heavyReachCells: reachCells.default(1).describe('Debris blocks walkable cells up to this many cells from a heavily damaged building.'),
        collapseReachCells: reachCells.default(2).describe('Debris blocks walkable cells up to this many cells from a collapsed building.'),
      })
      .prefault({})
      .describe('Rubble that blocks streets and yards around heavily damaged and collapsed buildings (distance measured between cell centres).'),
    aftershocks: z
      .array(aftershockSchema)
      .max(MAX_AFTERSHOCKS, `at most ${MAX_AFTERSHOCKS} aftershocks`)
      .default([])
      .describe('Later shocks: each draws damage again, and a building keeps the worst state it reached (accumulated weakening is not modelled).'),
  })
  .superRefine((spec, ctx) => {
    spec.aftershocks.forEach((a, k) => {
      if (!(a.atS > spec.atS)) {
        ctx.addIssue({
          code: 'custom',
          path: ['aftershocks', k, 'atS'],
          message: `an aftershock strikes after the main shock (at ${spec.atS} s): use a later time`,
        });
      }
    });
  });

/** A validated earthquake spec (defaults filled in). */
export type EarthquakeSpec = z.infer<typeof earthquakeSpecSchema>;
/** An earthquake spec as written (defaults optional). */
export type EarthquakeSpecInput = z.input<typeof earthquakeSpecSchema>;
/** Fragility curves of one vulnerability class. */
export type Fragility = z.infer<typeof fragilitySchema>;

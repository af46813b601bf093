import { z } from 'zod';
import { atS, id, share, text } from './primitives';
import { cellPointSchema } from './schemaWarning';

/**
 * A power or telecom failure over a zone for a time. Without power, loudspeakers and broadcast (TV) fall
 * silent and sensors stop; without telecom, the app and SMS do not get through. It starts at `fromS`, or
 * when a hazard reaches a cell (`trigger`: a flood at the substation), or by a `startOutage` event.
 */
export const outageSchema = z.strictObject({
  id,
  name: text.optional(),
  kind: z.enum(['power', 'telecom']),
  zone: z
    .union([z.literal('all'), id])
    .default('all')
    .describe('"all", or the zone or building without service.'),
  fromS: atS.optional().describe('When it starts; leave out for an outage started by its trigger or an event.'),
  durationS: z.number().positive().max(1e7).default(3600).describe('How long until the service is restored, s.'),
  trigger: z
    .strictObject({
      hazard: id.describe('The hazard that causes it (for example the flood).'),
      at: cellPointSchema.describe('The cell of the equipment (substation, exchange, mast).'),
      intensity: share.default(0.5).describe('Hazard intensity at that cell (0 to 1) that knocks it out.'),
    })
    .optional()
    .describe('A cascade: the outage starts when the hazard reaches the equipment.'),
});
export type Outage = z.infer<typeof outageSchema>;

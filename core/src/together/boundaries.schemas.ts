import { z } from 'zod';
import { localDateSchema } from '../recovery/intake.schemas';

/**
 * Boundaries each partner states for themselves ("I need …", "I will … if …"); the other partner
 * acknowledges them or asks to talk; a review date brings them back. Only the partner who stated a
 * boundary changes it, and a change asks the other partner to respond again.
 */
export const boundaryKindSchema = z.enum(['need', 'will-if']).describe('need: "I need …"; will-if: "I will … if …".');

export const boundaryInputSchema = z.strictObject({
  kind: boundaryKindSchema,
  text: z.string().trim().min(1).max(500).describe('The boundary, in my own words. Encrypted at rest.'),
  reviewDate: localDateSchema.nullable().default(null).describe('When we look at it again together.'),
});
export type BoundaryInput = z.input<typeof boundaryInputSchema>;

export const boundaryResponseSchema = z
  .enum(['acknowledged', 'talk'])
  .describe('acknowledged: I heard it; talk: I would like to talk about it.');
export const boundaryResponseInputSchema = z.strictObject({ response: boundaryResponseSchema });

export const boundarySchema = z.object({
  id: z.uuid(),
  authorId: z.uuid(),
  kind: boundaryKindSchema,
  text: z.string(),
  reviewDate: localDateSchema.nullable(),
  response: boundaryResponseSchema.nullable().describe('The other partner’s answer to this wording; null until they answer.'),
  respondedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  can: z.object({ edit: z.boolean(), respond: z.boolean() }),
});
export type Boundary = z.infer<typeof boundarySchema>;
export const boundaryListSchema = z.object({ boundaries: z.array(boundarySchema).describe('Both partners’ boundaries, newest first.') });

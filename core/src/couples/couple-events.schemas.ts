import { z } from 'zod';

/**
 * GET /api/couple/events: the couple's live events as server-sent events. Each message's `id`
 * is the event id (EventSource sends it back as Last-Event-ID when it reconnects) and its data
 * is one `CoupleEventMessage` as JSON. Events carry ids and small facts only: refetch through
 * the REST routes. A first message `event: ready` names where the stream starts.
 */
export const eventIdSchema = z.string().regex(/^\d{1,18}$/, 'An event id (digits).');

export const coupleEventsQuerySchema = z.strictObject({
  /** Resume after this event id (when the Last-Event-ID header cannot be set, e.g. a fresh EventSource). */
  lastEventId: eventIdSchema.optional(),
});

export const coupleEventMessageSchema = z.object({
  id: eventIdSchema,
  type: z.string().describe("e.g. 'contract.signed'; types starting with 'couple.' are about the membership (couple.left)"),
  actorId: z.uuid(),
  data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  at: z.iso.datetime(),
});
export type CoupleEventMessage = z.infer<typeof coupleEventMessageSchema>;

import { z } from 'zod';
import { groundingIds } from './pause-content';

/**
 * The conflict pause (time-out). Either partner calls it; both phones show the same end time.
 * The answer never says who called it or whether the other partner is ready: nobody can be
 * blamed for a pause, and nobody can be pressed to end one early (see docs in the service).
 */
export const coolDownMinutesSchema = z.number().int().min(20).max(60).describe('The agreed cool-down, in minutes (20–60).');
export const pauseSettingsInputSchema = z.strictObject({
  coolDownMinutes: coolDownMinutesSchema.describe(
    'Proposes this cool-down; it becomes the agreed one when the other partner proposes the same.',
  ),
});
export const pauseSettingsSchema = z.object({
  coolDownMinutes: coolDownMinutesSchema,
  proposal: z
    .object({ minutes: coolDownMinutesSchema, proposedByMe: z.boolean() })
    .nullable()
    .describe('A change one partner proposed and the other has not agreed to yet.'),
});

export const pauseSchema = z.object({
  id: z.uuid(),
  status: z.enum(['active', 'ended']),
  minutes: z.number().int(),
  startedAt: z.iso.datetime(),
  endsAt: z.iso.datetime().describe('When the cool-down is over and it is time to come back.'),
  endedAt: z.iso.datetime().nullable(),
  endReason: z.enum(['both-ready', 'time-over']).nullable(),
  groundingId: z
    .enum(groundingIds)
    .describe('A grounding suggestion, the same on both phones (texts in core/communication/pause-content).'),
  me: z.object({ ready: z.boolean().describe('I marked that I am ready to come back.') }),
  can: z.object({ markReady: z.boolean() }),
});
export type Pause = z.infer<typeof pauseSchema>;
export const pauseStateSchema = z.object({
  pause: pauseSchema.nullable().describe('The running pause, or one that ended in the last hour.'),
  settings: pauseSettingsSchema,
  serverNow: z.iso.datetime(),
});

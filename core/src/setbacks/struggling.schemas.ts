import { z } from 'zod';
import { localDateSchema } from '../recovery/intake.schemas';
import { watchSignals } from './warning-sign-watch';
import { myPlanPartSchema, warningSignKinds } from './plan.schemas';

/**
 * "I'm struggling" (issue 7): one tap opens my part of the plan step by step, the coping toolbox,
 * and — only if I choose — a short note to my partner (in the app) and/or messages to my supports
 * (written on my phone with sms:/mailto: links: the server sends nothing to supports).
 */
export const strugglingSchema = z.object({
  plan: myPlanPartSchema.nullable().describe('My part of the Continuing Recovery Plan; null when there is none yet.'),
  partner: z
    .object({ id: z.uuid(), name: z.string() })
    .nullable()
    .describe('The partner I may send a note to; null when the couple has not formed or its shared features are closed.'),
});
export type Struggling = z.infer<typeof strugglingSchema>;

export const strugglingNoteInputSchema = z.strictObject({
  message: z.string().trim().min(1).max(500).describe('The note exactly as I wrote or kept it; nothing is added. Encrypted at rest.'),
});
export type StrugglingNoteInput = z.infer<typeof strugglingNoteInputSchema>;

export const strugglingNoteSchema = z.object({
  id: z.uuid(),
  fromId: z.uuid(),
  fromName: z.string(),
  message: z.string(),
  at: z.iso.datetime(),
  read: z.boolean(),
});
export type StrugglingNote = z.infer<typeof strugglingNoteSchema>;

export const strugglingNoteListSchema = z.object({
  notes: z.array(strugglingNoteSchema).describe('Notes my current partner sent me in the last 7 days, newest first.'),
});
export type StrugglingNoteList = z.infer<typeof strugglingNoteListSchema>;

export const warningSignWatchResultSchema = z.object({
  today: localDateSchema.describe('Today in my own time zone.'),
  matches: z.array(
    z.object({
      index: z.number().int().describe('The warning sign’s place in my section of the plan.'),
      kind: z.enum(warningSignKinds),
      text: z.string().describe('The warning sign, in my own words.'),
      signal: z.enum(watchSignals),
      days: z.number().int(),
      from: localDateSchema,
      to: localDateSchema,
    }),
  ),
});
export type WarningSignWatchResult = z.infer<typeof warningSignWatchResultSchema>;

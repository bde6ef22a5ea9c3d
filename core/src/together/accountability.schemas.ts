import { z } from 'zod';
import { localDateSchema } from '../recovery/intake.schemas';

/**
 * Trust and accountability (Behavioral Couples Therapy, O'Farrell & Fals-Stewart 2006):
 * commitments each partner makes for themselves, reported kept or missed only by the one who
 * made them, which the other partner can acknowledge; and the positive-activity assignments
 * "Catch Your Partner Doing Something Nice" (an appreciation log) and Caring Days. An
 * appreciation or caring act not told to the partner stays the writer's own: the partner never
 * sees it, not even that it exists.
 */

export const commitmentInputSchema = z.strictObject({
  text: z.string().trim().min(1).max(300).describe('"I will …", in my own words. Encrypted at rest.'),
  dueDate: localDateSchema.describe('By when.'),
});
export type CommitmentInput = z.infer<typeof commitmentInputSchema>;

export const commitmentOutcomeSchema = z.enum(['kept', 'missed']);
export const commitmentOutcomeInputSchema = z.strictObject({
  outcome: commitmentOutcomeSchema.nullable().describe('How it went, as I report it; null: not yet.'),
});

export const commitmentSchema = z.object({
  id: z.uuid(),
  authorId: z.uuid().describe('The partner who made it: the only one who reports how it went.'),
  text: z.string(),
  dueDate: localDateSchema,
  outcome: commitmentOutcomeSchema.nullable(),
  outcomeAt: z.iso.datetime().nullable(),
  acknowledgedAt: z.iso.datetime().nullable().describe('When the other partner acknowledged it.'),
  createdAt: z.iso.datetime(),
  can: z.object({
    report: z.boolean(),
    acknowledge: z.boolean(),
    edit: z.boolean().describe('I made it: I may change its words and date, or delete it.'),
  }),
});
export type Commitment = z.infer<typeof commitmentSchema>;

export const followThroughSchema = z.object({
  partnerId: z.uuid(),
  kept: z.number().int(),
  missed: z.number().int(),
  open: z.number().int(),
});

export const commitmentListSchema = z.object({
  commitments: z.array(commitmentSchema).describe('Open ones first (by due date), then the rest, newest first.'),
  followThrough: z.array(followThroughSchema).describe('Each partner’s history of follow-through.'),
});

export const appreciationKindSchema = z
  .enum(['appreciation', 'caring-day'])
  .describe('appreciation: something nice my partner did that I noticed; caring-day: something caring I did for my partner unprompted.');

export const appreciationInputSchema = z.strictObject({
  kind: appreciationKindSchema,
  date: localDateSchema.describe('The day, in my own time zone (today or up to 30 days back).'),
  text: z.string().trim().min(1).max(500).describe('What it was, in my words. Encrypted at rest.'),
  told: z.boolean().default(false).describe('I told my partner. Untold entries are never shown to them.'),
});
export type AppreciationInput = z.input<typeof appreciationInputSchema>;

/** The writer's change to an entry: its kind, day and words. Telling is separate and cannot be undone. */
export const appreciationChangeSchema = appreciationInputSchema.omit({ told: true });
export type AppreciationChange = z.input<typeof appreciationChangeSchema>;

export const appreciationSchema = z.object({
  id: z.uuid(),
  authorId: z.uuid(),
  kind: appreciationKindSchema,
  date: localDateSchema,
  text: z.string(),
  toldAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  can: z.object({ tell: z.boolean(), edit: z.boolean().describe('I wrote it: I may change or delete it.') }),
});
export type Appreciation = z.infer<typeof appreciationSchema>;

export const appreciationRangeQuerySchema = z
  .strictObject({ from: localDateSchema, to: localDateSchema })
  .refine((r) => r.from <= r.to, { message: '"from" must not be after "to".', path: ['from'] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 400 * 86_400_000, { message: 'Ask for at most 400 days at once.', path: ['to'] });

export const appreciationListSchema = z.object({
  appreciations: z.array(appreciationSchema).describe('Mine, and my partner’s that they told me; newest day first.'),
});

export const togetherItemParamsSchema = z.strictObject({ id: z.uuid() });

import { z } from 'zod';

/**
 * The coping toolbox. Sources: grounding 5-4-3-2-1 and paced breathing (slow breathing at about
 * 6 breaths a minute, Zaccaro et al. 2018, Front Hum Neurosci 12:353); urge surfing
 * (Bowen & Marlatt 2009, Psychol Addict Behav 23(4):666); "play the tape forward" and contacting
 * a support are relapse-prevention practice (Marlatt & Gordon, Relapse Prevention, 1985/2005).
 */
export const copingTools = ['grounding', 'breathing', 'urge-surfing', 'tape-forward', 'contact-support'] as const;
export type CopingTool = (typeof copingTools)[number];

const urge = z.number().int().min(0).max(10);

export const copingRunInputSchema = z.strictObject({
  tool: z.enum(copingTools),
  urgeBefore: urge.describe('How strong the urge was at the start, 0 to 10.'),
  urgeAfter: urge.nullable().describe('How strong it was at the end; null when I stopped early.'),
  urgeDuring: z.array(urge).max(60).default([]).describe('Urge surfing: the ratings as the urge rose and fell.'),
  durationSeconds: z
    .number()
    .int()
    .min(0)
    .max(4 * 3600),
  startedAt: z.iso.datetime({ offset: true }),
});
export type CopingRunInput = z.input<typeof copingRunInputSchema>;

export const copingRunSchema = z.object({
  id: z.uuid(),
  tool: z.enum(copingTools),
  urgeBefore: z.number().int(),
  urgeAfter: z.number().int().nullable(),
  urgeDuring: z.array(z.number().int()),
  durationSeconds: z.number().int(),
  startedAt: z.iso.datetime(),
});
export type CopingRun = z.infer<typeof copingRunSchema>;

export const copingStatsSchema = z.object({
  ownerId: z.uuid(),
  runs: z.array(copingRunSchema).describe('Most recent first, at most 50.'),
  byTool: z.array(
    z.object({
      tool: z.enum(copingTools),
      runs: z.number().int(),
      completedRuns: z.number().int().describe('Runs with a rating at the end.'),
      averageDrop: z.number().nullable().describe('Mean of (before − after) over completed runs; null when none.'),
    }),
  ),
});
export type CopingStats = z.infer<typeof copingStatsSchema>;

/** People I can reach out to ("contact a support"); also my supports in the Continuing Recovery Plan. */
export const supportContactInputSchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
  relation: z.string().trim().max(80).default('').describe('e.g. sponsor, sister, counsellor.'),
  phone: z
    .string()
    .trim()
    .max(32)
    .regex(/^[+0-9 ()-]*$/, { message: 'Use digits, spaces, + ( ) and - only.' })
    .default(''),
});
export const supportContactSchema = z.object({ id: z.uuid(), name: z.string(), relation: z.string(), phone: z.string() });
export type SupportContact = z.infer<typeof supportContactSchema>;
export const supportContactListSchema = z.object({ contacts: z.array(supportContactSchema) });

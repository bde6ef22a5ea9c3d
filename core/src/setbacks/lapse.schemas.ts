import { z } from 'zod';
import { localDateSchema } from '../recovery/intake.schemas';
import { substances } from '../recovery/substances';

/**
 * The blame-free lapse report (issue 7): written only by its owner, private by default. Each
 * report is told, one by one, to the partner and/or the care team when its owner chooses, and
 * that can be taken back at any time (effective on the next request). A lapse day counts as a
 * day with use in the counters and the calendar; nothing else is erased.
 */

export const localTimeSchema = z
  .string()
  .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'Use HH:MM, e.g. 21:30.')
  .describe('Local time of day in my own time zone, HH:MM (24 h).');

const text = (what: string, max: number) => z.string().trim().max(max).default('').describe(`${what} Encrypted at rest.`);

export const lapseInputSchema = z.strictObject({
  date: localDateSchema.describe('The day it happened, in my own time zone.'),
  time: localTimeSchema,
  substances: z
    .array(z.enum(substances))
    .min(1)
    .max(substances.length)
    .refine((list) => new Set(list).size === list.length, 'Name each substance once.')
    .describe('What I used.'),
  whatHappened: text('What happened, in my own words.', 2000),
  triggerIds: z.array(z.uuid()).max(20).default([]).describe('What led to it, from my own trigger list.'),
  warningSigns: z
    .array(z.string().trim().min(1).max(300))
    .max(30)
    .default([])
    .describe('Warning signs that were there (from my part of the plan, or my own words). Encrypted at rest.'),
  whatIDidAfter: text('What I did afterwards.', 2000),
  tellPartner: z.boolean().default(false).describe('Tell my partner about this report. Off unless I choose it.'),
  tellCareTeam: z.boolean().default(false).describe('Tell my care team about this report. Off unless I choose it.'),
});
export type LapseInput = z.input<typeof lapseInputSchema>;

export const lapseTellingInputSchema = z.strictObject({
  partner: z.boolean().describe('My partner may read this report. Turning it off takes it back at once.'),
  careTeam: z.boolean().describe('My care team may read this report. Turning it off takes it back at once.'),
});
export type LapseTellingInput = z.infer<typeof lapseTellingInputSchema>;

export const lapseReflectionInputSchema = z.strictObject({
  learned: z.string().trim().min(1).max(1000).describe('What I learned. Encrypted at rest.'),
  change: z.string().trim().max(300).default('').describe('What I would change in our plan. Encrypted at rest.'),
});
export type LapseReflectionInput = z.input<typeof lapseReflectionInputSchema>;

export const lapseSchema = z.object({
  id: z.uuid(),
  ownerId: z.uuid(),
  date: localDateSchema,
  time: z.string(),
  timeZone: z.string().describe('The time zone the date and time are in (mine when I wrote it).'),
  substances: z.array(z.enum(substances)),
  whatHappened: z.string(),
  triggers: z.array(z.object({ id: z.uuid(), label: z.string() })).describe('The triggers I named, in my own words.'),
  warningSigns: z.array(z.string()),
  whatIDidAfter: z.string(),
  told: z
    .object({ partner: z.boolean(), careTeam: z.boolean() })
    .nullable()
    .describe('Whom I told about it. Only for me; null for anyone else.'),
  reflection: z
    .object({ learned: z.string(), change: z.string(), at: z.iso.datetime() })
    .nullable()
    .describe('My next-day reflection. Only for me: it is never told to anyone.'),
  reflectionDue: z.boolean().describe('The next-day reflection is waiting: a day has passed and none was written yet (only for me).'),
  createdAt: z.iso.datetime(),
  can: z.object({ edit: z.boolean() }),
});
export type Lapse = z.infer<typeof lapseSchema>;

export const lapseListSchema = z.object({ lapses: z.array(lapseSchema).describe('Newest first.') });
export type LapseList = z.infer<typeof lapseListSchema>;

export const personLapseParamsSchema = z.strictObject({ partnerId: z.uuid(), id: z.uuid() });

/** How long after the report the next-day reflection is offered, and until when. */
export const reflectionAfterHours = 24;
export const reflectionOfferedForDays = 14;

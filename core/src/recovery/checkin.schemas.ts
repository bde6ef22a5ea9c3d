import { z } from 'zod';
import { substances } from './substances';
import { localDateSchema } from './intake.schemas';

const scale5 = (what: string) => z.number().int().min(1).max(5).describe(`${what}, 1 (lowest) to 5 (highest).`);

/** The daily check-in: under 30 seconds on a phone. One per person per local calendar day. */
export const checkinInputSchema = z
  .strictObject({
    mood: scale5('Mood'),
    craving: z.number().int().min(0).max(10).describe('Strongest craving today, 0 (none) to 10 (overwhelming).'),
    used: z.boolean().describe('Whether I used today. Only I report this, about myself.'),
    substancesUsed: z.array(z.enum(substances)).max(substances.length).default([]).describe('What I used, when I used.'),
    sleep: scale5('Sleep quality last night'),
    stress: scale5('Stress today'),
    closeness: scale5('Closeness to my partner today'),
    conflict: z.enum(['none', 'some', 'high']).describe('Conflict with my partner today.'),
    triggerIds: z.array(z.uuid()).max(20).default([]).describe('Triggers met today, from my own trigger list.'),
    note: z.string().trim().max(1000).default('').describe('Optional note, encrypted at rest.'),
  })
  .superRefine((value, ctx) => {
    if (value.used && value.substancesUsed.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['substancesUsed'], message: 'Choose what you used.' });
    }
    if (!value.used && value.substancesUsed.length > 0) {
      ctx.addIssue({ code: 'custom', path: ['substancesUsed'], message: 'Only name substances on a day you used.' });
    }
  });
export type CheckinInput = z.input<typeof checkinInputSchema>;

export const checkinSchema = z.object({
  date: localDateSchema,
  mood: z.number().int(),
  craving: z.number().int(),
  used: z.boolean(),
  substancesUsed: z.array(z.enum(substances)),
  sleep: z.number().int(),
  stress: z.number().int(),
  closeness: z.number().int(),
  conflict: z.enum(['none', 'some', 'high']),
  triggerIds: z.array(z.uuid()),
  note: z.string().describe('Empty for viewers other than the owner: the note is never shared.'),
  isLate: z.boolean().describe('Filled in on a later day.'),
  updatedAt: z.iso.datetime(),
  can: z.object({ edit: z.boolean() }),
});
export type Checkin = z.infer<typeof checkinSchema>;

export const checkinDateParamsSchema = z.strictObject({ date: localDateSchema });

export const dateRangeQuerySchema = z
  .strictObject({ from: localDateSchema, to: localDateSchema })
  .refine((r) => r.from <= r.to, { message: '"from" must not be after "to".', path: ['from'] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 400 * 86_400_000, { message: 'Ask for at most 400 days at once.', path: ['to'] });

export const checkinListSchema = z.object({
  ownerId: z.uuid(),
  today: localDateSchema.describe('Today in the owner’s time zone.'),
  checkins: z.array(checkinSchema),
});
export type CheckinList = z.infer<typeof checkinListSchema>;

export const milestoneSchema = z.object({
  counter: z.enum(['current', 'total']).describe('current: days since last use; total: all sober days since the start.'),
  days: z.number().int(),
  reachedOn: localDateSchema,
});
export type Milestone = z.infer<typeof milestoneSchema>;

export const recoverySummarySchema = z.object({
  ownerId: z.uuid(),
  inRecovery: z.boolean(),
  today: localDateSchema,
  recoveryStartDate: localDateSchema.nullable(),
  daysSinceLastUse: z.number().int().nullable().describe('Whole days since the last day with use (or since the start).'),
  totalSoberDays: z.number().int().nullable().describe('Days since the start with no use reported; a lapse does not erase them.'),
  lastUseDate: localDateSchema.nullable(),
  lapseDates: z
    .array(localDateSchema)
    .describe('Days of lapse reports, counted as days with use (for anyone but the owner, only reports told to them).'),
  milestones: z.array(milestoneSchema).describe('Milestones reached, newest first.'),
  nextMilestone: z.object({ counter: z.enum(['current', 'total']), days: z.number().int(), inDays: z.number().int() }).nullable(),
  encouragements: z
    .array(
      z.object({
        id: z.uuid(),
        fromName: z.string(),
        message: z.string(),
        milestoneDays: z.number().int().nullable(),
        at: z.iso.datetime(),
      }),
    )
    .describe('Notes of encouragement from the partner; only the owner sees them.'),
  can: z.object({ encourage: z.boolean() }),
});
export type RecoverySummary = z.infer<typeof recoverySummarySchema>;

export const encouragementInputSchema = z.strictObject({
  message: z.string().trim().min(1).max(500).describe('A short, warm note. The partner sees it with their milestones.'),
  milestoneDays: z.number().int().min(1).max(36500).nullable().default(null),
});

import { z } from 'zod';
import { localDateSchema } from '../recovery/intake.schemas';

/**
 * Shared goals and the future: couple goals with milestones either partner ticks; the Shared
 * Rewarding Activities planner of Behavioral Couples Therapy (plan it, do it, each partner rates
 * how it went for themselves); celebrations derived from what both did, shown to both.
 */
const title = z.string().trim().min(1).max(200);

/** At most this many milestones on one goal. */
export const maxMilestones = 20;

export const coupleGoalInputSchema = z.strictObject({
  title: title.describe('Our goal. Encrypted at rest.'),
  targetDate: localDateSchema.nullable().default(null),
  milestones: z
    .array(z.strictObject({ title: title.describe('A milestone on the way. Encrypted at rest.') }))
    .max(maxMilestones)
    .default([]),
});
export type CoupleGoalInput = z.input<typeof coupleGoalInputSchema>;

export const doneInputSchema = z.strictObject({ done: z.boolean() });

export const coupleMilestoneSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  doneAt: z.iso.datetime().nullable(),
  doneBy: z.uuid().nullable().describe('Who ticked it.'),
  addedBy: z.uuid().nullable().describe('Who added it to the goal later; null when it was written with the goal.'),
});

/** A milestone added to an existing goal (either partner; attributed to them). */
export const milestoneInputSchema = z.strictObject({ title: title.describe('A milestone on the way. Encrypted at rest.') });

/** The author's change to their goal: its title and target date (milestones are added and ticked on their own). */
export const coupleGoalChangeSchema = z.strictObject({
  title: title.describe('Our goal. Encrypted at rest.'),
  targetDate: localDateSchema.nullable().default(null),
});
export type CoupleGoalChange = z.input<typeof coupleGoalChangeSchema>;

export const coupleGoalSchema = z.object({
  id: z.uuid(),
  createdBy: z.uuid().nullable(),
  title: z.string(),
  targetDate: localDateSchema.nullable(),
  milestones: z.array(coupleMilestoneSchema),
  reachedAt: z.iso.datetime().nullable().describe('When the last milestone was ticked (all of them done).'),
  createdAt: z.iso.datetime(),
  can: z.object({
    edit: z.boolean().describe('I wrote this goal: I may change its title and date, or delete it.'),
    addMilestone: z.boolean().describe('Either partner adds milestones (at most 20).'),
  }),
});
export type CoupleGoal = z.infer<typeof coupleGoalSchema>;
export const coupleGoalListSchema = z.object({ goals: z.array(coupleGoalSchema) });
export const milestoneParamsSchema = z.strictObject({ id: z.uuid(), milestoneId: z.uuid() });

export const activityInputSchema = z.strictObject({
  title: title.describe('What we plan to do together. Encrypted at rest.'),
  plannedFor: localDateSchema.nullable().default(null),
});
export type ActivityInput = z.input<typeof activityInputSchema>;

export const ratingInputSchema = z.strictObject({
  rating: z.number().int().min(1).max(5).describe('How it went for me, 1 (not well) to 5 (very well).'),
});

export const activitySchema = z.object({
  id: z.uuid(),
  createdBy: z.uuid().nullable(),
  title: z.string(),
  plannedFor: localDateSchema.nullable(),
  doneAt: z.iso.datetime().nullable(),
  doneBy: z.uuid().nullable(),
  ratings: z.array(z.object({ partnerId: z.uuid(), rating: z.number().int() })).describe('Each partner’s own rating.'),
  createdAt: z.iso.datetime(),
  can: z.object({
    rate: z.boolean().describe('Done, so I can rate it (again).'),
    edit: z.boolean().describe('I planned it: I may change its title and date, or delete it.'),
  }),
});
export type Activity = z.infer<typeof activitySchema>;
export const activityListSchema = z.object({
  activities: z.array(activitySchema).describe('Planned first (by date), then done, newest first.'),
});

export const celebrationSchema = z.object({
  kind: z.enum(['contract-signed', 'milestone', 'goal-reached', 'trust-streak']),
  at: z.iso.datetime().nullable().describe('When it happened (null for a streak: it was reached on a day).'),
  goalId: z.uuid().nullable(),
  milestoneId: z.uuid().nullable(),
  title: z.string().nullable().describe('The goal or milestone, in the couple’s words.'),
  days: z.number().int().nullable().describe('For a streak: its length in days.'),
});
export const celebrationListSchema = z.object({
  celebrations: z
    .array(celebrationSchema)
    .describe('Newest first; streaks reached (best streak at or above 7, 14, 30, 60, 90, 180, 365 days) last.'),
});

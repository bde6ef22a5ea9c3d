import { z } from 'zod';
import { skillIds } from '../communication/skills';
import { copingTools } from '../recovery/coping.schemas';
import { localDateSchema } from '../recovery/intake.schemas';
import { insightSchema } from './insights.schemas';

/**
 * The weekly summary (issue 9): my own week, our couple's week, one insight and one suggestion.
 * Everything in it is either mine or the couple's joint work both partners see; the partner's own
 * days enter only through the insight, and only while they share `insights` with me.
 */

const average = z.number().nullable().describe('Average over the week’s check-ins; null when there was none.');

const weekOfMineSchema = z.object({
  checkinDays: z.number().int().min(0).max(7).describe('Days of the week with my check-in.'),
  soberDays: z.number().int().min(0).max(7).describe('Days of the week my check-in said no use.'),
  highConflictDays: z.number().int().min(0).max(7).describe('Days I called high-conflict in my check-in.'),
  mood: z.object({ thisWeek: average, previousWeek: average }).describe('Mood, 1 to 5.'),
  craving: z.object({ thisWeek: average, previousWeek: average }).describe('Craving, 0 to 10.'),
  coping: z
    .array(
      z.object({
        tool: z.enum(copingTools),
        times: z.number().int().min(1),
        helped: z.number().int().min(0).describe('Runs where the urge was at least 2 points lower at the end.'),
      }),
    )
    .describe('Coping tools I used this week, most used first.'),
});

const coupleWeekSchema = z.object({
  trustDiscussion: z
    .object({
      daysDone: z.number().int().min(0).max(7).describe('Days of the week the Trust Discussion was done by both.'),
      daysCounted: z.number().int().min(0).max(7).describe('Days of the week the contract was in force.'),
      streak: z.number().int().min(0).describe('Consecutive done days at the end of the week.'),
    })
    .nullable()
    .describe('Null when no Recovery Contract was signed by both.'),
  appreciations: z.object({
    fromMe: z.number().int().min(0).describe('Appreciations and Caring Days I wrote this week.'),
    toMe: z.number().int().min(0).describe('Those my partner wrote and told me this week.'),
  }),
  activities: z.object({
    done: z.number().int().min(0).describe('Shared activities marked done this week.'),
    planned: z.number().int().min(0).describe('Shared activities planned for the coming week.'),
  }),
});

export const suggestionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('communication-skill'),
    id: z.enum(skillIds),
    reason: z.enum(['high-conflict-week', 'helped-before', 'craving-rose', 'weekly-practice']),
  }),
  z.object({
    kind: z.literal('coping-tool'),
    id: z.enum(copingTools),
    reason: z.enum(['high-conflict-week', 'helped-before', 'craving-rose', 'weekly-practice']),
  }),
]);

/** What is stored for one person and week (the server validates it again when reading). */
export const weeklySummaryContentSchema = z.object({
  mine: weekOfMineSchema,
  couple: coupleWeekSchema.nullable().describe('Null when I had no partner with joint features open that week.'),
  insight: insightSchema
    .extend({ windowDays: z.number().int().describe('The days looked at, up to the week’s end.') })
    .nullable()
    .describe('One insight from my check-ins (and my partner’s, when they share them for insights).'),
  suggestion: suggestionSchema,
});
export type WeeklySummaryContent = z.infer<typeof weeklySummaryContentSchema>;

export const weeklySummarySchema = weeklySummaryContentSchema.extend({
  id: z.uuid(),
  weekStart: localDateSchema.describe('Monday of the week, in my time zone.'),
  weekEnd: localDateSchema.describe('Sunday of the week.'),
  createdAt: z.iso.datetime(),
  coupleHidden: z
    .boolean()
    .describe('The couple part is no longer shown: we are no longer partners, or joint features are closed. It never says which.'),
  insightHidden: z
    .boolean()
    .describe('The insight drew on my partner’s days and they no longer share them with me: it is no longer shown.'),
});
export type WeeklySummary = z.infer<typeof weeklySummarySchema>;

export const weeklySummariesSchema = z.object({
  latest: weeklySummarySchema.nullable(),
  previous: weeklySummarySchema.nullable(),
});
export type WeeklySummaries = z.infer<typeof weeklySummariesSchema>;

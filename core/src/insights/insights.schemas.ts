import { z } from 'zod';
import { localDateSchema } from '../recovery/intake.schemas';
import { insightIds } from './insights';

const estimateSchema = z.object({
  estimate: z.number().describe('In the outcome’s own units (e.g. craving points, 0–10) per unit of the predictor.'),
  standardError: z.number(),
  lower: z.number().describe('Lower end of the confidence interval.'),
  upper: z.number().describe('Upper end of the confidence interval.'),
  p: z.number(),
  partialR: z.number().describe('Partial correlation: a unit-free effect size.'),
});

export const apimFitSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('ok'),
    days: z.number().int().describe('The days actually used (missing days are left out, never filled in).'),
    actor: estimateSchema.describe('What the person’s own report predicts.'),
    partner: estimateSchema.nullable().describe('What the partner’s report predicts; null when the partner’s days may not be used.'),
    confidence: z.number(),
  }),
  z.object({ status: z.literal('not-enough-days'), days: z.number().int(), needed: z.number().int() }),
  z.object({ status: z.literal('no-variation'), days: z.number().int(), variable: z.enum(['outcome', 'actor', 'partner']) }),
  z.object({
    status: z.literal('not-enough-events'),
    days: z.number().int(),
    variable: z.enum(['actor', 'partner']),
    events: z.number().int(),
    needed: z.number().int(),
  }),
]);

export const insightSchema = z.object({ id: z.enum(insightIds), fit: apimFitSchema });

/** One day of the chart: the subject's craving and conflict, and the partner's conflict when included. */
export const insightChartDaySchema = z.object({
  date: localDateSchema,
  craving: z.number().int().nullable(),
  conflict: z.enum(['none', 'some', 'high']).nullable(),
  partnerConflict: z.enum(['none', 'some', 'high']).nullable(),
});

export const insightsViewSchema = z.object({
  subjectId: z.uuid().describe('Whose insights these are.'),
  from: localDateSchema,
  to: localDateSchema,
  partnerIncluded: z
    .boolean()
    .describe('Whether the partner’s days are used. False whenever they may not be, for whatever reason; it never says which.'),
  insights: z.array(insightSchema),
  chart: z.array(insightChartDaySchema).describe('The last 60 days, for the craving and conflict chart.'),
});
export type InsightsView = z.infer<typeof insightsViewSchema>;
export type InsightChartDay = z.infer<typeof insightChartDaySchema>;

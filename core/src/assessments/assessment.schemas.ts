import { z } from 'zod';
import { crisisResourceSchema } from '../crisis/crisis.schemas';
import { localDateSchema } from '../recovery/intake.schemas';
import { instrumentIds } from './instruments';

/** Request and response schemas of the assessments API (server/src/features/assessments). */

export const instrumentIdSchema = z.enum(instrumentIds).describe('A validated questionnaire Twofold knows.');
export const sharedFamilies = ['mood-anxiety', 'substance-use', 'attachment', 'relationship'] as const;
export type SharedFamily = (typeof sharedFamilies)[number];
export const sharedFamilySchema = z
  .enum(sharedFamilies)
  .describe('A family of questionnaires, each a kind of data in the sharing registry.');

const optionSchema = z.object({ value: z.number().int(), label: z.string(), loinc: z.string().optional() });
const itemSchema = z.object({
  id: z.string(),
  text: z.string(),
  loinc: z.string().optional(),
  options: z.array(optionSchema),
  scored: z.boolean(),
  reverse: z.boolean().optional(),
  required: z.boolean(),
  subscale: z.enum(['anxiety', 'avoidance']).optional(),
  gatedBy: z.object({ itemId: z.string(), value: z.number().int() }).optional().describe('Asked only when this earlier answer was given.'),
});
const bandSchema = z.object({ id: z.string(), min: z.number(), max: z.number(), label: z.string() });

export const instrumentSchema = z.object({
  id: instrumentIdSchema,
  version: z.string(),
  name: z.string(),
  shortName: z.string(),
  family: z.enum(['mood-anxiety', 'substance-use', 'attachment', 'relationship', 'safety']),
  citation: z.string(),
  bandSource: z.string(),
  stem: z.string(),
  recallPeriod: z.string(),
  items: z.array(itemSchema),
  totalRange: z.object({ min: z.number(), max: z.number() }).nullable(),
  bands: z.array(bandSchema),
  criticalItems: z.array(
    z.object({ itemId: z.string(), minValue: z.number(), flow: z.enum(['self-harm', 'ipv']), higherRiskMinValue: z.number().optional() }),
  ),
  licence: z.object({ status: z.enum(['free', 'non-commercial', 'unconfirmed']), notice: z.string() }),
  copyright: z.string(),
});

export const instrumentListSchema = z.object({
  instruments: z
    .array(instrumentSchema)
    .describe('The questionnaires this deployment offers (a deployment can switch off one whose licence it lacks).'),
  ptsdCutoff: z
    .union([z.literal(3), z.literal(4)])
    .describe('The PC-PTSD-5 cut-point this deployment applies (Prins 2016: 3; Bovin 2021: 4).'),
});

export const answersSchema = z
  .record(z.string().max(20), z.number().int().min(0).max(10))
  .refine((answers) => Object.keys(answers).length <= 40, 'Too many answers.')
  .describe('Raw answer codes by item id, as the questionnaire defines them.');

export const assessmentInputSchema = z.strictObject({
  instrumentId: instrumentIdSchema,
  submissionId: z
    .uuid()
    .describe('Chosen by the device for this filled-in questionnaire. Sending it again is refused: nothing is saved twice.'),
  answers: answersSchema,
  auditCThreshold: z
    .enum(['female', 'male', 'not-stated'])
    .optional()
    .describe('AUDIT-C only: which published threshold applies (sex assigned at birth). Not stated: the conservative >= 3.'),
});
export type AssessmentInput = z.input<typeof assessmentInputSchema>;

const scoreFields = {
  total: z.number().nullable(),
  subscales: z.record(z.string(), z.number()).nullable().describe('ECR-S: mean of each dimension, 1-7.'),
  band: z.object({ id: z.string(), label: z.string(), source: z.string() }).nullable(),
  positive: z.boolean().nullable().describe('Whether the screen is positive by its published cut-off; null where the instrument has none.'),
  rule: z.string().describe('The rule applied, with its source.'),
};

/** One result as another person may see it, when shared: never the single answers. */
export const sharedAssessmentSchema = z.object({
  id: z.uuid(),
  instrumentId: instrumentIdSchema,
  instrumentVersion: z.string(),
  date: localDateSchema,
  submittedAt: z.iso.datetime(),
  ...scoreFields,
});

/** One of my own results, with my answers. */
export const assessmentSchema = sharedAssessmentSchema.extend({
  scorerVersion: z.string(),
  answers: z.record(z.string(), z.number()),
  safetyFlow: z
    .enum(['self-harm', 'ipv'])
    .nullable()
    .describe('A critical answer on this questionnaire (PHQ-9 item 9, a positive safety screen).'),
});
export type Assessment = z.infer<typeof assessmentSchema>;

export const assessmentListSchema = z.object({ assessments: z.array(assessmentSchema) });
export const sharedAssessmentListSchema = z.object({
  ownerId: z.uuid(),
  family: sharedFamilySchema,
  assessments: z.array(sharedAssessmentSchema),
});

export const assessmentQuerySchema = z.strictObject({ instrumentId: instrumentIdSchema.optional() });
export const sharedAssessmentParamsSchema = z.strictObject({ partnerId: z.uuid(), family: sharedFamilySchema });

export const safetyFlowSchema = z.object({
  flow: z.enum(['self-harm', 'ipv']),
  higherRisk: z.boolean().describe('PHQ-9 item 9 at "more than half the days" or more (a design choice drawn from Simon 2013).'),
  careTeamAlerted: z.boolean().describe('Whether the care team of the program(s) the person is enrolled in got an alert.'),
  resources: z.array(crisisResourceSchema),
});

export const submitResultSchema = z.object({
  assessment: assessmentSchema,
  safety: safetyFlowSchema.nullable(),
});

export const scheduleInputSchema = z.strictObject({
  everyDays: z.number().int().min(1).max(365).describe('How often it is due, in days (e.g. 14 for PHQ-9, 30 for CSI-4).'),
});
export const scheduleParamsSchema = z.strictObject({ instrumentId: instrumentIdSchema });
export const scheduleSchema = z.object({
  instrumentId: instrumentIdSchema,
  everyDays: z.number().int(),
  setBy: z.enum(['self', 'clinician']),
  lastDate: localDateSchema.nullable(),
  dueDate: localDateSchema.describe('The day it is next due (today when never done).'),
  isDue: z.boolean(),
});
export const scheduleListSchema = z.object({ today: localDateSchema, schedules: z.array(scheduleSchema) });

export const clinicianScheduleParamsSchema = z.strictObject({ programId: z.uuid(), personId: z.uuid(), instrumentId: instrumentIdSchema });
export const programPersonParamsSchema = z.strictObject({ programId: z.uuid(), personId: z.uuid() });

export const safetyScreenStatusSchema = z.object({
  status: z.enum(['missing', 'clear', 'positive', 'reopened']).describe('My own screen: never visible to my partner.'),
  screenedAt: z.iso.datetime().nullable(),
  resources: z.array(crisisResourceSchema).describe('Individual support lines for this deployment.'),
});

export const jointFeaturesSchema = z.object({
  status: z
    .enum(['open', 'not-available-yet'])
    .describe(
      'Joint features open once both partners answered their private safety screen and neither is positive. Says nothing about why.',
    ),
});

export const attachmentViewSchema = z.object({
  mine: z.object({ anxiety: z.number(), avoidance: z.number(), date: localDateSchema }).nullable(),
  partner: z.object({ anxiety: z.number(), avoidance: z.number(), date: localDateSchema }).nullable(),
  pattern: z
    .enum(['pursue-withdraw', 'both-anxious', 'both-avoidant', 'steady', 'mixed'])
    .nullable()
    .describe('Shown only when both partners share their ECR-S with each other.'),
});

export const careAlertSchema = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  personName: z.string(),
  kind: z.enum(['self-harm', 'safety-screen']),
  higherRisk: z.boolean(),
  createdAt: z.iso.datetime(),
  acknowledgedAt: z.iso.datetime().nullable(),
});
export const careAlertListSchema = z.object({ alerts: z.array(careAlertSchema) });
export const careAlertParamsSchema = z.strictObject({ programId: z.uuid(), alertId: z.uuid() });

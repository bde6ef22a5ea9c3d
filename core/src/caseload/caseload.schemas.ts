import { z } from 'zod';
import { localDateSchema } from '../recovery/intake.schemas';
import { flagKinds, flagSeverities } from './caseload-rules';
import { careHomeworkSchema } from '../care/homework.schemas';

/**
 * The clinician's caseload with flags, and the couple overview (issue 8). Every flag and every
 * figure comes only from data the person shares with the care team; a kind not shared gives no
 * flag and no hint (server/src/access/caseload.ts).
 */

export const caseloadSortSchema = z.enum(['severity', 'name', 'activity']).describe('severity (default), name, or last activity.');
export type CaseloadSort = z.infer<typeof caseloadSortSchema>;

export const caseloadQuerySchema = z.strictObject({ sort: caseloadSortSchema.default('severity') });

export const flagKindSchema = z.enum(flagKinds);

const instrumentSchema = z.enum(['phq-9', 'gad-7']);

export const flagFactsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('safety-alert'), alerts: z.number().int(), higherRisk: z.boolean() }),
  z.object({ kind: z.literal('lapse-told'), reports: z.number().int(), days: z.number().int() }),
  z.object({ kind: z.literal('missed-checkins'), days: z.number().int(), lastCheckin: localDateSchema.nullable() }),
  z.object({
    kind: z.literal('rising-craving'),
    slopePerDay: z.number(),
    recentMean: z.number(),
    previousMean: z.number().nullable(),
    checkins: z.number().int(),
    windowDays: z.number().int(),
  }),
  z.object({
    kind: z.literal('worsening-score'),
    instrumentId: instrumentSchema,
    from: z.number().int(),
    to: z.number().int(),
    change: z.number().int(),
    threshold: z.number().int().describe('The reliable-change threshold of the instrument.'),
    fromDate: localDateSchema,
    band: z.string().nullable(),
    source: z.string().describe('Where the reliable-change threshold comes from.'),
  }),
  z.object({
    kind: z.literal('adherence-falling'),
    recentPercent: z.number().int(),
    previousPercent: z.number().int(),
    windowDays: z.number().int(),
  }),
]);

export const flagSchema = z.object({
  kind: flagKindSchema,
  personId: z.uuid().nullable().describe("The person the flag is about; null for the couple's joint work."),
  severity: z.enum(flagSeverities),
  since: z.string().describe('When the situation began: a date (YYYY-MM-DD) or an instant.'),
  facts: flagFactsSchema,
  isDimmed: z.boolean().describe('Acknowledged, and nothing new since.'),
  acknowledgement: z
    .object({ at: z.iso.datetime(), byName: z.string(), note: z.string() })
    .nullable()
    .describe('The latest acknowledgement of this flag, if any.'),
});
export type CaseloadFlag = z.infer<typeof flagSchema>;

export const flaggedCoupleSchema = z.object({
  coupleId: z.uuid(),
  partners: z.array(
    z.object({
      id: z.uuid(),
      displayName: z.string(),
      enrollment: z.enum(['invited', 'accepted']),
      lastActivity: z.string().nullable().describe('Latest check-in, check-up or told lapse the person shares with the care team.'),
    }),
  ),
  flags: z.array(flagSchema),
  lastActivity: z.string().nullable(),
});
export type FlaggedCouple = z.infer<typeof flaggedCoupleSchema>;

export const flaggedCaseloadSchema = z.object({
  sort: caseloadSortSchema,
  couples: z.array(flaggedCoupleSchema),
});
export type FlaggedCaseload = z.infer<typeof flaggedCaseloadSchema>;

export const acknowledgeFlagInputSchema = z.strictObject({
  coupleId: z.uuid(),
  personId: z.uuid().nullable().describe("The person the flag is about; null for the couple's joint work."),
  kind: flagKindSchema,
  note: z.string().trim().min(1).max(2000).describe('What the clinician did or decided; kept encrypted, shown to the care team.'),
});
export type AcknowledgeFlagInput = z.infer<typeof acknowledgeFlagInputSchema>;

export const coupleOverviewParamsSchema = z.strictObject({ programId: z.uuid(), coupleId: z.uuid() });
export const coupleOverviewQuerySchema = z.strictObject({
  personId: z.uuid().optional().describe('Only this partner (the "individual" view).'),
});

const bandedScoreSchema = z.object({
  date: localDateSchema,
  total: z.number().int(),
  band: z.string().nullable(),
});

export const overviewDays = 90;

export const partnerOverviewSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  enrollment: z.enum(['invited', 'accepted']),
  shares: z
    .object({ checkins: z.boolean(), assessments: z.boolean(), lapses: z.boolean() })
    .describe('Which kinds this partner shares with the care team now (lapses: reports told one by one).'),
  checkins: z
    .array(
      z.object({
        date: localDateSchema,
        craving: z.number().int(),
        mood: z.number().int(),
        used: z.boolean(),
      }),
    )
    .nullable()
    .describe(`The last ${overviewDays} days of check-ins (the use calendar comes from "used"); null when not shared.`),
  assessments: z
    .object({ 'phq-9': z.array(bandedScoreSchema), 'gad-7': z.array(bandedScoreSchema) })
    .nullable()
    .describe('PHQ-9 and GAD-7 totals with their bands, oldest first; null when not shared.'),
  lapses: z
    .array(z.object({ date: localDateSchema, toldAt: z.iso.datetime(), substances: z.array(z.string()) }))
    .describe('Lapse reports this partner told the care team, newest first.'),
  flags: z.array(flagSchema),
});
export type PartnerOverview = z.infer<typeof partnerOverviewSchema>;

export const coupleOverviewSchema = z.object({
  coupleId: z.uuid(),
  programId: z.uuid(),
  from: localDateSchema,
  to: localDateSchema,
  partners: z.array(partnerOverviewSchema),
  together: z
    .object({
      trustDiscussion: z.object({
        days: z.array(z.object({ date: localDateSchema, parts: z.number().int() })),
        donePercent: z.number().int().nullable(),
      }),
      plan: z.object({ status: z.enum(['none', 'waiting', 'signed']), signedAt: z.iso.datetime().nullable() }),
      flags: z.array(flagSchema),
    })
    .nullable()
    .describe('The joint work, only while BOTH partners share "together" with the care team.'),
  homework: z
    .array(careHomeworkSchema)
    .describe('Homework the care team assigned in this program (in the individual view: to that partner), with completion.'),
});
export type CoupleOverview = z.infer<typeof coupleOverviewSchema>;

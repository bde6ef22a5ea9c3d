import { z } from 'zod';
import { localDateSchema } from '../recovery/intake.schemas';
import { mutualHelpGroupIds } from './plan-groups';
import { watchDaysMax, watchDaysMin, watchSignals } from './warning-sign-watch';

/**
 * The Continuing Recovery Plan (issue 7): relapse prevention written by the couple together
 * (Behavioral Couples Therapy, O'Farrell & Fals-Stewart 2006, "continuing recovery plan"; warning
 * signs and high-risk situations after Marlatt & Gordon's relapse-prevention model, 1985).
 *
 * - Each partner has a SECTION written only by its owner: nobody writes another person's warning
 *   signs. The other partner agrees to it by signing the version.
 * - The SHARED part (agreed lapse responses, external supports, mutual-help groups, the review
 *   date) may be changed by either partner.
 * - Every change makes a new version that needs both signatures again; the plan in force is the
 *   latest version signed by both. Versions are kept.
 */

const line = (what: string) => z.string().trim().min(1).max(300).describe(`${what} Encrypted at rest.`);
const lines = (what: string, max = 20) => z.array(line(what)).max(max).default([]);

export const warningSignKinds = ['thought', 'feeling', 'behaviour', 'situation'] as const;
export type WarningSignKind = (typeof warningSignKinds)[number];

export const warningSignWatchSchema = z
  .strictObject({
    signal: z.enum(watchSignals).describe('Which of my own daily check-in signals this warning sign watches.'),
    days: z.number().int().min(watchDaysMin).max(watchDaysMax).describe('Over how many days in a row.'),
  })
  .describe('Optional: lets the app notice this warning sign in my own check-ins and gently offer my plan, to me only.');
export type WarningSignWatch = z.infer<typeof warningSignWatchSchema>;

export const warningSignSchema = z.strictObject({
  kind: z.enum(warningSignKinds).describe('A thought, a feeling, a behaviour or a situation.'),
  text: line('The warning sign, in my own words.'),
  watch: warningSignWatchSchema.optional(),
});
export type WarningSign = z.infer<typeof warningSignSchema>;

/** One partner's own section, written only by that partner. */
export const planSectionInputSchema = z.strictObject({
  warningSigns: z.array(warningSignSchema).max(30).default([]),
  highRiskSituations: lines('A high-risk situation for me.'),
  iWillDo: lines('What I will do when I notice a warning sign or a high-risk situation.'),
  partnerCanDo: lines('What I would like my partner to do.'),
  partnerWillNot: lines('What my partner agrees NOT to do (no policing, no interrogation).'),
});
export type PlanSectionInput = z.input<typeof planSectionInputSchema>;
export type PlanSectionContent = z.output<typeof planSectionInputSchema>;

export const supportRoles = ['sponsor', 'counsellor', 'clinic', 'crisis-line', 'other'] as const;
export type SupportRole = (typeof supportRoles)[number];

/** A phone number as people write it: digits, spaces, dashes, brackets, an optional leading +. */
export const planPhoneSchema = z
  .string()
  .trim()
  .max(30)
  .regex(/^(\+?[0-9][0-9 ().-]*[0-9])?$/, 'Use digits, spaces, dashes or brackets, with an optional leading +.')
  .describe('Phone number for tap to call or text; empty when none. Encrypted at rest.');

export const planSupportSchema = z
  .strictObject({
    name: z.string().trim().min(1).max(100).describe('Who (a name or a service). Encrypted at rest.'),
    role: z.enum(supportRoles),
    phone: planPhoneSchema.default(''),
    email: z
      .union([z.literal(''), z.email().max(200)])
      .default('')
      .describe('E-mail address; empty when none. Encrypted at rest.'),
  })
  .refine((support) => support.phone !== '' || support.email !== '', {
    message: 'Add a phone number or an e-mail address, so the support can be reached in one tap.',
    path: ['phone'],
  });
export type PlanSupport = z.output<typeof planSupportSchema>;

export const groupAttendanceValues = ['attends', 'wants-to-try'] as const;

export const planGroupInputSchema = z
  .strictObject({
    groupId: z.enum(mutualHelpGroupIds).describe('A group from the list (core/src/setbacks/plan-groups.ts), or `other`.'),
    name: z.string().trim().max(100).default('').describe('For `other`: the group’s name. Encrypted at rest.'),
    who: z.enum(['me', 'my-partner', 'both']).describe('Who attends or wants to try it, from the writer’s point of view.'),
    attendance: z.enum(groupAttendanceValues),
  })
  .refine((group) => group.groupId !== 'other' || group.name !== '', { message: 'Name the group.', path: ['name'] });

export const lapseResponsesSchema = z.strictObject({
  firstHour: lines('What we agree to do in the first hour after a lapse.'),
  firstDay: lines('What we agree to do on the first day.'),
  firstWeek: lines('What we agree to do in the first week.'),
});
export type LapseResponses = z.output<typeof lapseResponsesSchema>;

export const planSharedInputSchema = z.strictObject({
  lapseResponses: lapseResponsesSchema,
  supports: z.array(planSupportSchema).max(20).default([]),
  groups: z.array(planGroupInputSchema).max(20).default([]),
  reviewDate: localDateSchema.nullable().describe('When we look at the plan again together; null when not set.'),
});
export type PlanSharedInput = z.input<typeof planSharedInputSchema>;
export type PlanSharedValues = z.output<typeof planSharedInputSchema>;

const baseVersionId = z
  .uuid()
  .nullable()
  .optional()
  .describe(
    'The version this edit starts from (null for the first). When given and someone saved a newer version meanwhile, the edit is refused with 409 (conflict) instead of overwriting it.',
  );

/** Body of PUT /api/couple/plan/my-section: only ever the writer's own section. */
export const mySectionInputSchema = z.strictObject({ baseVersionId, section: planSectionInputSchema });
export type MySectionInput = z.input<typeof mySectionInputSchema>;

/** Body of PUT /api/couple/plan/shared. */
export const planSharedUpdateSchema = z.strictObject({ baseVersionId, shared: planSharedInputSchema });
export type PlanSharedUpdate = z.input<typeof planSharedUpdateSchema>;

// Answers -----------------------------------------------------------------------------------

export const planSectionSchema = z.object({
  partnerId: z.uuid(),
  warningSigns: z.array(warningSignSchema),
  highRiskSituations: z.array(z.string()),
  iWillDo: z.array(z.string()),
  partnerCanDo: z.array(z.string()),
  partnerWillNot: z.array(z.string()),
});
export type PlanSection = z.infer<typeof planSectionSchema>;

export const planGroupSchema = z.object({
  groupId: z.enum(mutualHelpGroupIds),
  name: z.string().describe('The listed group’s name, or the name the couple gave an `other` group.'),
  finderUrl: z.string().nullable().describe('The group’s public meeting finder; null for `other`.'),
  people: z.array(z.uuid()).describe('Who attends or wants to try it.'),
  attendance: z.enum(groupAttendanceValues),
});
export type PlanGroup = z.infer<typeof planGroupSchema>;

export const planSharedSchema = z.object({
  lapseResponses: z.object({ firstHour: z.array(z.string()), firstDay: z.array(z.string()), firstWeek: z.array(z.string()) }),
  supports: z.array(z.object({ name: z.string(), role: z.enum(supportRoles), phone: z.string(), email: z.string() })),
  groups: z.array(planGroupSchema),
  reviewDate: localDateSchema.nullable(),
});
export type PlanShared = z.infer<typeof planSharedSchema>;

export const planVersionSchema = z.object({
  id: z.uuid(),
  version: z.number().int().min(1),
  change: z.enum(['section', 'shared']).describe('What this version changed: its writer’s own section, or the shared part.'),
  sections: z.array(planSectionSchema).describe('Each partner’s own section, mine first; a partner who wrote none yet has none.'),
  shared: planSharedSchema,
  createdBy: z.uuid().nullable().describe('Who saved this version.'),
  createdAt: z.iso.datetime(),
  signatures: z.array(z.object({ partnerId: z.uuid(), signedAt: z.iso.datetime() })),
  signedByBothAt: z.iso.datetime().nullable(),
  can: z.object({ sign: z.boolean().describe('I have not signed this version, and it is the latest one.') }),
});
export type PlanVersion = z.infer<typeof planVersionSchema>;

export const planReviewStates = ['none', 'upcoming', 'due', 'in-progress'] as const;
export type PlanReviewState = (typeof planReviewStates)[number];

export const planSchema = z.object({
  active: planVersionSchema.nullable().describe('The latest version signed by both: the plan in force.'),
  latest: planVersionSchema.nullable().describe('The newest version; when it differs from `active`, it waits for signatures.'),
  review: z.object({
    state: z
      .enum(planReviewStates)
      .describe(
        'none: no plan in force or no review date; upcoming: the date is ahead; due: the date has come (show the reminder); in-progress: a new draft after the date waits for signatures.',
      ),
    reviewDate: localDateSchema.nullable().describe('The review date of the plan in force.'),
    today: localDateSchema.describe('Today in my own time zone.'),
  }),
  can: z.object({
    editMySection: z.boolean(),
    editShared: z.boolean(),
  }),
});
export type Plan = z.infer<typeof planSchema>;

export const planHistorySchema = z.object({ versions: z.array(planVersionSchema).describe('Newest first.') });
export const planVersionParamsSchema = z.strictObject({ id: z.uuid() });

/**
 * My own part of the plan, for my own flows ("I'm struggling", the lapse report's next steps):
 * my section, the shared lapse responses, supports and groups. Never the partner's section.
 */
export const myPlanPartSchema = z.object({
  versionId: z.uuid(),
  version: z.number().int(),
  status: z.enum(['in-force', 'draft']).describe('in-force: signed by both; draft: no version signed by both yet, the newest is shown.'),
  mySection: planSectionSchema.nullable(),
  lapseResponses: planSharedSchema.shape.lapseResponses,
  supports: planSharedSchema.shape.supports,
  groups: z.array(planGroupSchema),
});
export type MyPlanPart = z.infer<typeof myPlanPartSchema>;

// Suggestions from my own data ---------------------------------------------------------------

export const planSuggestionKinds = ['conflict-then-craving', 'poor-sleep-craving', 'stress-craving', 'frequent-trigger'] as const;
export type PlanSuggestionKind = (typeof planSuggestionKinds)[number];

export const planSuggestionSchema = z.object({
  id: z.string().describe('Stable for the same finding, e.g. "frequent-trigger:<trigger id>".'),
  kind: z.enum(planSuggestionKinds),
  basedOnDays: z.number().int().describe('How many of my own days the finding rests on.'),
  figures: z
    .object({
      compared: z
        .number()
        .int()
        .optional()
        .describe('Days in the group the finding is about (e.g. high-conflict days followed by a check-in).'),
      others: z.number().int().optional().describe('The other days it is compared with.'),
      averageAfter: z.number().optional().describe('Average craving (0-10) on/after the days the finding is about.'),
      averageOtherwise: z.number().optional().describe('Average craving (0-10) on/after the other days.'),
      times: z.number().int().optional().describe('On how many different days the trigger was logged.'),
      triggerLabel: z.string().optional().describe('The trigger, in my own words (my own trigger list).'),
    })
    .describe('The numbers the suggestion rests on, shown with it.'),
  warningSign: z
    .object({ kind: z.enum(warningSignKinds), watch: warningSignWatchSchema.optional() })
    .describe('The warning sign one tap adds to my section; the app words its text in my language from `kind` and `figures`.'),
});
export type PlanSuggestion = z.infer<typeof planSuggestionSchema>;

export const planSuggestionListSchema = z.object({
  suggestions: z.array(planSuggestionSchema),
  lookedAtDays: z.number().int().describe('How many days of my own check-ins were looked at.'),
});
export type PlanSuggestionList = z.infer<typeof planSuggestionListSchema>;

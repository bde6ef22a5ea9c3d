import { z } from 'zod';
import { localDateSchema } from '../recovery/intake.schemas';

/**
 * The Recovery Contract (Behavioral Couples Therapy, O'Farrell & Fals-Stewart 2006) and its daily
 * Trust Discussion calendar. The couple writes the contract together; each partner in recovery
 * writes their own part (intention, medication, meetings) in their own words. Every change makes a
 * new version, which needs both signatures again; the active contract is the latest version
 * signed by both.
 *
 * The agreed time is a wall-clock time applied in EACH partner's own time zone (a couple living
 * or travelling apart still talks "at 20:30" on each calendar), and each partner's days are their
 * own calendar days, as everywhere in Twofold.
 */

export const discussionTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time, HH:MM.')
  .describe('The agreed time of the daily Trust Discussion, HH:MM, in each partner’s own time zone.');

export const contractPartInputSchema = z.strictObject({
  intention: z
    .string()
    .trim()
    .min(1)
    .max(500)
    .describe('My intention statement, in my own words (e.g. "I intend to stay sober today"). Encrypted at rest.'),
  medication: z
    .string()
    .trim()
    .max(200)
    .default('')
    .describe('Optional: the medication I take as prescribed, named by me; empty when none. Encrypted at rest.'),
  meetings: z.string().trim().max(500).default('').describe('Meetings or support groups I go to. Encrypted at rest.'),
});
export type ContractPartInput = z.input<typeof contractPartInputSchema>;

export const contractInputSchema = z.strictObject({
  baseVersionId: z
    .uuid()
    .nullable()
    .optional()
    .describe(
      'The version this edit starts from (null for the first). When given and someone saved a newer version meanwhile, the edit is refused with 409 (conflict) instead of overwriting it.',
    ),
  discussionTime: discussionTimeSchema,
  otherItems: z
    .array(z.string().trim().min(1).max(300))
    .max(20)
    .default([])
    .describe('Other items we agree on, one per entry. Encrypted at rest.'),
  keepPastUseInSessions: z
    .boolean()
    .describe('We agree not to discuss past or possible future use outside therapy sessions (part of the classic contract).'),
  myPart: contractPartInputSchema
    .nullable()
    .optional()
    .describe(
      'My own part, when I am in recovery (my intake says so). Absent: my part stays as it is. Null: I remove my part. The other partner’s part is never written here.',
    ),
});
export type ContractInput = z.input<typeof contractInputSchema>;

export const contractPartSchema = z.object({
  partnerId: z.uuid(),
  intention: z.string(),
  medication: z.string(),
  meetings: z.string(),
});

export const contractVersionSchema = z.object({
  id: z.uuid(),
  version: z.number().int().min(1),
  discussionTime: discussionTimeSchema,
  otherItems: z.array(z.string()),
  keepPastUseInSessions: z.boolean(),
  parts: z.array(contractPartSchema).describe('One part per partner in recovery; in dual-recovery couples two.'),
  createdBy: z.uuid().nullable().describe('Who saved this version.'),
  createdAt: z.iso.datetime(),
  signatures: z.array(z.object({ partnerId: z.uuid(), signedAt: z.iso.datetime() })),
  signedByBothAt: z.iso.datetime().nullable(),
  can: z.object({ sign: z.boolean().describe('I have not signed this version, and it is the latest one.') }),
});
export type ContractVersion = z.infer<typeof contractVersionSchema>;

export const contractSchema = z.object({
  active: contractVersionSchema.nullable().describe('The latest version signed by both: the contract in force.'),
  latest: contractVersionSchema.nullable().describe('The newest version; when it differs from `active`, it waits for signatures.'),
  partners: z
    .array(z.object({ partnerId: z.uuid(), inRecovery: z.boolean(), hasPart: z.boolean() }))
    .describe('Both partners: in recovery (from each one’s own intake) and whether the latest version has their part.'),
  can: z.object({ writeMyPart: z.boolean().describe('My intake says I am in recovery.') }),
});
export type Contract = z.infer<typeof contractSchema>;

export const contractHistorySchema = z.object({ versions: z.array(contractVersionSchema).describe('Newest first.') });
export const contractVersionParamsSchema = z.strictObject({ id: z.uuid() });

// The daily Trust Discussion --------------------------------------------------------------

export const trustDayStatusSchema = z
  .enum(['done', 'partly', 'missed', 'pending'])
  .describe('done: every part recorded; partly: over, some recorded; missed: over, none; pending: still going on for someone.');

export const trustPartInputSchema = z.strictObject({
  stated: z.boolean().describe('I stated my intention today (only a partner in recovery in the active contract).'),
  thanked: z.boolean().describe('I thanked my partner for their intention (only when my partner states one).'),
});
export type TrustPartInput = z.infer<typeof trustPartInputSchema>;

export const trustDateParamsSchema = z.strictObject({ date: localDateSchema });

export const trustRangeQuerySchema = z
  .strictObject({ from: localDateSchema, to: localDateSchema })
  .refine((r) => r.from <= r.to, { message: '"from" must not be after "to".', path: ['from'] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= 400 * 86_400_000, { message: 'Ask for at most 400 days at once.', path: ['to'] });

export const trustDaySchema = z.object({
  date: localDateSchema,
  status: trustDayStatusSchema,
  parts: z.array(z.object({ partnerId: z.uuid(), stated: z.boolean(), thanked: z.boolean() })),
});

export const trustRoleSchema = z.object({
  partnerId: z.uuid(),
  states: z.boolean().describe('This partner states the intention.'),
  thanks: z.boolean().describe('This partner thanks the other.'),
  intention: z.string().nullable().describe('Their intention, in their own words, from the active contract.'),
  today: localDateSchema.describe('Today in this partner’s own time zone.'),
});

export const trustCalendarSchema = z.object({
  contractVersionId: z.uuid().nullable().describe('The active contract; null while none is signed by both (nothing to record yet).'),
  discussionTime: discussionTimeSchema.nullable(),
  start: localDateSchema.nullable().describe('The first day that counts: the day the contract was first signed by both.'),
  roles: z.array(trustRoleSchema),
  days: z.array(trustDaySchema).describe('Oldest first, only days from `start` up to today.'),
  streak: z.object({ current: z.number().int(), best: z.number().int() }),
});
export type TrustCalendar = z.infer<typeof trustCalendarSchema>;

export const myTrustPartSchema = z.object({
  date: localDateSchema,
  stated: z.boolean(),
  thanked: z.boolean(),
  status: trustDayStatusSchema.describe('The day’s status after this change.'),
});

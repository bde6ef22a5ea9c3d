import { z } from 'zod';
import { noControlCharacters } from '../auth/auth.schemas';
import { localDateSchema } from '../recovery/intake.schemas';
import { allowedAudiences, dataKindIds, type DataKind } from '../sharing/data-kinds';

/**
 * Consent records (issue 8), in the spirit of 42 CFR Part 2 (§2.31: who may receive what, for
 * what purpose, until when; revocable). A partner grants ONE program access to one kind of their
 * data; the care-team side of a sharing setting is backed by such a record while the person is in
 * a program. Single entries told to the care team (a lapse report, a journal entry) are their own
 * explicit disclosure, entry by entry, and are listed with the accesses to them.
 */
export const consentPurposes = ['treatment', 'care-coordination', 'progress-reporting'] as const;
export const consentPurposeSchema = z
  .enum(consentPurposes)
  .describe('Why the program may see it: treatment, care coordination within the program, or progress reporting.');
export type ConsentPurpose = z.infer<typeof consentPurposeSchema>;

/** A consent lasts one year unless the person picks a date; at most two years, then it is renewed. */
export const defaultConsentDays = 365;
export const maxConsentDays = 730;

/** Kinds a program may be given access to as a whole: those whose setting can include the care team. */
export const consentableKinds = dataKindIds.filter((kind) => allowedAudiences(kind).includes('care-team')) as [DataKind, ...DataKind[]];
export const consentableKindSchema = z.enum(consentableKinds).describe('A kind of data that can be shared with the care team as a whole.');

export const consentTermsSchema = z.strictObject({
  purpose: consentPurposeSchema,
  purposeNote: z
    .string()
    .trim()
    .max(300)
    .regex(noControlCharacters, { message: 'Use letters, numbers, spaces and punctuation only.' })
    .optional()
    .describe('Optional words of the person about the purpose (encrypted at rest).'),
  until: localDateSchema
    .optional()
    .describe(
      `Last day the consent holds, in the person’s time zone; default ${defaultConsentDays} days ahead, at most ${maxConsentDays}.`,
    ),
});
export type ConsentTerms = z.infer<typeof consentTermsSchema>;

export const grantConsentInputSchema = consentTermsSchema.extend({
  programId: z.uuid().describe('The program receiving access.'),
  kinds: z.array(consentableKindSchema).min(1).max(consentableKinds.length).describe('The kinds of data the program may see.'),
});
export type GrantConsentInput = z.infer<typeof grantConsentInputSchema>;

/** Accepting a program's invitation, with the consent form filled in (kinds may be empty: consent later). */
export const enrollmentConsentInputSchema = consentTermsSchema.extend({
  kinds: z.array(consentableKindSchema).max(consentableKinds.length).describe('The kinds of data the program may see; empty for none yet.'),
});
export type EnrollmentConsentInput = z.infer<typeof enrollmentConsentInputSchema>;

export const acceptEnrollmentInputSchema = z.strictObject({
  consent: enrollmentConsentInputSchema.optional().describe('My consent to the program, given as I accept; none when left out.'),
});
export type AcceptEnrollmentInput = z.infer<typeof acceptEnrollmentInputSchema>;

export const consentStatusSchema = z
  .enum(['current', 'expired', 'revoked', 'renewed', 'left-program'])
  .describe('current; expired (its date passed); revoked (by the person); renewed (replaced by a newer one); left-program.');
export type ConsentStatus = z.infer<typeof consentStatusSchema>;

export const consentAccessSchema = z.object({
  at: z.iso.datetime(),
  viewer: z.object({ id: z.uuid(), displayName: z.string() }),
  kind: z.string().describe('The kind of data that was read.'),
});
export type ConsentAccess = z.infer<typeof consentAccessSchema>;

export const consentSchema = z.object({
  id: z.uuid(),
  program: z.object({ id: z.uuid(), name: z.string() }),
  kind: consentableKindSchema,
  purpose: consentPurposeSchema,
  purposeNote: z.string().nullable(),
  grantedAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().describe('The moment it stops holding: the start of the day after "until", in the person’s time zone.'),
  endedAt: z.iso.datetime().nullable(),
  status: consentStatusSchema,
  accesses: z.array(consentAccessSchema).describe('Every read made under this consent, newest first (from the audit trail).'),
  can: z.object({ revoke: z.boolean() }),
});
export type Consent = z.infer<typeof consentSchema>;

export const consentsSchema = z.object({
  consents: z.array(consentSchema),
  entryDisclosures: z
    .array(consentAccessSchema.extend({ program: z.object({ id: z.uuid(), name: z.string() }).nullable() }))
    .describe('Reads by the care team of single entries the person told them (lapse reports, journal entries), newest first.'),
  programs: z
    .array(z.object({ id: z.uuid(), name: z.string() }))
    .describe('Programs the person is in now (accepted enrollment): where a new consent can go.'),
});
export type Consents = z.infer<typeof consentsSchema>;

export const consentParamsSchema = z.strictObject({ consentId: z.uuid() });

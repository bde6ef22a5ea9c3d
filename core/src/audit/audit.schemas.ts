import { z } from 'zod';
import { dataKindSchema } from '../sharing/sharing.schemas';

export const auditPurposeSchema = z
  .enum(['partner-support', 'treatment'])
  .describe('Why the data was accessed: partner-support (the partner, under sharing) or treatment (care team).');

/**
 * Records about a person that are not kinds of data they share, but that the care team reads or
 * writes on their behalf (safety alerts, schedules, reopening joint features): audited all the same.
 */
export const careRecordKinds = [
  'safety-alerts',
  'assessment-schedules',
  'safety-screen',
  'care-sessions',
  'care-homework',
  'session-notes',
] as const;

/**
 * Views of the care team derived from several kinds at once (issue 8): one audit row per person per
 * view, its kind written `<view>:<kind>+<kind>` and shown as the view with the kinds in `basedOn`.
 */
export const derivedViewKinds = ['caseload-flags', 'couple-overview'] as const;

export const accessEventSchema = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  viewer: z.object({ id: z.uuid(), displayName: z.string(), relation: z.enum(['partner', 'clinician', 'former-partner']) }),
  kind: z.union([dataKindSchema, z.enum(careRecordKinds), z.enum(derivedViewKinds)]),
  basedOn: z
    .array(z.union([dataKindSchema, z.enum(careRecordKinds)]))
    .optional()
    .describe('For a view derived from several kinds (caseload flags, couple overview): the kinds it used.'),
  action: z.enum(['read']),
  purpose: auditPurposeSchema,
});
export type AccessEvent = z.infer<typeof accessEventSchema>;

export const accessEventsSchema = z.object({ events: z.array(accessEventSchema) });

import { z } from 'zod';
import { dataKindSchema } from '../sharing/sharing.schemas';

export const auditPurposeSchema = z
  .enum(['partner-support', 'treatment'])
  .describe('Why the data was accessed: partner-support (the partner, under sharing) or treatment (care team).');

export const accessEventSchema = z.object({
  id: z.string(),
  at: z.iso.datetime(),
  viewer: z.object({ id: z.uuid(), displayName: z.string(), relation: z.enum(['partner', 'clinician', 'former-partner']) }),
  kind: dataKindSchema,
  action: z.enum(['read']),
  purpose: auditPurposeSchema,
});
export type AccessEvent = z.infer<typeof accessEventSchema>;

export const accessEventsSchema = z.object({ events: z.array(accessEventSchema) });

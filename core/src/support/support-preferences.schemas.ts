import { z } from 'zod';

const answer = z.string().trim().max(2000);

/** What helps a partner and what does not, in their own words (kind `support-preferences`). */
export const supportPreferencesInputSchema = z.strictObject({
  helps: answer.describe('What helps me when I am having a hard time.'),
  doesNotHelp: answer.describe('What does not help me, even when it is meant kindly.'),
});
export type SupportPreferencesInput = z.infer<typeof supportPreferencesInputSchema>;

export const supportPreferencesSchema = z.object({
  ownerId: z.uuid(),
  helps: z.string(),
  doesNotHelp: z.string(),
  updatedAt: z.iso.datetime().nullable(),
  can: z.object({ edit: z.boolean() }),
});
export type SupportPreferences = z.infer<typeof supportPreferencesSchema>;

export const partnerParamsSchema = z.strictObject({ partnerId: z.uuid() });

import { z } from 'zod';
import { audiences, dataKindIds } from './data-kinds';
import { consentTermsSchema } from '../programs/consent.schemas';

export const dataKindSchema = z.enum(dataKindIds).describe('A kind of data in the sharing registry.');
export const audienceSchema = z.enum(audiences).describe('Who may see this kind of data: private (only me), partner, care-team, or both.');

export const sharingSettingSchema = z.object({
  kind: dataKindSchema,
  audience: audienceSchema,
  updatedAt: z.iso.datetime().nullable().describe('When the setting last changed; null while it is the default.'),
  allowedAudiences: z.array(audienceSchema).describe('The choices this kind offers, e.g. the journal only "private".'),
});
export type SharingSetting = z.infer<typeof sharingSettingSchema>;

export const sharingSettingsSchema = z.object({ settings: z.array(sharingSettingSchema) });
export type SharingSettings = z.infer<typeof sharingSettingsSchema>;

export const updateSharingInputSchema = z.strictObject({
  audience: audienceSchema,
  consent: consentTermsSchema
    .optional()
    .describe(
      'When the audience includes the care team and I am in a program: the terms of my consent to the program (default: treatment, one year).',
    ),
});
export type UpdateSharingInput = z.infer<typeof updateSharingInputSchema>;

export const sharingKindParamsSchema = z.strictObject({ kind: dataKindSchema });

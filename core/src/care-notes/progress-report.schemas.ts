import { z } from 'zod';
import { localDateSchema } from '../recovery/intake.schemas';

/** How many days one progress report may cover. */
export const reportMaxDays = 366;

export const progressReportQuerySchema = z
  .strictObject({
    from: localDateSchema.describe('First day of the report.'),
    to: localDateSchema.describe('Last day of the report.'),
    partnerId: z.uuid().optional().describe('One partner only; without it, the couple.'),
  })
  .refine((range) => range.from <= range.to, { message: '"from" must not be after "to".', path: ['from'] })
  .refine((range) => Date.parse(range.to) - Date.parse(range.from) < reportMaxDays * 86_400_000, {
    message: `A report covers at most ${reportMaxDays} days.`,
    path: ['to'],
  });
export type ProgressReportQuery = z.infer<typeof progressReportQuerySchema>;

/**
 * The redisclosure notice printed on every page of a progress report: the statement that
 * 42 CFR § 2.32 required with each disclosure made with the patient's written consent, in its
 * 2018 wording (83 FR 239). The 2024 final rule (89 FR 12472) rewrites § 2.32; a program that
 * must use the new words changes this one constant.
 */
export const redisclosureNotice =
  'This information has been disclosed to you from records protected by federal confidentiality rules (42 CFR part 2). ' +
  'The federal rules prohibit you from making any further disclosure of information in this record that identifies a patient ' +
  'as having or having had a substance use disorder either directly, by reference to publicly available information, or through ' +
  'verification of such identification by another person unless further disclosure is expressly permitted by the written consent ' +
  'of the individual whose information is being disclosed or as otherwise permitted by 42 CFR part 2. A general authorization for ' +
  'the release of medical or other information is NOT sufficient for this purpose (see § 2.31). The federal rules restrict any ' +
  'use of the information to investigate or prosecute with regard to a crime any patient with a substance use disorder, except ' +
  'as provided at §§ 2.12(c)(5) and 2.65.';

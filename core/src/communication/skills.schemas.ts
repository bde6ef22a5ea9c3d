import { z } from 'zod';
import { localDateSchema } from '../recovery/intake.schemas';
import { blameKinds } from './blame-helper';
import { skillIds, skillLocales, skillSourceIds } from './skills';

/** The skills library and each partner's own practice log. Works for a partner on their own too. */
export const skillLocaleSchema = z.enum(skillLocales).describe('Language of the texts: en or es.');
export const skillsQuerySchema = z.strictObject({
  locale: skillLocaleSchema.optional().describe('Language of the texts; the person’s own language when left out.'),
});

export const skillSchema = z.object({
  id: z.enum(skillIds),
  title: z.string(),
  summary: z.string(),
  steps: z.array(z.string()),
  practicePrompt: z.string(),
  sources: z.array(z.object({ id: z.enum(skillSourceIds), citation: z.string() })),
  practice: z
    .object({ count: z.number().int(), lastDate: localDateSchema.nullable() })
    .describe('How often I marked this practice prompt done (my own record).'),
});
export type SkillView = z.infer<typeof skillSchema>;
export const skillListSchema = z.object({ locale: skillLocaleSchema, skills: z.array(skillSchema) });

export const practiceInputSchema = z.strictObject({ skillId: z.enum(skillIds).describe('The skill whose practice prompt I did.') });
export const practiceSchema = z.object({
  id: z.uuid(),
  skillId: z.enum(skillIds),
  date: localDateSchema,
  practicedAt: z.iso.datetime(),
});
export type Practice = z.infer<typeof practiceSchema>;
export const practiceListSchema = z.object({ practices: z.array(practiceSchema) });

export const checkDraftInputSchema = z.strictObject({
  draft: z.string().max(2000).describe('The words to check. Never stored or logged.'),
  locale: skillLocaleSchema.default('en').describe('Language of the suggested template.'),
});
export const draftCheckSchema = z.object({
  findings: z.array(
    z.object({
      start: z.number().int().describe('UTF-16 offset where the pattern starts.'),
      end: z.number().int().describe('UTF-16 offset just after it.'),
      kind: z.enum(blameKinds),
    }),
  ),
  suggestion: z.object({ template: z.string(), parts: z.array(z.string()) }).nullable(),
});

import { z } from 'zod';
import { substances } from './substances';

export const localDateSchema = z.iso.date().describe('A calendar day in the person’s own time zone, YYYY-MM-DD.');

export const relationshipPatterns = ['shared-use', 'enabling', 'caretaker-dependent', 'avoiding-conflict'] as const;
export type RelationshipPattern = (typeof relationshipPatterns)[number];

const freeText = (max: number) => z.string().trim().max(max);

/** Each partner's own intake: whether they are in recovery, from what, since when, and their support. */
export const intakeInputSchema = z.strictObject({
  inRecovery: z.boolean().describe('Whether I am in recovery myself. A supporting partner answers false.'),
  substances: z
    .array(z.enum(substances))
    .max(substances.length)
    .refine((list) => new Set(list).size === list.length, { message: 'Each substance once.' })
    .describe('Substances my recovery is about.'),
  otherSubstance: freeText(80).describe('When "other" is among the substances: what it is, in my words.'),
  recoveryStartDate: localDateSchema.nullable().describe('The day my current recovery began; counters start here.'),
  supportNote: freeText(2000).describe('Support I already have: groups, people, treatment. Encrypted at rest.'),
});
export type IntakeInput = z.infer<typeof intakeInputSchema>;

export const intakeSchema = intakeInputSchema.extend({
  ownerId: z.uuid(),
  updatedAt: z.iso.datetime().nullable(),
  can: z.object({ edit: z.boolean() }),
});
export type Intake = z.infer<typeof intakeSchema>;

/** A private reflection on the patterns around use in the relationship (kind `relationship-reflection`). */
export const patternAnswerSchema = z.enum(['not-at-all', 'sometimes', 'often', 'unsure']);
export const reflectionInputSchema = z.strictObject({
  patterns: z
    .strictObject({
      'shared-use': patternAnswerSchema.nullable(),
      enabling: patternAnswerSchema.nullable(),
      'caretaker-dependent': patternAnswerSchema.nullable(),
      'avoiding-conflict': patternAnswerSchema.nullable(),
    })
    .describe('How much each pattern fits us; null while unanswered.'),
  note: freeText(4000).describe('My own words about these patterns. Encrypted at rest.'),
});
export type ReflectionInput = z.infer<typeof reflectionInputSchema>;

export const reflectionSchema = reflectionInputSchema.extend({
  ownerId: z.uuid(),
  updatedAt: z.iso.datetime().nullable(),
  can: z.object({ edit: z.boolean() }),
});
export type Reflection = z.infer<typeof reflectionSchema>;

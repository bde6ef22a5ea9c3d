import { z } from 'zod';

const text = (max: number, what: string) => z.string().trim().max(max).default('').describe(`${what} Encrypted at rest.`);

/** A trigger on my own list (check-ins pick from it; the trigger log adds to it). */
export const triggerSchema = z.object({ id: z.uuid(), label: z.string(), timesLogged: z.number().int() });
export type Trigger = z.infer<typeof triggerSchema>;
export const triggerListSchema = z.object({ triggers: z.array(triggerSchema) });
export const newTriggerInputSchema = z.strictObject({ label: z.string().trim().min(1).max(60) });

/** One entry in the trigger log. */
export const triggerEntryInputSchema = z.strictObject({
  occurredAt: z.iso.datetime({ offset: true }).describe('When it happened.'),
  triggerLabel: z.string().trim().min(1).max(60).describe('What set it off, in a few words; added to my trigger list.'),
  situation: text(1000, 'What was happening.'),
  people: text(200, 'Who was there.'),
  place: text(200, 'Where I was.'),
  feeling: text(200, 'What I felt.'),
  aboutRelationship: z.boolean().describe('Whether it was about our relationship.'),
  intensity: z.number().int().min(0).max(10).describe('How strong the urge or feeling was, 0 to 10.'),
  whatIDid: text(1000, 'What I did.'),
  outcome: z.enum(['helped', 'partly', 'did-not-help', 'not-sure']).describe('How it went.'),
});
export type TriggerEntryInput = z.input<typeof triggerEntryInputSchema>;

export const triggerEntrySchema = z.object({
  id: z.uuid(),
  occurredAt: z.iso.datetime(),
  triggerId: z.uuid(),
  triggerLabel: z.string(),
  situation: z.string(),
  people: z.string(),
  place: z.string(),
  feeling: z.string(),
  aboutRelationship: z.boolean(),
  intensity: z.number().int(),
  whatIDid: z.string(),
  outcome: z.enum(['helped', 'partly', 'did-not-help', 'not-sure']),
  can: z.object({ edit: z.boolean() }),
});
export type TriggerEntry = z.infer<typeof triggerEntrySchema>;
export const triggerEntryListSchema = z.object({ ownerId: z.uuid(), entries: z.array(triggerEntrySchema) });

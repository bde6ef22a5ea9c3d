import { z } from 'zod';

/**
 * The private journal. Entries are encrypted at rest and never visible to the partner; a single
 * entry can be shared with the care team by its owner, and unshared again.
 */
export const journalEntryInputSchema = z.strictObject({
  title: z.string().trim().max(120).default(''),
  body: z.string().trim().min(1, { message: 'Write something first.' }).max(20_000),
});
export type JournalEntryInput = z.input<typeof journalEntryInputSchema>;

export const journalEntrySchema = z.object({
  id: z.uuid(),
  title: z.string(),
  body: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  sharedWithCareTeam: z.boolean(),
  can: z.object({ edit: z.boolean() }),
});
export type JournalEntry = z.infer<typeof journalEntrySchema>;

export const journalListSchema = z.object({ entries: z.array(journalEntrySchema) });
export const journalSearchQuerySchema = z.strictObject({ q: z.string().trim().max(100).optional() });
export const journalShareInputSchema = z.strictObject({ sharedWithCareTeam: z.boolean() });

import { z } from 'zod';
import { localDateSchema } from '../recovery/intake.schemas';

/**
 * Session notes: written by a clinician of the couple's program after a session. A `joint` note is
 * about the couple and can be shared with both partners (read-only) once signed; an `individual`
 * note is about one partner, belongs to that partner's record and is never shown to the other
 * partner. Edits keep every version; signing locks the note (later words go into an addendum).
 */
export const sessionNoteScopes = ['joint', 'individual'] as const;
export const sessionNoteScopeSchema = z.enum(sessionNoteScopes).describe('joint: about the couple; individual: about one partner.');
export type SessionNoteScope = z.infer<typeof sessionNoteScopeSchema>;

const noteBody = z
  .string()
  .trim()
  .min(1, { message: 'Write the note first.' })
  .max(20_000, { message: 'Keep a note under 20,000 characters.' })
  .describe('The note, plain text. Stored encrypted.');

export const sessionNoteInputSchema = z
  .strictObject({
    scope: sessionNoteScopeSchema,
    partnerId: z.uuid().optional().describe('Individual notes: the partner the note is about. Not sent for joint notes.'),
    sessionDate: localDateSchema.describe('The day of the session.'),
    sessionId: z
      .uuid()
      .optional()
      .describe('The care session this note records (one of the couple’s sessions, of the same kind: joint, or with that partner).'),
    body: noteBody,
  })
  .refine((note) => (note.scope === 'individual') === (note.partnerId !== undefined), {
    message: 'An individual note names the partner it is about; a joint note names nobody.',
    path: ['partnerId'],
  });
export type SessionNoteInput = z.infer<typeof sessionNoteInputSchema>;

export const sessionNoteEditInputSchema = z.strictObject({
  body: noteBody,
  baseVersion: z
    .number()
    .int()
    .min(1)
    .max(100_000)
    .describe('The version this edit starts from. When someone saved a newer one meanwhile, the edit is refused (409).'),
});
export type SessionNoteEditInput = z.infer<typeof sessionNoteEditInputSchema>;

export const sessionNoteAddendumInputSchema = z.strictObject({ body: noteBody });
export const sessionNoteSharingInputSchema = z.strictObject({
  sharedWithCouple: z.boolean().describe('Share a signed joint note with both partners (read-only in their app), or stop sharing it.'),
});

export const sessionNoteParamsSchema = z.strictObject({ programId: z.uuid(), coupleId: z.uuid(), noteId: z.uuid() });
export const coupleCareParamsSchema = z.strictObject({ programId: z.uuid(), coupleId: z.uuid() });

const personSchema = z.object({ id: z.uuid(), displayName: z.string() });

export const sessionNoteAddendumSchema = z.object({
  id: z.uuid(),
  body: z.string(),
  author: personSchema,
  createdAt: z.iso.datetime(),
});

export const sessionNoteSchema = z.object({
  id: z.uuid(),
  programId: z.uuid(),
  coupleId: z.uuid(),
  scope: sessionNoteScopeSchema,
  about: z.array(personSchema).describe('Whose record the note is part of: one partner (individual) or both (joint).'),
  sessionDate: localDateSchema,
  sessionId: z.uuid().nullable().describe('The care session the note records, when linked.'),
  body: z.string().describe('The latest version.'),
  version: z.number().int().describe('The number of the latest version (1 for a note never edited).'),
  author: personSchema,
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  signedAt: z.iso.datetime().nullable(),
  signedBy: personSchema.nullable(),
  sharedWithCoupleAt: z.iso.datetime().nullable(),
  addenda: z.array(sessionNoteAddendumSchema),
  can: z.object({
    edit: z.boolean(),
    sign: z.boolean(),
    share: z.boolean().describe('Share with the couple, or stop sharing: the author, for a signed joint note.'),
    addAddendum: z.boolean(),
  }),
});
export type SessionNote = z.infer<typeof sessionNoteSchema>;

export const sessionNoteListSchema = z.object({
  coupleId: z.uuid(),
  partners: z
    .array(personSchema)
    .describe('The partners in the clinician’s care in this program (accepted enrollment), for writing notes.'),
  notes: z.array(sessionNoteSchema).describe('Newest session first.'),
  can: z.object({ writeJoint: z.boolean(), writeIndividual: z.boolean() }),
});
export type SessionNoteList = z.infer<typeof sessionNoteListSchema>;

export const sessionNoteVersionSchema = z.object({
  version: z.number().int(),
  body: z.string(),
  writtenBy: personSchema,
  writtenAt: z.iso.datetime(),
});
export const sessionNoteVersionListSchema = z.object({
  noteId: z.uuid(),
  versions: z.array(sessionNoteVersionSchema).describe('Oldest first.'),
});
export type SessionNoteVersion = z.infer<typeof sessionNoteVersionSchema>;

/** A joint note as the partners see it once shared with them: read-only, the signed text. */
export const sharedSessionNoteSchema = z.object({
  id: z.uuid(),
  sessionDate: localDateSchema,
  body: z.string(),
  author: z.object({ displayName: z.string() }),
  programName: z.string(),
  signedAt: z.iso.datetime(),
  sharedAt: z.iso.datetime(),
});
export const sharedSessionNoteListSchema = z.object({ notes: z.array(sharedSessionNoteSchema) });
export type SharedSessionNote = z.infer<typeof sharedSessionNoteSchema>;

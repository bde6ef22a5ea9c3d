import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  coupleCareParamsSchema,
  sessionNoteAddendumInputSchema,
  sessionNoteEditInputSchema,
  sessionNoteInputSchema,
  sessionNoteListSchema,
  sessionNoteParamsSchema,
  sessionNoteSchema,
  sessionNoteSharingInputSchema,
  sessionNoteVersionListSchema,
  sharedSessionNoteListSchema,
} from '@twofold/core/care-notes/session-note.schemas';
import type { Db } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import {
  addSessionNoteAddendum,
  editSessionNote,
  findSessionNotes,
  findSessionNoteVersions,
  findSharedSessionNotes,
  setSessionNoteSharing,
  signSessionNote,
  writeSessionNote,
} from './session-notes.service';

const tags = ['session notes'];
const who =
  'An active clinician of the program (two-step sign-in), about people of the couple in their care there (accepted, ' +
  'not ended enrollment); anyone else 404, like a couple that does not exist.';
const base = '/api/programs/:programId/couples/:coupleId/notes';

export const sessionNotesRoutes: FastifyPluginAsyncZod<{ db: Db; cipher: Cipher }> = async (app, { db, cipher }) => {
  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'A couple’s session notes (clinician)',
        description: `${who} Audited as a clinical-record read of each person whose notes are listed.`,
        params: coupleCareParamsSchema,
        response: { 200: sessionNoteListSchema },
      },
    },
    async (request) => findSessionNotes(db, cipher, request.actor, request.params.programId, request.params.coupleId),
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Write a session note, joint or about one partner (clinician)',
        description: who,
        params: coupleCareParamsSchema,
        body: sessionNoteInputSchema,
        response: { 201: sessionNoteSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await writeSessionNote(db, cipher, request.actor, request.params.programId, request.params.coupleId, request.body)),
  );

  app.put(
    `${base}/:noteId`,
    {
      schema: {
        tags,
        summary: 'Edit my unsigned note: a new version, earlier ones kept',
        description: `${who} Only the author, only before signing (409 after, or when the note changed since baseVersion).`,
        params: sessionNoteParamsSchema,
        body: sessionNoteEditInputSchema,
        response: { 200: sessionNoteSchema },
      },
    },
    async (request) => {
      const { programId, coupleId, noteId } = request.params;
      return editSessionNote(db, cipher, request.actor, programId, coupleId, noteId, request.body);
    },
  );

  app.get(
    `${base}/:noteId/versions`,
    {
      schema: {
        tags,
        summary: 'Every version of a note (clinician)',
        description: `${who} Audited as a clinical-record read.`,
        params: sessionNoteParamsSchema,
        response: { 200: sessionNoteVersionListSchema },
      },
    },
    async (request) => {
      const { programId, coupleId, noteId } = request.params;
      return findSessionNoteVersions(db, cipher, request.actor, programId, coupleId, noteId);
    },
  );

  app.post(
    `${base}/:noteId/signature`,
    {
      schema: {
        tags,
        summary: 'Sign my note: it is locked from then on',
        description: `${who} Only the author, once.`,
        params: sessionNoteParamsSchema,
        response: { 200: sessionNoteSchema },
      },
    },
    async (request) => {
      const { programId, coupleId, noteId } = request.params;
      return signSessionNote(db, cipher, request.actor, programId, coupleId, noteId);
    },
  );

  app.post(
    `${base}/:noteId/addenda`,
    {
      schema: {
        tags,
        summary: 'Add an addendum to a signed note (clinician)',
        description: who,
        params: sessionNoteParamsSchema,
        body: sessionNoteAddendumInputSchema,
        response: { 201: sessionNoteSchema },
      },
    },
    async (request, reply) => {
      const { programId, coupleId, noteId } = request.params;
      return reply.code(201).send(await addSessionNoteAddendum(db, cipher, request.actor, programId, coupleId, noteId, request.body.body));
    },
  );

  app.put(
    `${base}/:noteId/sharing`,
    {
      schema: {
        tags,
        summary: 'Share my signed joint note with the couple, or stop sharing it',
        description: `${who} Individual notes are never shared (409).`,
        params: sessionNoteParamsSchema,
        body: sessionNoteSharingInputSchema,
        response: { 200: sessionNoteSchema },
      },
    },
    async (request) => {
      const { programId, coupleId, noteId } = request.params;
      return setSessionNoteSharing(db, cipher, request.actor, programId, coupleId, noteId, request.body.sharedWithCouple);
    },
  );

  app.get(
    '/api/couple/session-notes',
    {
      schema: {
        tags,
        summary: 'Joint session notes our care team shared with us',
        description:
          'The current partners of a couple; only joint notes about this pair that the author signed and shared. ' +
          'Individual notes never appear here. 409 not-in-couple for anyone without a couple.',
        response: { 200: sharedSessionNoteListSchema },
      },
    },
    async (request) => ({ notes: await findSharedSessionNotes(db, cipher, request.actor) }),
  );
};

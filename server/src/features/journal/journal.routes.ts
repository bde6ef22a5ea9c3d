import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  journalEntryInputSchema,
  journalEntrySchema,
  journalListSchema,
  journalSearchQuerySchema,
  journalShareInputSchema,
} from '@twofold/core/recovery/journal.schemas';
import { idParamsSchema } from '@twofold/core/couples/couple.schemas';
import { partnerParamsSchema } from '@twofold/core/support/support-preferences.schemas';
import type { Db } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import {
  deleteJournalEntry,
  editJournalEntry,
  findJournalEntriesSharedWithCareTeam,
  findMyJournal,
  shareJournalEntry,
  writeJournalEntry,
} from './journal.service';

const tags = ['journal'];

export const journalRoutes: FastifyPluginAsyncZod<{ db: Db; cipher: Cipher }> = async (app, { db, cipher }) => {
  app.get(
    '/api/me/journal',
    {
      schema: {
        tags,
        summary: 'My journal, optionally searched',
        querystring: journalSearchQuerySchema,
        response: { 200: journalListSchema },
      },
    },
    async (request) => ({ entries: await findMyJournal(db, cipher, request.actor, request.query.q) }),
  );
  app.post(
    '/api/me/journal',
    { schema: { tags, summary: 'Write a journal entry', body: journalEntryInputSchema, response: { 201: journalEntrySchema } } },
    async (request, reply) =>
      reply
        .code(201)
        .send(await writeJournalEntry(db, cipher, request.actor, { title: request.body.title ?? '', body: request.body.body })),
  );
  app.put(
    '/api/me/journal/:id',
    {
      schema: {
        tags,
        summary: 'Edit a journal entry',
        params: idParamsSchema,
        body: journalEntryInputSchema,
        response: { 200: journalEntrySchema },
      },
    },
    async (request) =>
      editJournalEntry(db, cipher, request.actor, request.params.id, { title: request.body.title ?? '', body: request.body.body }),
  );
  app.put(
    '/api/me/journal/:id/sharing',
    {
      schema: {
        tags,
        summary: 'Share one entry with my care team, or stop',
        params: idParamsSchema,
        body: journalShareInputSchema,
        response: { 200: journalEntrySchema },
      },
    },
    async (request) => shareJournalEntry(db, cipher, request.actor, request.params.id, request.body.sharedWithCareTeam),
  );
  app.delete(
    '/api/me/journal/:id',
    { schema: { tags, summary: 'Delete a journal entry', params: idParamsSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteJournalEntry(db, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/people/:partnerId/journal',
    {
      schema: {
        tags,
        summary: 'Journal entries a person shared with their care team (clinicians only; 404 for anyone else)',
        params: partnerParamsSchema,
        response: { 200: journalListSchema },
      },
    },
    async (request) => ({ entries: await findJournalEntriesSharedWithCareTeam(db, cipher, request.actor, request.params.partnerId) }),
  );
};

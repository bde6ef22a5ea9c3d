import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  copingRunInputSchema,
  copingRunSchema,
  copingStatsSchema,
  supportContactInputSchema,
  supportContactListSchema,
  supportContactSchema,
} from '@twofold/core/recovery/coping.schemas';
import { idParamsSchema } from '@twofold/core/couples/couple.schemas';
import { partnerParamsSchema } from '@twofold/core/support/support-preferences.schemas';
import type { Db } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import { addSupportContact, deleteSupportContact, findCopingStats, findMySupportContacts, logCopingRun } from './coping.service';

const tags = ['coping'];

export const copingRoutes: FastifyPluginAsyncZod<{ db: Db; cipher: Cipher }> = async (app, { db, cipher }) => {
  app.post(
    '/api/me/coping-runs',
    { schema: { tags, summary: 'Log a run of a coping tool', body: copingRunInputSchema, response: { 201: copingRunSchema } } },
    async (request, reply) => reply.code(201).send(await logCopingRun(db, request.actor, request.body as Required<typeof request.body>)),
  );
  app.get(
    '/api/me/coping-runs',
    { schema: { tags, summary: 'My coping runs and which tools helped most', response: { 200: copingStatsSchema } } },
    async (request) => findCopingStats(db, request.actor, request.actor.userId),
  );
  app.get(
    '/api/people/:partnerId/coping-runs',
    {
      schema: {
        tags,
        summary: "Another person's coping runs, when shared with me",
        params: partnerParamsSchema,
        response: { 200: copingStatsSchema },
      },
    },
    async (request) => findCopingStats(db, request.actor, request.params.partnerId),
  );
  app.get(
    '/api/me/support-contacts',
    { schema: { tags, summary: 'My supports', response: { 200: supportContactListSchema } } },
    async (request) => ({
      contacts: await findMySupportContacts(db, cipher, request.actor),
    }),
  );
  app.post(
    '/api/me/support-contacts',
    { schema: { tags, summary: 'Add a support', body: supportContactInputSchema, response: { 201: supportContactSchema } } },
    async (request, reply) => reply.code(201).send(await addSupportContact(db, cipher, request.actor, request.body)),
  );
  app.delete(
    '/api/me/support-contacts/:id',
    { schema: { tags, summary: 'Remove a support', params: idParamsSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteSupportContact(db, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );
};

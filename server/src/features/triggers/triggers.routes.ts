import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  newTriggerInputSchema,
  triggerEntryInputSchema,
  triggerEntryListSchema,
  triggerEntrySchema,
  triggerListSchema,
  triggerSchema,
} from '@twofold/core/recovery/triggers.schemas';
import { idParamsSchema } from '@twofold/core/couples/couple.schemas';
import { partnerParamsSchema } from '@twofold/core/support/support-preferences.schemas';
import type { Db } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import { addMyTrigger, deleteTriggerEntry, findMyTriggers, findTriggerLog, logTrigger } from './triggers.service';

const tags = ['triggers'];

export const triggersRoutes: FastifyPluginAsyncZod<{ db: Db; cipher: Cipher }> = async (app, { db, cipher }) => {
  app.get('/api/me/triggers', { schema: { tags, summary: 'My trigger list', response: { 200: triggerListSchema } } }, async (request) => ({
    triggers: await findMyTriggers(db, cipher, request.actor),
  }));
  app.post(
    '/api/me/triggers',
    { schema: { tags, summary: 'Add a trigger to my list', body: newTriggerInputSchema, response: { 201: triggerSchema } } },
    async (request, reply) => reply.code(201).send(await addMyTrigger(db, cipher, request.actor, request.body.label)),
  );
  app.get(
    '/api/me/trigger-log',
    { schema: { tags, summary: 'My trigger log', response: { 200: triggerEntryListSchema } } },
    async (request) => ({
      ownerId: request.actor.userId,
      entries: await findTriggerLog(db, cipher, request.actor, request.actor.userId),
    }),
  );
  app.post(
    '/api/me/trigger-log',
    { schema: { tags, summary: 'Log a trigger', body: triggerEntryInputSchema, response: { 201: triggerEntrySchema } } },
    async (request, reply) => reply.code(201).send(await logTrigger(db, cipher, request.actor, request.body)),
  );
  app.delete(
    '/api/me/trigger-log/:id',
    { schema: { tags, summary: 'Delete one of my trigger log entries', params: idParamsSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteTriggerEntry(db, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/people/:partnerId/trigger-log',
    {
      schema: {
        tags,
        summary: "Another person's trigger log, when shared with me",
        params: partnerParamsSchema,
        response: { 200: triggerEntryListSchema },
      },
    },
    async (request) => ({
      ownerId: request.params.partnerId,
      entries: await findTriggerLog(db, cipher, request.actor, request.params.partnerId),
    }),
  );
};

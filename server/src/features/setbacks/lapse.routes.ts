import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  lapseInputSchema,
  lapseListSchema,
  lapseReflectionInputSchema,
  lapseSchema,
  lapseTellingInputSchema,
  personLapseParamsSchema,
} from '@twofold/core/setbacks/lapse.schemas';
import { idParamsSchema } from '@twofold/core/couples/couple.schemas';
import { partnerParamsSchema } from '@twofold/core/support/support-preferences.schemas';
import type { Db } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import {
  deleteLapse,
  findLapsesToldTo,
  findLapseToldTo,
  findMyLapse,
  findMyLapses,
  reflectOnLapse,
  setLapseTelling,
  writeLapse,
} from './lapse.service';

const tags = ['setbacks'];

export const lapseRoutes: FastifyPluginAsyncZod<{ db: Db; cipher: Cipher }> = async (app, { db, cipher }) => {
  app.get('/api/me/lapses', { schema: { tags, summary: 'My lapse reports', response: { 200: lapseListSchema } } }, async (request) => ({
    lapses: await findMyLapses(db, cipher, request.actor),
  }));
  app.post(
    '/api/me/lapses',
    {
      schema: {
        tags,
        summary: 'Write a lapse report about myself (private unless I tell my partner or care team)',
        body: lapseInputSchema,
        response: { 201: lapseSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await writeLapse(db, cipher, request.actor, request.body as Required<typeof request.body>)),
  );
  app.get(
    '/api/me/lapses/:id',
    { schema: { tags, summary: 'One of my lapse reports', params: idParamsSchema, response: { 200: lapseSchema } } },
    async (request) => findMyLapse(db, cipher, request.actor, request.params.id),
  );
  app.put(
    '/api/me/lapses/:id/telling',
    {
      schema: {
        tags,
        summary: 'Tell this report to my partner and/or care team, or take it back (effective at once)',
        params: idParamsSchema,
        body: lapseTellingInputSchema,
        response: { 200: lapseSchema },
      },
    },
    async (request) => setLapseTelling(db, cipher, request.actor, request.params.id, request.body),
  );
  app.put(
    '/api/me/lapses/:id/reflection',
    {
      schema: {
        tags,
        summary: 'My next-day reflection on a lapse (only for me)',
        params: idParamsSchema,
        body: lapseReflectionInputSchema,
        response: { 200: lapseSchema },
      },
    },
    async (request) =>
      reflectOnLapse(db, cipher, request.actor, request.params.id, { learned: request.body.learned, change: request.body.change ?? '' }),
  );
  app.delete(
    '/api/me/lapses/:id',
    { schema: { tags, summary: 'Delete one of my lapse reports', params: idParamsSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteLapse(db, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/people/:partnerId/lapses',
    {
      schema: {
        tags,
        summary: 'Lapse reports a person told me about (their partner or care team); 404 for anyone else',
        params: partnerParamsSchema,
        response: { 200: lapseListSchema },
      },
    },
    async (request) => ({ lapses: await findLapsesToldTo(db, cipher, request.actor, request.params.partnerId) }),
  );
  app.get(
    '/api/people/:partnerId/lapses/:id',
    {
      schema: {
        tags,
        summary: 'One lapse report a person told me about; 404 when not told, exactly like a missing one',
        params: personLapseParamsSchema,
        response: { 200: lapseSchema },
      },
    },
    async (request) => findLapseToldTo(db, cipher, request.actor, request.params.partnerId, request.params.id),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  checkinDateParamsSchema,
  checkinInputSchema,
  checkinListSchema,
  checkinSchema,
  dateRangeQuerySchema,
  encouragementInputSchema,
  recoverySummarySchema,
} from '@twofold/core/recovery/checkin.schemas';
import { partnerParamsSchema } from '@twofold/core/support/support-preferences.schemas';
import type { Db } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import { schemaSerializerCompiler } from '../../platform/response-serializer';
import { encourage, findCheckins, findRecoverySummary, recordCheckin } from './checkins.service';

const tags = ['check-ins'];

export const checkinsRoutes: FastifyPluginAsyncZod<{ db: Db; cipher: Cipher }> = async (app, { db, cipher }) => {
  app.put(
    '/api/me/checkins/:date',
    {
      schema: {
        tags,
        summary: 'Record my check-in for a day (today, or a missed day, marked late)',
        description: 'Idempotent: saving the same day again updates the one check-in of that day.',
        params: checkinDateParamsSchema,
        body: checkinInputSchema,
        response: { 200: checkinSchema },
      },
    },
    async (request) => recordCheckin(db, cipher, request.actor, request.params.date, request.body as Required<typeof request.body>),
  );

  // Up to 400 check-ins per answer: serialised by fast-json-stringify from the same schema (only its fields).
  app.get(
    '/api/me/checkins',
    {
      serializerCompiler: schemaSerializerCompiler,
      schema: { tags, summary: 'My check-ins between two days', querystring: dateRangeQuerySchema, response: { 200: checkinListSchema } },
    },
    async (request) => findCheckins(db, cipher, request.actor, request.actor.userId, request.query.from, request.query.to),
  );

  app.get(
    '/api/people/:partnerId/checkins',
    {
      serializerCompiler: schemaSerializerCompiler,
      schema: {
        tags,
        summary: "Another person's check-ins, when shared with me (404 otherwise); notes are never included",
        params: partnerParamsSchema,
        querystring: dateRangeQuerySchema,
        response: { 200: checkinListSchema },
      },
    },
    async (request) => findCheckins(db, cipher, request.actor, request.params.partnerId, request.query.from, request.query.to),
  );

  app.get(
    '/api/me/recovery-summary',
    { schema: { tags, summary: 'My counters, milestones and encouragements', response: { 200: recoverySummarySchema } } },
    async (request) => findRecoverySummary(db, cipher, request.actor, request.actor.userId),
  );

  app.get(
    '/api/people/:partnerId/recovery-summary',
    {
      schema: {
        tags,
        summary: "Another person's counters and milestones, when shared with me",
        params: partnerParamsSchema,
        response: { 200: recoverySummarySchema },
      },
    },
    async (request) => findRecoverySummary(db, cipher, request.actor, request.params.partnerId),
  );

  app.post(
    '/api/people/:partnerId/encouragements',
    {
      schema: {
        tags,
        summary: 'Send my partner a note of encouragement',
        params: partnerParamsSchema,
        body: encouragementInputSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await encourage(db, cipher, request.actor, request.params.partnerId, request.body.message, request.body.milestoneDays ?? null);
      return reply.code(204).send(null);
    },
  );
};

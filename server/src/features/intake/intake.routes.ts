import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { intakeInputSchema, intakeSchema, reflectionInputSchema, reflectionSchema } from '@twofold/core/recovery/intake.schemas';
import { partnerParamsSchema } from '@twofold/core/support/support-preferences.schemas';
import type { Db } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import { findIntake, findReflection, saveIntake, saveReflection } from './intake.service';

const tags = ['intake'];

export const intakeRoutes: FastifyPluginAsyncZod<{ db: Db; cipher: Cipher }> = async (app, { db, cipher }) => {
  app.get('/api/me/intake', { schema: { tags, summary: 'My intake', response: { 200: intakeSchema } } }, async (request) =>
    findIntake(db, cipher, request.actor, request.actor.userId),
  );
  app.put(
    '/api/me/intake',
    { schema: { tags, summary: 'Save my intake', body: intakeInputSchema, response: { 200: intakeSchema } } },
    async (request) => saveIntake(db, cipher, request.actor, request.body),
  );
  app.get(
    '/api/people/:partnerId/intake',
    {
      schema: {
        tags,
        summary: "Another person's intake, when shared with me (404 otherwise)",
        params: partnerParamsSchema,
        response: { 200: intakeSchema },
      },
    },
    async (request) => findIntake(db, cipher, request.actor, request.params.partnerId),
  );
  app.get(
    '/api/me/reflection',
    { schema: { tags, summary: 'My reflection on our patterns around use', response: { 200: reflectionSchema } } },
    async (request) => findReflection(db, cipher, request.actor, request.actor.userId),
  );
  app.put(
    '/api/me/reflection',
    { schema: { tags, summary: 'Save my reflection', body: reflectionInputSchema, response: { 200: reflectionSchema } } },
    async (request) => saveReflection(db, cipher, request.actor, request.body),
  );
  app.get(
    '/api/people/:partnerId/reflection',
    {
      schema: {
        tags,
        summary: "Another person's reflection, when shared with me (404 otherwise)",
        params: partnerParamsSchema,
        response: { 200: reflectionSchema },
      },
    },
    async (request) => findReflection(db, cipher, request.actor, request.params.partnerId),
  );
};

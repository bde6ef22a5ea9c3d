import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import { connectionAnswerInputSchema, connectionTodaySchema } from '@twofold/core/communication/connection.schemas';
import { answerConnectionQuestion, findConnectionToday } from './connection.service';

const tags = ['communication'];
const joint = 'Joint: both partners of the current couple only; 409 joint-features-closed until the safety screens open joint features.';

export const connectionRoutes: FastifyPluginAsyncZod<{ db: Db; cipher: Cipher }> = async (app, { db, cipher }) => {
  // The daily connection question.
  app.get(
    '/api/couple/connection-question',
    {
      schema: {
        tags,
        summary: 'Today’s connection question; my partner’s answer once I answered',
        description: joint,
        response: { 200: connectionTodaySchema },
      },
    },
    async (request) => findConnectionToday(db, cipher, request.actor),
  );
  app.post(
    '/api/couple/connection-question/answer',
    {
      schema: {
        tags,
        summary: 'Answer today’s connection question (once a day)',
        description: joint,
        body: connectionAnswerInputSchema,
        response: { 201: connectionTodaySchema },
      },
    },
    async (request, reply) => reply.code(201).send(await answerConnectionQuestion(db, cipher, request.actor, request.body.answer)),
  );
};

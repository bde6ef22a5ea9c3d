import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  goalDoneInputSchema,
  goalInputSchema,
  goalListSchema,
  goalSchema,
  goalStepParamsSchema,
} from '@twofold/core/recovery/goals.schemas';
import { idParamsSchema } from '@twofold/core/couples/couple.schemas';
import { partnerParamsSchema } from '@twofold/core/support/support-preferences.schemas';
import type { Db } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import { createGoal, deleteGoal, findGoals, markGoalDone, markStepDone, updateGoal } from './goals.service';

const tags = ['goals'];

export const goalsRoutes: FastifyPluginAsyncZod<{ db: Db; cipher: Cipher }> = async (app, { db, cipher }) => {
  app.get('/api/me/goals', { schema: { tags, summary: 'My goals', response: { 200: goalListSchema } } }, async (request) => ({
    ownerId: request.actor.userId,
    goals: await findGoals(db, cipher, request.actor, request.actor.userId),
  }));
  app.post(
    '/api/me/goals',
    { schema: { tags, summary: 'Add a goal with its steps', body: goalInputSchema, response: { 201: goalSchema } } },
    async (request, reply) => reply.code(201).send(await createGoal(db, cipher, request.actor, request.body)),
  );
  app.put(
    '/api/me/goals/:id',
    {
      schema: {
        tags,
        summary: 'Change a goal and its steps',
        params: idParamsSchema,
        body: goalInputSchema,
        response: { 200: goalSchema },
      },
    },
    async (request) => updateGoal(db, cipher, request.actor, request.params.id, request.body),
  );
  app.put(
    '/api/me/goals/:id/done',
    {
      schema: {
        tags,
        summary: 'Tick off a goal, or untick it',
        params: idParamsSchema,
        body: goalDoneInputSchema,
        response: { 200: goalSchema },
      },
    },
    async (request) => markGoalDone(db, cipher, request.actor, request.params.id, request.body.done),
  );
  app.put(
    '/api/me/goals/:id/steps/:stepId/done',
    {
      schema: {
        tags,
        summary: 'Tick off a step, or untick it',
        params: goalStepParamsSchema,
        body: goalDoneInputSchema,
        response: { 200: goalSchema },
      },
    },
    async (request) => markStepDone(db, cipher, request.actor, request.params.id, request.params.stepId, request.body.done),
  );
  app.delete(
    '/api/me/goals/:id',
    { schema: { tags, summary: 'Delete a goal', params: idParamsSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await deleteGoal(db, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/people/:partnerId/goals',
    {
      schema: {
        tags,
        summary: "Another person's goals, when shared with me",
        params: partnerParamsSchema,
        response: { 200: goalListSchema },
      },
    },
    async (request) => ({ ownerId: request.params.partnerId, goals: await findGoals(db, cipher, request.actor, request.params.partnerId) }),
  );
};

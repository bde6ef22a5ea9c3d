import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  activityInputSchema,
  activityListSchema,
  activitySchema,
  celebrationListSchema,
  coupleGoalChangeSchema,
  coupleGoalInputSchema,
  coupleGoalListSchema,
  coupleGoalSchema,
  doneInputSchema,
  milestoneInputSchema,
  milestoneParamsSchema,
  ratingInputSchema,
} from '@twofold/core/together/future.schemas';
import { togetherItemParamsSchema } from '@twofold/core/together/accountability.schemas';
import type { Db } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import {
  addMilestone,
  changeActivity,
  changeCoupleGoal,
  createCoupleGoal,
  deleteActivity,
  deleteCoupleGoal,
  findActivities,
  findCelebrations,
  findCoupleGoals,
  markActivityDone,
  planActivity,
  rateActivity,
  tickMilestone,
} from './together-future.service';

const tags = ['together: shared goals and the future'];
const closed = 'Joint: both partners of the current couple only; 409 joint-features-closed until the safety screens open joint features.';

export const futureRoutes: FastifyPluginAsyncZod<{ db: Db; cipher: Cipher }> = async (app, { db, cipher }) => {
  app.get(
    '/api/couple/goals',
    { schema: { tags, summary: 'Our shared goals with their milestones', description: closed, response: { 200: coupleGoalListSchema } } },
    async (request) => ({ goals: await findCoupleGoals(db, cipher, request.actor) }),
  );
  app.post(
    '/api/couple/goals',
    {
      schema: { tags, summary: 'Add a shared goal', description: closed, body: coupleGoalInputSchema, response: { 201: coupleGoalSchema } },
    },
    async (request, reply) => reply.code(201).send(await createCoupleGoal(db, cipher, request.actor, request.body)),
  );
  app.put(
    '/api/couple/goals/:id',
    {
      schema: {
        tags,
        summary: 'Change the title or target date of a goal I wrote',
        description: `${closed} Only the partner who wrote it (403 for the other).`,
        params: togetherItemParamsSchema,
        body: coupleGoalChangeSchema,
        response: { 200: coupleGoalSchema },
      },
    },
    async (request) => changeCoupleGoal(db, cipher, request.actor, request.params.id, request.body),
  );
  app.delete(
    '/api/couple/goals/:id',
    {
      schema: {
        tags,
        summary: 'Delete a goal I wrote, with its milestones',
        description: `${closed} Only the partner who wrote it (403 for the other).`,
        params: togetherItemParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteCoupleGoal(db, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/api/couple/goals/:id/milestones',
    {
      schema: {
        tags,
        summary: 'Add a milestone to one of our goals (either partner; attributed to me)',
        description: `${closed} At most 20 milestones a goal (409).`,
        params: togetherItemParamsSchema,
        body: milestoneInputSchema,
        response: { 201: coupleGoalSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await addMilestone(db, cipher, request.actor, request.params.id, request.body.title)),
  );
  app.put(
    '/api/couple/goals/:id/milestones/:milestoneId/done',
    {
      schema: {
        tags,
        summary: 'Tick a milestone, or untick it (either partner; two taps at once give one result)',
        description: closed,
        params: milestoneParamsSchema,
        body: doneInputSchema,
        response: { 200: coupleGoalSchema },
      },
    },
    async (request) => tickMilestone(db, cipher, request.actor, request.params.id, request.params.milestoneId, request.body.done),
  );
  app.get(
    '/api/couple/activities',
    {
      schema: {
        tags,
        summary: 'Shared Rewarding Activities: planned and done',
        description: closed,
        response: { 200: activityListSchema },
      },
    },
    async (request) => ({ activities: await findActivities(db, cipher, request.actor) }),
  );
  app.post(
    '/api/couple/activities',
    {
      schema: {
        tags,
        summary: 'Plan a shared activity',
        description: closed,
        body: activityInputSchema,
        response: { 201: activitySchema },
      },
    },
    async (request, reply) => reply.code(201).send(await planActivity(db, cipher, request.actor, request.body)),
  );
  app.put(
    '/api/couple/activities/:id',
    {
      schema: {
        tags,
        summary: 'Change the title or date of an activity I planned',
        description: `${closed} Only the partner who planned it (403 for the other).`,
        params: togetherItemParamsSchema,
        body: activityInputSchema,
        response: { 200: activitySchema },
      },
    },
    async (request) => changeActivity(db, cipher, request.actor, request.params.id, request.body),
  );
  app.delete(
    '/api/couple/activities/:id',
    {
      schema: {
        tags,
        summary: 'Delete an activity I planned, with both ratings',
        description: `${closed} Only the partner who planned it (403 for the other).`,
        params: togetherItemParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteActivity(db, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.put(
    '/api/couple/activities/:id/done',
    {
      schema: {
        tags,
        summary: 'Mark an activity done, or not yet',
        description: closed,
        params: togetherItemParamsSchema,
        body: doneInputSchema,
        response: { 200: activitySchema },
      },
    },
    async (request) => markActivityDone(db, cipher, request.actor, request.params.id, request.body.done),
  );
  app.put(
    '/api/couple/activities/:id/ratings/mine',
    {
      schema: {
        tags,
        summary: 'Rate how a done activity went, for myself',
        description: `${closed} Each partner rates only for themselves; 409 before it is done.`,
        params: togetherItemParamsSchema,
        body: ratingInputSchema,
        response: { 200: activitySchema },
      },
    },
    async (request) => rateActivity(db, cipher, request.actor, request.params.id, request.body.rating),
  );
  app.get(
    '/api/couple/celebrations',
    {
      schema: {
        tags,
        summary: 'What we reached together: contract signed, milestones, goals, Trust Discussion streaks',
        description: closed,
        response: { 200: celebrationListSchema },
      },
    },
    async (request) => ({ celebrations: await findCelebrations(db, cipher, request.actor) }),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { insightsViewSchema } from '@twofold/core/insights/insights.schemas';
import { partnerParamsSchema } from '@twofold/core/support/support-preferences.schemas';
import type { Db } from '../../platform/db';
import { findInsights } from './insights.service';

const tags = ['insights'];

export const insightsRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/me/insights',
    { schema: { tags, summary: 'How our days go together: my insights from our check-ins', response: { 200: insightsViewSchema } } },
    async (request) => findInsights(db, request.actor, request.actor.userId),
  );
  app.get(
    '/api/people/:partnerId/insights',
    {
      schema: {
        tags,
        summary: 'A partner’s insights, when they share them with me',
        params: partnerParamsSchema,
        response: { 200: insightsViewSchema },
      },
    },
    async (request) => findInsights(db, request.actor, request.params.partnerId),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { weeklySummariesSchema } from '@twofold/core/insights/weekly-summary.schemas';
import type { Db } from '../../platform/db';
import { findMyWeeklySummaries } from './weekly-summaries.service';

const tags = ['insights'];

export const weeklySummariesRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/me/weekly-summaries',
    {
      schema: {
        tags,
        summary: 'My weekly summary: the latest and the one before (only ever mine)',
        response: { 200: weeklySummariesSchema },
      },
    },
    async (request) => findMyWeeklySummaries(db, request.actor),
  );
};

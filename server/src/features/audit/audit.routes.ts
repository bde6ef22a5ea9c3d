import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { accessEventsSchema } from '@twofold/core/audit/audit.schemas';
import type { Db } from '../../platform/db';
import { findAccessToMyData } from './audit.service';

export const auditRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/me/access-log',
    { schema: { tags: ['audit'], summary: 'Who looked at my data, when and why', response: { 200: accessEventsSchema } } },
    async (request) => ({ events: await findAccessToMyData(db, request.actor) }),
  );
};

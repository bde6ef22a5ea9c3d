import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { crisisResourcesSchema, healthSchema, type CrisisResources } from '@twofold/core/crisis/crisis.schemas';
import { pingDatabase, type Db } from '../../platform/db';

const tags = ['system'];

export const systemRoutes: FastifyPluginAsyncZod<{ db: Db; dialect: 'postgres' | 'pglite'; crisis: CrisisResources }> = async (
  app,
  { db, dialect, crisis },
) => {
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: { tags, summary: 'Is Twofold and its database up?', response: { 200: healthSchema, 503: healthSchema } },
    },
    async (_request, reply) => {
      const reachable = await pingDatabase(db);
      return reply.code(reachable ? 200 : 503).send({ status: reachable ? 'ok' : 'degraded', database: { dialect, reachable } });
    },
  );

  app.get(
    '/api/crisis-resources',
    { config: { public: true }, schema: { tags, summary: 'Crisis lines for this deployment', response: { 200: crisisResourcesSchema } } },
    async () => crisis,
  );
};

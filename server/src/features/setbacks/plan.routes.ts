import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  mySectionInputSchema,
  planHistorySchema,
  planSchema,
  planSharedUpdateSchema,
  planSuggestionListSchema,
  planVersionParamsSchema,
  planVersionSchema,
} from '@twofold/core/setbacks/plan.schemas';
import type { Db } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import { findPlan, findPlanSuggestions, findPlanVersions, saveMySection, savePlanShared, signPlanVersion } from './plan.service';

const tags = ['setbacks: continuing recovery plan'];
const closed = 'Joint: both partners of the current couple only; 409 joint-features-closed until the safety screens open joint features.';

export const planRoutes: FastifyPluginAsyncZod<{ db: Db; cipher: Cipher }> = async (app, { db, cipher }) => {
  app.get(
    '/api/couple/plan',
    {
      schema: {
        tags,
        summary: 'Our Continuing Recovery Plan: the one in force, the newest version, and whether a review is due',
        description: closed,
        response: { 200: planSchema },
      },
    },
    async (request) => findPlan(db, cipher, request.actor),
  );
  app.put(
    '/api/couple/plan/my-section',
    {
      schema: {
        tags,
        summary: 'Change my own section: a new version that needs both signatures',
        description: `${closed} Only ever the writer's own section; nobody writes the other partner's.`,
        body: mySectionInputSchema,
        response: { 200: planSchema },
      },
    },
    async (request) => saveMySection(db, cipher, request.actor, request.body.baseVersionId, request.body.section),
  );
  app.put(
    '/api/couple/plan/shared',
    {
      schema: {
        tags,
        summary: 'Change the shared part (lapse responses, supports, groups, review date): a new version that needs both signatures',
        description: closed,
        body: planSharedUpdateSchema,
        response: { 200: planSchema },
      },
    },
    async (request) => savePlanShared(db, cipher, request.actor, request.body.baseVersionId, request.body.shared),
  );
  app.get(
    '/api/couple/plan/versions',
    {
      schema: { tags, summary: 'Every version of our plan, newest first', description: closed, response: { 200: planHistorySchema } },
    },
    async (request) => ({ versions: await findPlanVersions(db, cipher, request.actor) }),
  );
  app.post(
    '/api/couple/plan/versions/:id/sign',
    {
      schema: {
        tags,
        summary: 'Sign the newest version, for myself only',
        description: `${closed} Signing twice is harmless; an outdated version answers 409.`,
        params: planVersionParamsSchema,
        response: { 200: planVersionSchema },
      },
    },
    async (request) => signPlanVersion(db, cipher, request.actor, request.params.id),
  );
  app.get(
    '/api/couple/plan/suggestions',
    {
      schema: {
        tags,
        summary: 'Suggested warning signs for my own section, from my own check-ins and trigger log only',
        description: `${closed} Only the asker's own data; each suggestion says how many days it rests on.`,
        response: { 200: planSuggestionListSchema },
      },
    },
    async (request) => findPlanSuggestions(db, cipher, request.actor),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  partnerParamsSchema,
  supportPreferencesInputSchema,
  supportPreferencesSchema,
} from '@twofold/core/support/support-preferences.schemas';
import type { Db } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import { findSupportPreferences, saveSupportPreferences } from './support-preferences.service';

const tags = ['support preferences'];

export const supportPreferencesRoutes: FastifyPluginAsyncZod<{ db: Db; cipher: Cipher }> = async (app, { db, cipher }) => {
  app.get(
    '/api/me/support-preferences',
    { schema: { tags, summary: 'What helps me and what does not (mine)', response: { 200: supportPreferencesSchema } } },
    async (request) => findSupportPreferences(db, cipher, request.actor, request.actor.userId),
  );

  app.put(
    '/api/me/support-preferences',
    {
      schema: {
        tags,
        summary: 'Save what helps me and what does not',
        body: supportPreferencesInputSchema,
        response: { 200: supportPreferencesSchema },
      },
    },
    async (request) => saveSupportPreferences(db, cipher, request.actor, request.body),
  );

  app.get(
    '/api/people/:partnerId/support-preferences',
    {
      schema: {
        tags,
        summary: "Another person's support preferences, when they share them with me",
        description: 'Answers 404 when there is nothing to see or it is not shared with me; the two cannot be told apart.',
        params: partnerParamsSchema,
        response: { 200: supportPreferencesSchema },
      },
    },
    async (request) => findSupportPreferences(db, cipher, request.actor, request.params.partnerId),
  );
};

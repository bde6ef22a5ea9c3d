import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { acceptedInviteSchema, invitePreviewSchema, inviteTokenParamsSchema } from '@twofold/core/couples/couple.schemas';
import type { Db } from '../../platform/db';
import { acceptInvite, previewInvite } from './invites.service';

const tags = ['invites'];

export const invitesRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/invites/:token',
    {
      config: { public: true },
      schema: { tags, summary: 'What an invite link is for', params: inviteTokenParamsSchema, response: { 200: invitePreviewSchema } },
    },
    async (request) => previewInvite(db, request.params.token),
  );

  app.post(
    '/api/invites/:token/accept',
    {
      schema: {
        tags,
        summary: 'Use an invite: join a couple, join a program as clinician, or accept a program for myself',
        params: inviteTokenParamsSchema,
        response: { 200: acceptedInviteSchema },
      },
    },
    async (request) => acceptInvite(db, request.actor, request.params.token),
  );
};

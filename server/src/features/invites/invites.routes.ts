import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { acceptedInviteSchema, invitePreviewSchema, inviteTokenParamsSchema } from '@twofold/core/couples/couple.schemas';
import type { Db } from '../../platform/db';
import { takeAttempt, type ThrottlePolicy } from '../../platform/throttle';
import { acceptInvite, previewInvite } from './invites.service';

const tags = ['invites'];

export interface InvitesRoutesOptions {
  db: Db;
  /** Per client address (this process). */
  rateLimit: { max: number; timeWindow: string };
  /** Per account, shared by every process: invite links cannot be guessed one after another. */
  throttle: ThrottlePolicy;
}

export const invitesRoutes: FastifyPluginAsyncZod<InvitesRoutesOptions> = async (app, { db, rateLimit, throttle }) => {
  app.get(
    '/api/invites/:token',
    {
      config: { public: true, rateLimit },
      schema: { tags, summary: 'What an invite link is for', params: inviteTokenParamsSchema, response: { 200: invitePreviewSchema } },
    },
    async (request) => previewInvite(db, request.params.token),
  );

  app.post(
    '/api/invites/:token/accept',
    {
      config: { rateLimit },
      schema: {
        tags,
        summary: 'Use an invite: join a couple, join a program as clinician, or accept a program for myself',
        params: inviteTokenParamsSchema,
        response: { 200: acceptedInviteSchema },
      },
    },
    async (request) => {
      await takeAttempt(db, throttle, 'invite', request.actor.userId);
      return acceptInvite(db, request.actor, request.params.token);
    },
  );
};

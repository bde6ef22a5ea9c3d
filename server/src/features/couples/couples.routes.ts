import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { coupleSchema, createdInviteSchema, idParamsSchema } from '@twofold/core/couples/couple.schemas';
import type { Db } from '../../platform/db';
import type { InviteSettings } from '../programs/programs.service';
import { createCouple, dismissNotice, findMyCoupleInSession, invitePartner, leaveCouple, revokePartnerInvite } from './couples.service';

const tags = ['couple'];

export const couplesRoutes: FastifyPluginAsyncZod<{ db: Db; invites: InviteSettings }> = async (app, { db, invites }) => {
  // The session is checked in the read's own statement: one round trip per request.
  app.get(
    '/api/couple',
    { config: { sessionInQuery: true }, schema: { tags, summary: 'My couple space', response: { 200: coupleSchema } } },
    async (request) => findMyCoupleInSession(db, request.sessionClaim),
  );

  app.post(
    '/api/couple',
    { schema: { tags, summary: 'Create my couple space', response: { 201: coupleSchema } } },
    async (request, reply) => reply.code(201).send(await createCouple(db, request.actor)),
  );

  app.post(
    '/api/couple/invites',
    { schema: { tags, summary: 'Make a single-use, expiring invite link for my partner', response: { 201: createdInviteSchema } } },
    async (request, reply) => reply.code(201).send(await invitePartner(db, request.actor, invites.ttlDays, invites.publicUrl)),
  );

  app.delete(
    '/api/couple/invites/:id',
    { schema: { tags, summary: 'Withdraw a pending partner invite', params: idParamsSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await revokePartnerInvite(db, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/couple/leave',
    { schema: { tags, summary: 'Leave the couple space, alone and at once', response: { 204: z.null() } } },
    async (request, reply) => {
      await leaveCouple(db, request.actor);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/couple/notices/:id',
    { schema: { tags, summary: 'Dismiss a notice', params: idParamsSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await dismissNotice(db, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );
};

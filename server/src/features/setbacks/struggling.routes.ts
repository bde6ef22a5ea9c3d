import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  strugglingNoteInputSchema,
  strugglingNoteListSchema,
  strugglingNoteSchema,
  strugglingSchema,
  warningSignWatchResultSchema,
} from '@twofold/core/setbacks/struggling.schemas';
import { idParamsSchema } from '@twofold/core/couples/couple.schemas';
import type { Db } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import { findStruggling, findStrugglingNotesToMe, markStrugglingNoteRead, tellPartnerStruggling } from './struggling.service';
import { findWarningSignMatches } from './watch.service';

const tags = ['setbacks'];

export const strugglingRoutes: FastifyPluginAsyncZod<{ db: Db; cipher: Cipher }> = async (app, { db, cipher }) => {
  app.get(
    '/api/me/struggling',
    {
      schema: {
        tags,
        summary: '"I\'m struggling": my part of the plan, and whether I can send my partner a note',
        response: { 200: strugglingSchema },
      },
    },
    async (request) => findStruggling(db, cipher, request.actor),
  );
  app.post(
    '/api/me/struggling/partner-note',
    {
      schema: {
        tags,
        summary: 'Tell my partner I am struggling, with the note exactly as I wrote it (only if I choose)',
        body: strugglingNoteInputSchema,
        response: { 201: strugglingNoteSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await tellPartnerStruggling(db, cipher, request.actor, request.body.message)),
  );
  app.get(
    '/api/me/struggling-notes',
    { schema: { tags, summary: 'Notes my partner sent me when struggling (last 7 days)', response: { 200: strugglingNoteListSchema } } },
    async (request) => ({ notes: await findStrugglingNotesToMe(db, cipher, request.actor) }),
  );
  app.put(
    '/api/me/struggling-notes/:id/read',
    { schema: { tags, summary: 'Mark a note from my partner as seen', params: idParamsSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await markStrugglingNoteRead(db, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/me/warning-sign-watch',
    {
      schema: {
        tags,
        summary: 'Warning signs of my plan that my own recent check-ins match (only ever about me)',
        response: { 200: warningSignWatchResultSchema },
      },
    },
    async (request) => findWarningSignMatches(db, cipher, request.actor),
  );
};

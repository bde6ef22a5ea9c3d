import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  boundaryInputSchema,
  boundaryListSchema,
  boundaryResponseInputSchema,
  boundarySchema,
} from '@twofold/core/together/boundaries.schemas';
import { togetherItemParamsSchema } from '@twofold/core/together/accountability.schemas';
import type { Db } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import { changeBoundary, findBoundaries, respondToBoundary, stateBoundary } from './together-boundaries.service';

const tags = ['together: boundaries'];
const closed = 'Joint: both partners of the current couple only; 409 joint-features-closed until the safety screens open joint features.';

export const boundariesRoutes: FastifyPluginAsyncZod<{ db: Db; cipher: Cipher }> = async (app, { db, cipher }) => {
  app.get(
    '/api/couple/boundaries',
    { schema: { tags, summary: 'Both partners’ boundaries', description: closed, response: { 200: boundaryListSchema } } },
    async (request) => ({ boundaries: await findBoundaries(db, cipher, request.actor) }),
  );
  app.post(
    '/api/couple/boundaries',
    {
      schema: {
        tags,
        summary: 'State a boundary of mine',
        description: closed,
        body: boundaryInputSchema,
        response: { 201: boundarySchema },
      },
    },
    async (request, reply) => reply.code(201).send(await stateBoundary(db, cipher, request.actor, request.body)),
  );
  app.put(
    '/api/couple/boundaries/:id',
    {
      schema: {
        tags,
        summary: 'Change a boundary of mine (asks my partner to answer again)',
        description: `${closed} Only its author (403 for the other partner).`,
        params: togetherItemParamsSchema,
        body: boundaryInputSchema,
        response: { 200: boundarySchema },
      },
    },
    async (request) => changeBoundary(db, cipher, request.actor, request.params.id, request.body),
  );
  app.put(
    '/api/couple/boundaries/:id/response',
    {
      schema: {
        tags,
        summary: 'Acknowledge my partner’s boundary, or ask to talk about it',
        description: `${closed} Only the other partner (403 for its author).`,
        params: togetherItemParamsSchema,
        body: boundaryResponseInputSchema,
        response: { 200: boundarySchema },
      },
    },
    async (request) => respondToBoundary(db, cipher, request.actor, request.params.id, request.body.response),
  );
};

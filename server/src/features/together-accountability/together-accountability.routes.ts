import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  appreciationInputSchema,
  appreciationListSchema,
  appreciationRangeQuerySchema,
  appreciationSchema,
  commitmentInputSchema,
  commitmentListSchema,
  commitmentOutcomeInputSchema,
  commitmentSchema,
  togetherItemParamsSchema,
} from '@twofold/core/together/accountability.schemas';
import type { Db } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import {
  acknowledgeCommitment,
  findAppreciations,
  findCommitments,
  makeCommitment,
  recordAppreciation,
  reportCommitment,
  tellAppreciation,
} from './together-accountability.service';

const tags = ['together: trust and accountability'];
const closed = 'Joint: both partners of the current couple only; 409 joint-features-closed until the safety screens open joint features.';

export const accountabilityRoutes: FastifyPluginAsyncZod<{ db: Db; cipher: Cipher }> = async (app, { db, cipher }) => {
  app.get(
    '/api/couple/commitments',
    {
      schema: {
        tags,
        summary: 'Both partners’ commitments and follow-through',
        description: closed,
        response: { 200: commitmentListSchema },
      },
    },
    async (request) => findCommitments(db, cipher, request.actor),
  );
  app.post(
    '/api/couple/commitments',
    {
      schema: {
        tags,
        summary: 'Make a commitment for myself ("I will … by …")',
        description: closed,
        body: commitmentInputSchema,
        response: { 201: commitmentSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await makeCommitment(db, cipher, request.actor, request.body)),
  );
  app.put(
    '/api/couple/commitments/:id/outcome',
    {
      schema: {
        tags,
        summary: 'Say how my commitment went: kept, missed, or not yet',
        description: `${closed} Only the partner who made it (403 for the other).`,
        params: togetherItemParamsSchema,
        body: commitmentOutcomeInputSchema,
        response: { 200: commitmentSchema },
      },
    },
    async (request) => reportCommitment(db, cipher, request.actor, request.params.id, request.body.outcome),
  );
  app.post(
    '/api/couple/commitments/:id/acknowledge',
    {
      schema: {
        tags,
        summary: 'Acknowledge my partner’s commitment',
        description: `${closed} Only the other partner (403 for its author).`,
        params: togetherItemParamsSchema,
        response: { 200: commitmentSchema },
      },
    },
    async (request) => acknowledgeCommitment(db, cipher, request.actor, request.params.id),
  );
  app.get(
    '/api/couple/appreciations',
    {
      schema: {
        tags,
        summary: 'Appreciations and Caring Days: mine, and those my partner told me',
        description: closed,
        querystring: appreciationRangeQuerySchema,
        response: { 200: appreciationListSchema },
      },
    },
    async (request) => ({ appreciations: await findAppreciations(db, cipher, request.actor, request.query.from, request.query.to) }),
  );
  app.post(
    '/api/couple/appreciations',
    {
      schema: {
        tags,
        summary: 'Write down something nice my partner did, or a caring thing I did (Caring Days)',
        description: `${closed} Untold entries are never shown to the partner.`,
        body: appreciationInputSchema,
        response: { 201: appreciationSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await recordAppreciation(db, cipher, request.actor, request.body)),
  );
  app.post(
    '/api/couple/appreciations/:id/tell',
    {
      schema: {
        tags,
        summary: 'Tell my partner about one of my entries',
        description: `${closed} Only its writer; telling cannot be undone.`,
        params: togetherItemParamsSchema,
        response: { 200: appreciationSchema },
      },
    },
    async (request) => tellAppreciation(db, cipher, request.actor, request.params.id),
  );
};

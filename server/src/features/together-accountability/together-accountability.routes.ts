import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  appreciationChangeSchema,
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
  changeAppreciation,
  changeCommitment,
  deleteAppreciation,
  deleteCommitment,
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
    '/api/couple/commitments/:id',
    {
      schema: {
        tags,
        summary: 'Change the words or the date of my commitment',
        description: `${closed} Only the partner who made it (403 for the other).`,
        params: togetherItemParamsSchema,
        body: commitmentInputSchema,
        response: { 200: commitmentSchema },
      },
    },
    async (request) => changeCommitment(db, cipher, request.actor, request.params.id, request.body),
  );
  app.delete(
    '/api/couple/commitments/:id',
    {
      schema: {
        tags,
        summary: 'Delete my commitment',
        description: `${closed} Only the partner who made it (403 for the other).`,
        params: togetherItemParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteCommitment(db, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
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
  app.put(
    '/api/couple/appreciations/:id',
    {
      schema: {
        tags,
        summary: 'Change one of my entries (its kind, day and words)',
        description: `${closed} Only its writer (403 for the partner on a told entry, 404 on an untold one).`,
        params: togetherItemParamsSchema,
        body: appreciationChangeSchema,
        response: { 200: appreciationSchema },
      },
    },
    async (request) => changeAppreciation(db, cipher, request.actor, request.params.id, request.body),
  );
  app.delete(
    '/api/couple/appreciations/:id',
    {
      schema: {
        tags,
        summary: 'Delete one of my entries',
        description: `${closed} Only its writer (403 for the partner on a told entry, 404 on an untold one).`,
        params: togetherItemParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await deleteAppreciation(db, request.actor, request.params.id);
      return reply.code(204).send(null);
    },
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

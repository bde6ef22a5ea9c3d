import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  assignHomeworkInputSchema,
  careHomeworkListSchema,
  careHomeworkParamsSchema,
  careHomeworkSchema,
  myHomeworkListSchema,
  myHomeworkParamsSchema,
  myHomeworkSchema,
} from '@twofold/core/care/homework.schemas';
import { coupleCareParamsSchema } from '@twofold/core/care/session.schemas';
import type { Db } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import { assignHomework, listCoupleHomework, listMyHomework, markMyHomework, withdrawHomework } from './care-homework.service';

const tags = ['care homework'];

export const careHomeworkRoutes: FastifyPluginAsyncZod<{ db: Db; cipher: Cipher; offeredInstruments: readonly string[] }> = async (
  app,
  { db, cipher, offeredInstruments },
) => {
  app.post(
    '/api/programs/:programId/couples/:coupleId/homework',
    {
      schema: {
        tags,
        summary: 'Assign homework to one or both partners (clinician)',
        params: coupleCareParamsSchema,
        body: assignHomeworkInputSchema,
        response: { 201: careHomeworkSchema },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await assignHomework(
            db,
            cipher,
            request.actor,
            request.params.programId,
            request.params.coupleId,
            request.body,
            offeredInstruments,
          ),
        ),
  );

  app.get(
    '/api/programs/:programId/couples/:coupleId/homework',
    {
      schema: {
        tags,
        summary: "A couple's homework with each partner's completion (clinician)",
        params: coupleCareParamsSchema,
        response: { 200: careHomeworkListSchema },
      },
    },
    async (request) => listCoupleHomework(db, cipher, request.actor, request.params.programId, request.params.coupleId),
  );

  app.post(
    '/api/programs/:programId/homework/:homeworkId/withdraw',
    { schema: { tags, summary: 'Withdraw homework (clinician)', params: careHomeworkParamsSchema, response: { 200: careHomeworkSchema } } },
    async (request) => withdrawHomework(db, cipher, request.actor, request.params.programId, request.params.homeworkId),
  );

  app.get(
    '/api/me/homework',
    { schema: { tags, summary: 'My homework from the care team (mine only)', response: { 200: myHomeworkListSchema } } },
    async (request) => listMyHomework(db, cipher, request.actor),
  );

  app.put(
    '/api/me/homework/:homeworkId/done',
    { schema: { tags, summary: 'Mark my homework done', params: myHomeworkParamsSchema, response: { 200: myHomeworkSchema } } },
    async (request) => markMyHomework(db, cipher, request.actor, request.params.homeworkId, true),
  );

  app.delete(
    '/api/me/homework/:homeworkId/done',
    { schema: { tags, summary: 'Mark my homework not done', params: myHomeworkParamsSchema, response: { 200: myHomeworkSchema } } },
    async (request) => markMyHomework(db, cipher, request.actor, request.params.homeworkId, false),
  );
};

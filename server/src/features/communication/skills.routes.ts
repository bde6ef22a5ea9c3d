import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import {
  checkDraftInputSchema,
  draftCheckSchema,
  practiceInputSchema,
  practiceListSchema,
  practiceSchema,
  skillListSchema,
  skillsQuerySchema,
} from '@twofold/core/communication/skills.schemas';
import { checkDraftText, listPractices, listSkills, recordPractice } from './skills.service';

const tags = ['communication'];

export const skillsRoutes: FastifyPluginAsyncZod<{ db: Db; cipher: Cipher }> = async (app, { db }) => {
  // Skills library, practice log and the "I" statement helper: for anyone signed in, alone or in a couple.
  app.get(
    '/api/communication/skills',
    {
      schema: {
        tags,
        summary: 'The communication skills library, with my own practice counts',
        querystring: skillsQuerySchema,
        response: { 200: skillListSchema },
      },
    },
    async (request) => listSkills(db, request.actor, request.query.locale),
  );
  app.get(
    '/api/communication/practices',
    { schema: { tags, summary: 'My practice log (my own record)', response: { 200: practiceListSchema } } },
    async (request) => ({ practices: await listPractices(db, request.actor) }),
  );
  app.post(
    '/api/communication/practices',
    {
      schema: { tags, summary: 'Mark a skill’s practice prompt done today', body: practiceInputSchema, response: { 201: practiceSchema } },
    },
    async (request, reply) => reply.code(201).send(await recordPractice(db, request.actor, request.body)),
  );
  app.post(
    '/api/communication/check-draft',
    {
      schema: {
        tags,
        summary: 'Spot blaming patterns in a draft and suggest an "I" statement (stateless: nothing is stored or logged)',
        body: checkDraftInputSchema,
        response: { 200: draftCheckSchema },
      },
    },
    async (request) => checkDraftText(request.body),
  );
};

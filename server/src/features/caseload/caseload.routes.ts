import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  acknowledgeFlagInputSchema,
  caseloadQuerySchema,
  coupleOverviewParamsSchema,
  coupleOverviewQuerySchema,
  coupleOverviewSchema,
  flagSchema,
  flaggedCaseloadSchema,
} from '@twofold/core/caseload/caseload.schemas';
import { programParamsSchema } from '@twofold/core/programs/program.schemas';
import type { Db } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import { acknowledgeFlag, findCoupleOverview, findFlaggedCaseload } from './caseload.service';

const tags = ['programs', 'caseload'];
const consentNote =
  'An active clinician of the program (two-step sign-in); anyone else 404. Each person counts only with an accepted ' +
  'enrollment, and each kind only while they share it with the care team (lapses: reports told to the care team); a ' +
  'kind not shared gives no flag and no hint. Decided on every request; one audit row per person whose data was used, naming the kinds.';

export const caseloadRoutes: FastifyPluginAsyncZod<{ db: Db; cipher: Cipher }> = async (app, { db, cipher }) => {
  app.get(
    '/api/programs/:programId/caseload/flags',
    {
      schema: {
        tags,
        summary: 'My caseload with flags (clinician)',
        description: consentNote,
        params: programParamsSchema,
        querystring: caseloadQuerySchema,
        response: { 200: flaggedCaseloadSchema },
      },
    },
    async (request) => findFlaggedCaseload(db, cipher, request.actor, request.params.programId, request.query.sort),
  );

  app.post(
    '/api/programs/:programId/caseload/acknowledgements',
    {
      schema: {
        tags,
        summary: 'Acknowledge a flag with a note (clinician)',
        description: `${consentNote} The flag must show now; the note is encrypted and attributed to me.`,
        params: programParamsSchema,
        body: acknowledgeFlagInputSchema,
        response: { 201: flagSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await acknowledgeFlag(db, cipher, request.actor, request.params.programId, request.body)),
  );

  app.get(
    '/api/programs/:programId/couples/:coupleId/overview',
    {
      schema: {
        tags,
        summary: 'A couple side by side, or one partner (clinician)',
        description: `${consentNote} The joint work only while both partners share "together" with the care team.`,
        params: coupleOverviewParamsSchema,
        querystring: coupleOverviewQuerySchema,
        response: { 200: coupleOverviewSchema },
      },
    },
    async (request) =>
      findCoupleOverview(db, cipher, request.actor, request.params.programId, request.params.coupleId, request.query.personId),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { careTeamJointWorkSchema, careTeamParamsSchema } from '@twofold/core/together/care-team.schemas';
import type { Db } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import { findJointWorkForCareTeam } from './together-care-team.service';

export const careTeamTogetherRoutes: FastifyPluginAsyncZod<{ db: Db; cipher: Cipher }> = async (app, { db, cipher }) => {
  app.get(
    '/api/programs/:programId/couples/:coupleId/together',
    {
      schema: {
        tags: ['programs', 'together: care team'],
        summary: 'A couple’s joint work, for their clinician (only when both partners share it with the care team)',
        description:
          'An active clinician of the program (two-step sign-in), for a couple whose two current partners both accepted ' +
          'the program and both share `together` with the care team; anything else 404, like a couple that does not ' +
          'exist. Decided on every request; one audit row per partner.',
        params: careTeamParamsSchema,
        response: { 200: careTeamJointWorkSchema },
      },
    },
    async (request) => findJointWorkForCareTeam(db, cipher, request.actor, request.params.programId, request.params.coupleId),
  );
};

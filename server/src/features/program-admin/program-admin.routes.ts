import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { programParamsSchema } from '@twofold/core/programs/program.schemas';
import {
  assignCliniciansInputSchema,
  coupleParamsSchema,
  programAdminSchema,
  staffParamsSchema,
  updateClinicianInputSchema,
} from '@twofold/core/programs/program-admin.schemas';
import type { Db } from '../../platform/db';
import { assignClinicians, findProgramAdmin, updateClinician } from './program-admin.service';

const tags = ['programs'];

export const programAdminRoutes: FastifyPluginAsyncZod<{ db: Db }> = async (app, { db }) => {
  app.get(
    '/api/programs/:programId/admin',
    {
      schema: {
        tags,
        summary: 'Staff, couples with their clinicians, and counts (admin; no clinical content)',
        params: programParamsSchema,
        response: { 200: programAdminSchema },
      },
    },
    async (request) => findProgramAdmin(db, request.actor, request.params.programId),
  );

  app.patch(
    '/api/programs/:programId/clinicians/:userId',
    {
      schema: {
        tags,
        summary: 'Deactivate or reactivate a clinician, or make an admin a clinician too (admin); effective at once',
        params: staffParamsSchema,
        body: updateClinicianInputSchema,
        response: { 200: programAdminSchema },
      },
    },
    async (request) => updateClinician(db, request.actor, request.params.programId, request.params.userId, request.body.active),
  );

  app.put(
    '/api/programs/:programId/couples/:coupleId/clinicians',
    {
      schema: {
        tags,
        summary: 'Assign clinicians to a couple of the program (admin)',
        params: coupleParamsSchema,
        body: assignCliniciansInputSchema,
        response: { 200: programAdminSchema },
      },
    },
    async (request) => assignClinicians(db, request.actor, request.params.programId, request.params.coupleId, request.body.clinicianIds),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { caseloadSchema, createProgramInputSchema, programParamsSchema, programSchema } from '@twofold/core/programs/program.schemas';
import { createdInviteSchema } from '@twofold/core/couples/couple.schemas';
import type { Db } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import { acceptEnrollmentInputSchema } from '@twofold/core/programs/consent.schemas';
import {
  acceptEnrollment,
  createProgram,
  endEnrollment,
  findCaseload,
  findProgram,
  inviteClinician,
  inviteCouple,
  type InviteSettings,
} from './programs.service';

const tags = ['programs'];

export const programsRoutes: FastifyPluginAsyncZod<{ db: Db; cipher: Cipher; invites: InviteSettings }> = async (
  app,
  { db, cipher, invites },
) => {
  app.post(
    '/api/programs',
    { schema: { tags, summary: 'Create a program; I become its admin', body: createProgramInputSchema, response: { 201: programSchema } } },
    async (request, reply) => reply.code(201).send(await createProgram(db, request.actor, request.body.name)),
  );

  app.get(
    '/api/programs/:programId',
    { schema: { tags, summary: 'A program, for its staff', params: programParamsSchema, response: { 200: programSchema } } },
    async (request) => findProgram(db, request.actor, request.params.programId),
  );

  app.post(
    '/api/programs/:programId/clinician-invites',
    { schema: { tags, summary: 'Invite a clinician (admin)', params: programParamsSchema, response: { 201: createdInviteSchema } } },
    async (request, reply) => reply.code(201).send(await inviteClinician(db, request.actor, request.params.programId, invites)),
  );

  app.post(
    '/api/programs/:programId/couple-invites',
    {
      schema: {
        tags,
        summary: 'Invite a couple into the program (clinician)',
        params: programParamsSchema,
        response: { 201: createdInviteSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await inviteCouple(db, request.actor, request.params.programId, invites)),
  );

  app.get(
    '/api/programs/:programId/caseload',
    { schema: { tags, summary: 'Couples in the program (clinician)', params: programParamsSchema, response: { 200: caseloadSchema } } },
    async (request) => findCaseload(db, request.actor, request.params.programId),
  );

  app.post(
    '/api/programs/:programId/enrollment',
    {
      schema: {
        tags,
        summary: 'Accept, for myself, the program my couple was invited to (with my consent to it, if I give one now)',
        params: programParamsSchema,
        body: acceptEnrollmentInputSchema.nullish(),
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await acceptEnrollment(db, { cipher }, request.actor, request.params.programId, request.body?.consent);
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/programs/:programId/enrollment',
    { schema: { tags, summary: 'Leave the program, for myself', params: programParamsSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await endEnrollment(db, request.actor, request.params.programId);
      return reply.code(204).send(null);
    },
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { consentParamsSchema, consentsSchema, grantConsentInputSchema } from '@twofold/core/programs/consent.schemas';
import type { Db } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import { findMyConsents, grantConsents, revokeConsent } from './consents.service';

const tags = ['consents'];

export const consentsRoutes: FastifyPluginAsyncZod<{ db: Db; cipher: Cipher }> = async (app, { db, cipher }) => {
  app.get(
    '/api/me/consents',
    {
      schema: {
        tags,
        summary: 'Every consent I gave a program (current, expired, revoked) and every access made under it',
        response: { 200: consentsSchema },
      },
    },
    async (request) => findMyConsents(db, { cipher }, request.actor),
  );

  app.post(
    '/api/me/consents',
    {
      schema: {
        tags,
        summary: 'Grant a program I am in access to kinds of my data, for a purpose, until a date',
        body: grantConsentInputSchema,
        response: { 201: consentsSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await grantConsents(db, { cipher }, request.actor, request.body)),
  );

  app.delete(
    '/api/me/consents/:consentId',
    {
      schema: {
        tags,
        summary: 'Revoke one of my consents, effective at once',
        params: consentParamsSchema,
        response: { 200: consentsSchema },
      },
    },
    async (request) => revokeConsent(db, { cipher }, request.actor, request.params.consentId),
  );
};

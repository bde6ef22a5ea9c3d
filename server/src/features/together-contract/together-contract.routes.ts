import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  contractHistorySchema,
  contractInputSchema,
  contractSchema,
  contractVersionParamsSchema,
  contractVersionSchema,
  myTrustPartSchema,
  trustCalendarSchema,
  trustDateParamsSchema,
  trustPartInputSchema,
  trustRangeQuerySchema,
} from '@twofold/core/together/contract.schemas';
import type { Db } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import {
  findContract,
  findContractVersions,
  findTrustCalendar,
  recordMyTrustPart,
  saveContract,
  signContractVersion,
} from './together-contract.service';

const tags = ['together: recovery contract'];
const closed = 'Joint: both partners of the current couple only; 409 joint-features-closed until the safety screens open joint features.';

export const contractRoutes: FastifyPluginAsyncZod<{ db: Db; cipher: Cipher }> = async (app, { db, cipher }) => {
  app.get(
    '/api/couple/contract',
    {
      schema: {
        tags,
        summary: 'Our Recovery Contract: the one in force and the newest version',
        description: closed,
        response: { 200: contractSchema },
      },
    },
    async (request) => findContract(db, cipher, request.actor),
  );
  app.put(
    '/api/couple/contract',
    {
      schema: {
        tags,
        summary: 'Change the contract (shared terms and my own part): a new version that needs both signatures',
        description: closed,
        body: contractInputSchema,
        response: { 200: contractSchema },
      },
    },
    async (request) => saveContract(db, cipher, request.actor, request.body),
  );
  app.get(
    '/api/couple/contract/versions',
    {
      schema: {
        tags,
        summary: 'Every version of our contract, newest first',
        description: closed,
        response: { 200: contractHistorySchema },
      },
    },
    async (request) => ({ versions: await findContractVersions(db, cipher, request.actor) }),
  );
  app.post(
    '/api/couple/contract/versions/:id/sign',
    {
      schema: {
        tags,
        summary: 'Sign the newest version, for myself only',
        description: `${closed} Signing twice is harmless; an outdated version answers 409.`,
        params: contractVersionParamsSchema,
        response: { 200: contractVersionSchema },
      },
    },
    async (request) => signContractVersion(db, cipher, request.actor, request.params.id),
  );
  app.get(
    '/api/couple/trust-discussions',
    {
      schema: {
        tags,
        summary: 'The Trust Discussion calendar: each day done, partly done, missed or still going on, and the streaks',
        description: closed,
        querystring: trustRangeQuerySchema,
        response: { 200: trustCalendarSchema },
      },
    },
    async (request) => findTrustCalendar(db, cipher, request.actor, request.query.from, request.query.to),
  );
  app.put(
    '/api/couple/trust-discussions/:date/mine',
    {
      schema: {
        tags,
        summary: 'Record my own part of a day’s Trust Discussion (a day in my own time zone)',
        description: `${closed} Nobody records the other partner’s part.`,
        params: trustDateParamsSchema,
        body: trustPartInputSchema,
        response: { 200: myTrustPartSchema },
      },
    },
    async (request) => recordMyTrustPart(db, cipher, request.actor, request.params.date, request.body),
  );
};

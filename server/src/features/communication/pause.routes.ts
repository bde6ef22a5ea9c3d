import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import { pauseSettingsInputSchema, pauseSettingsSchema, pauseStateSchema } from '@twofold/core/communication/pause.schemas';
import { callPause, findPause, markReadyToReturn, proposeCoolDown } from './pause.service';

const tags = ['communication'];
const joint = 'Joint: both partners of the current couple only; 409 joint-features-closed until the safety screens open joint features.';

export const pauseRoutes: FastifyPluginAsyncZod<{ db: Db; cipher: Cipher }> = async (app, { db }) => {
  // The conflict pause.
  app.get(
    '/api/couple/pause',
    {
      schema: {
        tags,
        summary: 'The running conflict pause (or one that just ended) and the agreed cool-down',
        description: joint,
        response: { 200: pauseStateSchema },
      },
    },
    async (request) => findPause(db, request.actor),
  );
  app.post(
    '/api/couple/pause',
    {
      schema: {
        tags,
        summary: 'Call a conflict pause for both of us (201), or get the one already running (200)',
        description: joint,
        response: { 200: pauseStateSchema, 201: pauseStateSchema },
      },
    },
    async (request, reply) => {
      const { isNew, state } = await callPause(db, request.actor);
      return reply.code(isNew ? 201 : 200).send(state);
    },
  );
  app.post(
    '/api/couple/pause/ready',
    {
      schema: {
        tags,
        summary: 'I am ready to come back; the pause ends when both of us are',
        description: joint,
        response: { 200: pauseStateSchema },
      },
    },
    async (request) => markReadyToReturn(db, request.actor),
  );
  app.put(
    '/api/couple/pause-settings',
    {
      schema: {
        tags,
        summary: 'Propose the cool-down, or agree to my partner’s proposal by choosing the same minutes',
        description: joint,
        body: pauseSettingsInputSchema,
        response: { 200: pauseSettingsSchema },
      },
    },
    async (request) => proposeCoolDown(db, request.actor, request.body.coolDownMinutes),
  );
};

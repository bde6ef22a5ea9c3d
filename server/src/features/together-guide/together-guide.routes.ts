import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { enablingGuideSchema } from '@twofold/core/together/enabling-guide';
import type { Db } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import { findEnablingGuide } from './together-guide.service';

const tags = ['together: boundaries'];

export const guideRoutes: FastifyPluginAsyncZod<{ db: Db; cipher: Cipher }> = async (app, { db, cipher }) => {
  app.get(
    '/api/couple/enabling-guide',
    {
      schema: {
        tags,
        summary: 'The supporting-vs-enabling guide, with examples chosen from our own situations',
        description:
          'Joint: both partners of the current couple only; 409 joint-features-closed until the safety screens open joint features. ' +
          'Chosen from my own reflection, intake and trigger log, our boundaries, and what my partner shares with me ' +
          '(each such read is in their access log). Answers situation ids and reasons only, never anyone’s words. ' +
          'Sources: CRAFT (Smith & Meyers, 2004) and Behavioral Couples Therapy (O’Farrell & Fals-Stewart, 2006).',
        response: { 200: enablingGuideSchema },
      },
    },
    async (request) => findEnablingGuide(db, cipher, request.actor),
  );
};

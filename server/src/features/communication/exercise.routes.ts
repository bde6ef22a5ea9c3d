import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import {
  confirmInputSchema,
  exerciseActionInputSchema,
  exerciseStartInputSchema,
  exerciseStateSchema,
  exerciseSummaryListSchema,
  exerciseSummarySchema,
  paraphraseInputSchema,
} from '@twofold/core/communication/exercise.schemas';
import {
  confirmParaphrase,
  endExercise,
  findExercise,
  listExerciseSummaries,
  passFloor,
  recordParaphrase,
  startExercise,
} from './exercise.service';

const tags = ['communication'];
const joint = 'Joint: both partners of the current couple only; 409 joint-features-closed until the safety screens open joint features.';

export const exerciseRoutes: FastifyPluginAsyncZod<{ db: Db; cipher: Cipher }> = async (app, { db, cipher }) => {
  // The live speaker–listener exercise.
  app.get(
    '/api/couple/exercise',
    {
      schema: {
        tags,
        summary: 'The couple’s running speaker–listener exercise, or null',
        description: joint,
        response: { 200: exerciseStateSchema },
      },
    },
    async (request) => findExercise(db, cipher, request.actor),
  );
  app.post(
    '/api/couple/exercise',
    {
      schema: {
        tags,
        summary: 'Start a speaker–listener exercise (one at a time per couple)',
        description: joint,
        body: exerciseStartInputSchema,
        response: { 201: exerciseStateSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await startExercise(db, cipher, request.actor, request.body)),
  );
  app.post(
    '/api/couple/exercise/paraphrase',
    {
      schema: {
        tags,
        summary: 'The listener records that they paraphrased (optionally what they heard)',
        description: joint,
        body: paraphraseInputSchema,
        response: { 200: exerciseStateSchema },
      },
    },
    async (request) => recordParaphrase(db, cipher, request.actor, request.body),
  );
  app.post(
    '/api/couple/exercise/confirm',
    {
      schema: {
        tags,
        summary: 'The speaker answers the paraphrase: "yes, that\'s it" or "not quite"',
        description: joint,
        body: confirmInputSchema,
        response: { 200: exerciseStateSchema },
      },
    },
    async (request) => confirmParaphrase(db, cipher, request.actor, request.body),
  );
  app.post(
    '/api/couple/exercise/pass',
    {
      schema: {
        tags,
        summary: 'The speaker passes the floor, after a confirmed paraphrase',
        description: joint,
        body: exerciseActionInputSchema,
        response: { 200: exerciseStateSchema },
      },
    },
    async (request) => passFloor(db, cipher, request.actor, request.body.version),
  );
  app.post(
    '/api/couple/exercise/end',
    {
      schema: {
        tags,
        summary: 'End the exercise (either partner, at any moment); answers the summary',
        description: joint,
        body: exerciseActionInputSchema,
        response: { 200: exerciseSummarySchema },
      },
    },
    async (request) => endExercise(db, cipher, request.actor, request.body.version),
  );
  app.get(
    '/api/couple/exercises',
    {
      schema: {
        tags,
        summary: 'Summaries of the couple’s finished exercises, newest first',
        description: joint,
        response: { 200: exerciseSummaryListSchema },
      },
    },
    async (request) => ({ exercises: await listExerciseSummaries(db, cipher, request.actor) }),
  );
};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  attendanceInputSchema,
  calendarFeedParamsSchema,
  calendarFeedSchema,
  careSessionListSchema,
  careSessionParamsSchema,
  careSessionSchema,
  coupleCareParamsSchema,
  createdCalendarFeedSchema,
  rescheduleSessionInputSchema,
  scheduleSessionInputSchema,
} from '@twofold/core/care/session.schemas';
import type { Db } from '../../platform/db';
import {
  cancelSession,
  createMyCalendarFeed,
  findMyCalendarFeed,
  listCoupleSessions,
  listMySessions,
  recordAttendance,
  renderCalendarFeed,
  rescheduleSession,
  revokeMyCalendarFeed,
  scheduleSession,
} from './care-sessions.service';

const tags = ['care sessions'];

export const careSessionsRoutes: FastifyPluginAsyncZod<{ db: Db; publicUrl: string }> = async (app, { db, publicUrl }) => {
  app.post(
    '/api/programs/:programId/couples/:coupleId/sessions',
    {
      schema: {
        tags,
        summary: 'Schedule a joint or individual session for an enrolled couple (clinician)',
        params: coupleCareParamsSchema,
        body: scheduleSessionInputSchema,
        response: { 201: careSessionSchema },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await scheduleSession(db, request.actor, request.params.programId, request.params.coupleId, request.body)),
  );

  app.get(
    '/api/programs/:programId/couples/:coupleId/sessions',
    {
      schema: {
        tags,
        summary: "A couple's sessions with attendance (clinician)",
        params: coupleCareParamsSchema,
        response: { 200: careSessionListSchema },
      },
    },
    async (request) => listCoupleSessions(db, request.actor, request.params.programId, request.params.coupleId),
  );

  app.put(
    '/api/programs/:programId/sessions/:sessionId',
    {
      schema: {
        tags,
        summary: 'Reschedule a session (clinician)',
        params: careSessionParamsSchema,
        body: rescheduleSessionInputSchema,
        response: { 200: careSessionSchema },
      },
    },
    async (request) => rescheduleSession(db, request.actor, request.params.programId, request.params.sessionId, request.body),
  );

  app.post(
    '/api/programs/:programId/sessions/:sessionId/cancel',
    { schema: { tags, summary: 'Cancel a session (clinician)', params: careSessionParamsSchema, response: { 200: careSessionSchema } } },
    async (request) => cancelSession(db, request.actor, request.params.programId, request.params.sessionId),
  );

  app.put(
    '/api/programs/:programId/sessions/:sessionId/attendance',
    {
      schema: {
        tags,
        summary: "Record each participant's attendance (clinician)",
        params: careSessionParamsSchema,
        body: attendanceInputSchema,
        response: { 200: careSessionSchema },
      },
    },
    async (request) => recordAttendance(db, request.actor, request.params.programId, request.params.sessionId, request.body),
  );

  app.get(
    '/api/me/care-sessions',
    { schema: { tags, summary: 'My sessions with the care team (only those I take part in)', response: { 200: careSessionListSchema } } },
    async (request) => listMySessions(db, request.actor),
  );

  app.get(
    '/api/me/calendar-feed',
    { schema: { tags, summary: 'Whether I have a calendar feed address', response: { 200: calendarFeedSchema } } },
    async (request) => findMyCalendarFeed(db, request.actor),
  );

  app.post(
    '/api/me/calendar-feed',
    {
      schema: {
        tags,
        summary: 'Make a new secret calendar feed address (the one before stops working)',
        response: { 201: createdCalendarFeedSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await createMyCalendarFeed(db, request.actor, publicUrl)),
  );

  app.delete(
    '/api/me/calendar-feed',
    { schema: { tags, summary: 'Stop my calendar feed address', response: { 204: z.null() } } },
    async (request, reply) => {
      await revokeMyCalendarFeed(db, request.actor);
      return reply.code(204).send(null);
    },
  );

  // Calendar apps fetch without cookies: the secret token in the address is the only key.
  app.get(
    '/api/calendar/:token/sessions.ics',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'A calendar feed (.ics) of my sessions, by its secret address; neutral words only',
        params: calendarFeedParamsSchema,
        response: { 200: z.string().describe('text/calendar (RFC 5545)') },
      },
    },
    async (request, reply) => {
      const body = await renderCalendarFeed(db, request.params.token, publicUrl);
      return reply.header('content-type', 'text/calendar; charset=utf-8').header('cache-control', 'no-store').send(body);
    },
  );
};

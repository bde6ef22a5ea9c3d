import { PassThrough } from 'node:stream';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { coupleEventsQuerySchema, eventIdSchema } from '@twofold/core/couples/couple-events.schemas';
import type { Db } from '../../platform/db';
import type { DatabaseHandle } from '../../platform/db';
import type { EventStream, StoredCoupleEvent } from '../../platform/events';
import type { SessionPolicy } from '../../platform/sessions';
import { createCoupleEventHub, startCoupleStream } from './couple-events.service';

const tags = ['couple'];
/** The reconnect delay a browser's EventSource uses after the stream drops. */
const retryMs = 3_000;
/** A client this far behind (not reading) is cut off; it reconnects and resumes from its last id. */
const maxBufferedBytes = 1024 * 1024;

export interface CoupleEventsOptions {
  db: Db;
  listen: DatabaseHandle['listen'];
  /** The session rules, re-checked for every open stream (platform/sessions.ts). */
  sessionPolicy: SessionPolicy;
}

/**
 * GET /api/couple/events: the couple's live events as server-sent events, for a current member.
 * The answer is a stream that stays open: it starts with a `retry:` hint and an `event: ready`
 * message whose id is where it starts, replays what the client missed after its Last-Event-ID,
 * then delivers live; a comment line every 20 s keeps proxies from closing it. It ends when the
 * person's session ends or they (or their partner's leaving, for them) stop being a member, and
 * when the server closes: the browser reconnects by itself and resumes.
 */
export const coupleEventsRoutes: FastifyPluginAsyncZod<CoupleEventsOptions> = async (app, { db, listen, sessionPolicy }) => {
  const hub = createCoupleEventHub(db, { sessionPolicy, log: (message, error) => app.log.warn({ err: error }, message) });
  await hub.start(listen);
  app.addHook('preClose', async () => hub.stop());

  app.get(
    '/api/couple/events',
    {
      // Per session, not per address: after a restart every browser behind one proxy reconnects at once.
      config: { rateLimit: { max: 60, timeWindow: '1 minute', keyGenerator: (request) => request.actor?.sessionId ?? request.ip } },
      schema: {
        tags,
        summary: 'Live events of my couple (text/event-stream; resumes after Last-Event-ID)',
        querystring: coupleEventsQuerySchema,
        response: { 200: z.string().describe('text/event-stream: `id:` the event id, `data:` a CoupleEventMessage as JSON') },
      },
    },
    async (request, reply) => {
      // EventSource sends Last-Event-ID itself on a reconnect, and it is newer than a query string
      // kept from the first connection. A malformed header is ignored (EventSource could not recover from a 400).
      const header = request.headers['last-event-id'];
      const fromHeader = typeof header === 'string' && eventIdSchema.safeParse(header).success ? header : undefined;
      const start = await startCoupleStream(db, request.actor, fromHeader ?? request.query.lastEventId ?? null);
      // The stream holds no database connection while it waits: let the embedded database's gate go.
      request.releaseDatabaseSlot?.();

      const body = new PassThrough();
      const write = (text: string) => {
        if (body.writableLength + body.readableLength > maxBufferedBytes) {
          stream.close();
          return;
        }
        body.write(text);
      };
      let isClosed = false;
      const stream: EventStream = {
        coupleId: start.coupleId,
        userId: request.actor.userId,
        sessionId: request.actor.sessionId,
        joinedAt: start.joinedAt,
        cursor: start.cursor,
        send: (events: StoredCoupleEvent[]) => write(events.map(toMessage).join('')),
        close: () => {
          if (!isClosed) {
            isClosed = true;
            cleanUp();
            body.end();
          }
        },
      };
      const stopHeartbeat = hub.onHeartbeat(() => write(': heartbeat\n\n'));
      const cleanUp = () => {
        stopHeartbeat();
        hub.remove(stream);
      };
      // The client went away (or Fastify destroyed the body with the socket).
      body.once('close', () => {
        isClosed = true;
        cleanUp();
      });
      write(`retry: ${retryMs}\n\nevent: ready\nid: ${start.cursor}\ndata: {}\n\n`);
      hub.add(stream);
      return (
        reply
          .header('content-type', 'text/event-stream; charset=utf-8')
          .header('x-accel-buffering', 'no')
          // A stream is sent as it is (never through the response schema, which documents it).
          .send(body as unknown as string)
      );
    },
  );
};

function toMessage(event: StoredCoupleEvent): string {
  const data = JSON.stringify({ id: event.id, type: event.type, actorId: event.actorId, data: event.data, at: event.at });
  return `id: ${event.id}\ndata: ${data}\n\n`;
}

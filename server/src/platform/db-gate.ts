import type { FastifyInstance, FastifyRequest } from 'fastify';
import { problemFor } from './errors';

/**
 * Admission control in front of the embedded database: a bounded, first-come-first-served queue.
 *
 * PGlite is one Postgres backend running on this process's thread, so it serves one query at a
 * time however many requests wait, and its throughput does not grow with the load (about 400
 * couple-page reads a second on 2 cores). Two things keep it from collapsing under more load
 * than that:
 * - its driver (db.ts) lets the event loop turn between two queries, so sockets are read,
 *   connections accepted and timers run while a backlog waits. Without that, a whole backlog ran
 *   in one turn and a client connecting under load waited seconds (docs/BENCHMARKS.md);
 * - this gate admits `concurrency` requests to the database at a time, in arrival order, and
 *   answers 503 with Retry-After at once when `queueLimit` requests are already waiting, instead
 *   of letting the wait grow without bound. A request leaves the queue if its client goes away.
 *
 * A few requests are admitted rather than one so that a request waiting on something other than
 * the database (argon2 on sign-up and log-in takes a while on the thread pool) does not stop
 * everyone else. Routes outside /api (the web app) and the API docs never touch the database and
 * pass. On PostgreSQL the connection pool does this job, so the gate is off.
 */
export interface GateOptions {
  dialect: 'postgres' | 'pglite';
  queueLimit: number;
  concurrency?: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    holdsDatabaseSlot?: boolean;
    leaveDatabaseQueue?: () => void;
    /**
     * Gives the slot back before the answer ends: a long-lived answer (the event stream) that no
     * longer uses the database must not hold one of the few slots for its whole life.
     */
    releaseDatabaseSlot?: () => void;
  }
}

export function installDatabaseGate(app: FastifyInstance, { dialect, queueLimit, concurrency = 4 }: GateOptions): void {
  if (dialect !== 'pglite') {
    return;
  }
  let active = 0;
  // Insertion-ordered: the first entry is the longest waiter, and leaving is O(1).
  const waiting = new Set<() => void>();

  const release = (request: FastifyRequest) => {
    request.leaveDatabaseQueue?.();
    if (!request.holdsDatabaseSlot) {
      return;
    }
    request.holdsDatabaseSlot = false;
    const next = waiting.values().next();
    if (next.done) {
      active -= 1;
    } else {
      waiting.delete(next.value);
      next.value();
    }
  };

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) {
      return;
    }
    if (active < concurrency) {
      active += 1;
    } else if (waiting.size >= queueLimit) {
      // Sent as text: a route's own schema for 503 (the health check has one) must not reshape it.
      const problem = problemFor('service-busy', request, 'Too many requests are waiting for the database.');
      return reply.code(503).header('retry-after', '1').type('application/problem+json').send(JSON.stringify(problem));
    } else {
      // The slot is handed over with `active` unchanged: it passes from the leaver to this request.
      await new Promise<void>((resolve) => {
        waiting.add(resolve);
        request.leaveDatabaseQueue = () => waiting.delete(resolve);
      });
      request.leaveDatabaseQueue = undefined;
    }
    request.holdsDatabaseSlot = true;
    request.releaseDatabaseSlot = () => release(request);
  });
  app.addHook('onResponse', async (request) => release(request));
  app.addHook('onRequestAbort', async (request) => release(request));
}

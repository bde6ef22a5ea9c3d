import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from './errors';

/**
 * A bounded FIFO in front of the embedded database. PGlite has one connection and runs each query
 * on this process's thread; when many requests are let in at once their queries interleave, so
 * every request waits for everyone else's queries and all finish late together. Admitting a few
 * requests at a time (FIFO) lets each finish in turn, and a full queue answers 503 at once
 * (with Retry-After) instead of letting waiting time grow without bound.
 * On PostgreSQL the connection pool is the gate, so this one is off.
 */
export interface GateOptions {
  dialect: 'postgres' | 'pglite';
  queueLimit: number;
  concurrency?: number;
}

declare module 'fastify' {
  interface FastifyRequest {
    holdsDatabaseSlot?: boolean;
  }
}

export function installDatabaseGate(app: FastifyInstance, { dialect, queueLimit, concurrency = 2 }: GateOptions): void {
  if (dialect !== 'pglite') {
    return;
  }
  let active = 0;
  const waiting: Array<() => void> = [];

  const release = (request: FastifyRequest) => {
    if (!request.holdsDatabaseSlot) {
      return;
    }
    request.holdsDatabaseSlot = false;
    const next = waiting.shift();
    if (next) {
      next();
    } else {
      active -= 1;
    }
  };

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/') || request.url.startsWith('/api/docs')) {
      return;
    }
    if (active < concurrency) {
      active += 1;
    } else if (waiting.length >= queueLimit) {
      reply.header('retry-after', '1');
      throw new DomainError('service-busy', 'Too many requests are waiting for the database.');
    } else {
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
    request.holdsDatabaseSlot = true;
  });
  app.addHook('onResponse', async (request) => release(request));
  app.addHook('onRequestAbort', async (request) => release(request));
}

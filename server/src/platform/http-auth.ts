import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyCsrf from '@fastify/csrf-protection';
import type { Db } from './db';
import { type Actor, findActiveSession, type SessionPolicy } from './sessions';
import { DomainError } from './errors';

export const sessionCookie = 'twofold_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person. Set on every route that is not `config: { public: true }`. */
    actor: Actor;
    /** The signed-in person on public routes, when there is one. */
    optionalActor: Actor | null;
  }
  interface FastifyContextConfig {
    /** The route works without a session (health, docs, sign-up, log-in, invite preview). */
    public?: boolean;
  }
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Every /api route needs a session unless it says `config: { public: true }`: default deny.
 * Every state-changing request, public or not, must carry the CSRF token (synchroniser token
 * bound to an HttpOnly, SameSite=Strict secret cookie, @fastify/csrf-protection).
 */
export async function installHttpAuth(app: FastifyInstance, db: Db, policy: SessionPolicy, secureCookies: boolean): Promise<void> {
  await app.register(fastifyCsrf, {
    cookieKey: 'twofold_csrf',
    cookieOpts: { httpOnly: true, sameSite: 'strict', secure: secureCookies, path: '/', signed: false },
    getToken: (request) => request.headers['x-csrf-token'] as string | undefined,
  });

  app.decorateRequest('actor', null as unknown as Actor);
  app.decorateRequest('optionalActor', null);

  // On failure csrfProtection answers itself (a 403 problem via the error handler) and never calls done.
  app.addHook('onRequest', (request, reply, done) => {
    if (isApiRoute(request) && unsafeMethods.has(request.method)) {
      app.csrfProtection(request, reply, done);
    } else {
      done();
    }
  });

  app.addHook('onRequest', async (request) => {
    if (!isApiRoute(request)) {
      return;
    }
    const actor = await sessionActor(request, db, policy);
    if (request.routeOptions.config.public === true || isDocumentation(request)) {
      request.optionalActor = actor;
      return;
    }
    if (!actor) {
      throw new DomainError('unauthenticated', 'Your session has ended. Please log in again.');
    }
    request.actor = actor;
    request.optionalActor = actor;
  });
}

/** The interactive API docs (@fastify/swagger-ui) are public, like the OpenAPI document. */
function isDocumentation(request: FastifyRequest): boolean {
  return request.routeOptions.url?.startsWith('/api/docs') === true;
}

function isApiRoute(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/') && request.routeOptions.url !== undefined;
}

async function sessionActor(request: FastifyRequest, db: Db, policy: SessionPolicy): Promise<Actor | null> {
  const token = request.cookies[sessionCookie];
  if (!token || token.length > 128) {
    return null;
  }
  return findActiveSession(db, token, policy);
}

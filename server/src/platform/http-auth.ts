import type { FastifyInstance, FastifyRequest } from 'fastify';
import fastifyCsrf from '@fastify/csrf-protection';
import type { Db } from './db';
import { type Actor, findActiveSession, type SessionClaim, type SessionPolicy } from './sessions';
import { hashToken } from './crypto';
import { DomainError } from './errors';

export const sessionCookie = 'twofold_session';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person. Set on every route that is not `config: { public: true }`. */
    actor: Actor;
    /** The signed-in person on public routes, when there is one. */
    optionalActor: Actor | null;
    /**
     * On routes with `config: { sessionInQuery: true }` only: the session cookie, not yet checked.
     * `request.actor` is not set there; the route's one statement checks the session
     * (`inSession` in platform/sessions.ts) and answers 401 when it has ended.
     */
    sessionClaim: SessionClaim;
  }
  interface FastifyContextConfig {
    /** The route works without a session (health, docs, sign-up, log-in, invite preview). */
    public?: boolean;
    /**
     * The route checks the session in its own one statement (`inSession`), saving a round trip
     * to the database on a page read on every visit. A request without a session cookie is
     * still answered 401 here; `request.actor` stays unset (reading it fails, never leaks).
     */
    sessionInQuery?: boolean;
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
  app.decorateRequest('sessionClaim', null as unknown as SessionClaim);

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
    if (request.routeOptions.config.sessionInQuery === true && request.routeOptions.config.public !== true) {
      const token = sessionToken(request);
      if (!token) {
        throw new DomainError('unauthenticated', 'Your session has ended. Please log in again.');
      }
      request.sessionClaim = { sessionId: hashToken(token), policy };
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

function sessionToken(request: FastifyRequest): string | null {
  const token = request.cookies[sessionCookie];
  return !token || token.length > 128 ? null : token;
}

async function sessionActor(request: FastifyRequest, db: Db, policy: SessionPolicy): Promise<Actor | null> {
  const token = sessionToken(request);
  return token ? findActiveSession(db, token, policy) : null;
}

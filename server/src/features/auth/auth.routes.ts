import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  confirmSignupInputSchema,
  csrfTokenSchema,
  loginInputSchema,
  meSchema,
  signupAcceptedSchema,
  signupRequestSchema,
  updateProfileInputSchema,
} from '@twofold/core/auth/auth.schemas';
import { sessionCookie } from '../../platform/http-auth';
import { confirmSignup, findMe, logIn, logOut, logOutEverywhere, requestSignup, updateProfile, type AuthContext } from './auth.service';

export interface AuthRoutesOptions {
  ctx: AuthContext;
  secureCookies: boolean;
  authRateLimit: { max: number; timeWindow: string };
}

const tags = ['account'];

export const authRoutes: FastifyPluginAsyncZod<AuthRoutesOptions> = async (app, { ctx, secureCookies, authRateLimit }) => {
  const setSessionCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(sessionCookie, token, {
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies,
      path: '/',
      maxAge: ctx.sessionPolicy.maxHours * 3600,
    });
  const clearSessionCookie = (reply: FastifyReply) => reply.clearCookie(sessionCookie, { path: '/' });

  app.get(
    '/api/csrf-token',
    {
      config: { public: true },
      schema: { tags, summary: 'Get a CSRF token for state-changing requests', response: { 200: csrfTokenSchema } },
    },
    async (_request, reply) => ({ token: reply.generateCsrf() }),
  );

  app.post(
    '/api/auth/signup',
    {
      config: { public: true, rateLimit: authRateLimit },
      schema: {
        tags,
        summary: 'Start a sign-up; a link to finish it is e-mailed',
        description: 'Answers 202 whether or not the address already has an account, so accounts cannot be discovered.',
        body: signupRequestSchema,
        response: { 202: signupAcceptedSchema },
      },
    },
    async (request, reply) => {
      await requestSignup(ctx, request.body);
      return reply.code(202).send({ status: 'check-email', message: 'Check your e-mail for a link to finish signing up.' });
    },
  );

  app.post(
    '/api/auth/confirm',
    {
      config: { public: true, rateLimit: authRateLimit },
      schema: {
        tags,
        summary: 'Finish a sign-up with the e-mailed token; starts a session',
        body: confirmSignupInputSchema,
        response: { 201: meSchema },
      },
    },
    async (request, reply) => {
      const { user, sessionToken } = await confirmSignup(ctx, request.body.token);
      setSessionCookie(reply, sessionToken);
      return reply.code(201).send(await findMe(ctx.db, user.id));
    },
  );

  app.post(
    '/api/auth/login',
    {
      config: { public: true, rateLimit: authRateLimit },
      schema: { tags, summary: 'Log in', body: loginInputSchema, response: { 200: meSchema } },
    },
    async (request, reply) => {
      const { user, sessionToken } = await logIn(ctx, request.body.email, request.body.password);
      setSessionCookie(reply, sessionToken);
      return findMe(ctx.db, user.id);
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags, summary: 'Log out of this device', response: { 204: z.null() } } },
    async (request, reply) => {
      await logOut(ctx.db, request.actor);
      clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/logout-everywhere',
    { schema: { tags, summary: 'Log out of every device', response: { 204: z.null() } } },
    async (request, reply) => {
      await logOutEverywhere(ctx.db, request.actor);
      clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );

  app.get('/api/me', { schema: { tags, summary: 'Who I am', response: { 200: meSchema } } }, async (request) =>
    findMe(ctx.db, request.actor.userId),
  );

  app.patch(
    '/api/me',
    { schema: { tags, summary: 'Change my name, language or time zone', body: updateProfileInputSchema, response: { 200: meSchema } } },
    async (request) => updateProfile(ctx.db, request.actor, request.body),
  );
};

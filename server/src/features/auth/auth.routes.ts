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
import {
  passwordChangeInputSchema,
  passwordResetAcceptedSchema,
  passwordResetConfirmSchema,
  passwordResetRequestSchema,
  recoveryCodesSchema,
  twoFactorChallengeSchema,
  twoFactorConfirmInputSchema,
  twoFactorDisableInputSchema,
  twoFactorEnrolmentSchema,
  twoFactorLoginInputSchema,
  twoFactorStatusSchema,
} from '@twofold/core/auth/sign-in-security.schemas';
import { sessionCookie } from '../../platform/http-auth';
import {
  completeTwoFactorLogin,
  confirmSignup,
  findMe,
  logIn,
  logOut,
  logOutEverywhere,
  pendingLoginMinutes,
  requestSignup,
  updateProfile,
  type AuthContext,
} from './auth.service';
import { changePassword, confirmPasswordReset, requestPasswordReset } from './password.service';
import { confirmEnrolment, disableTwoFactor, findTwoFactorStatus, startEnrolment } from './two-factor.service';

/** Sent with every log-out (Clear-Site-Data, W3C): the browser drops the site's cache, cookies and storage. */
export const clearSiteDataValue = '"cache", "cookies", "storage"';
/** Between the password and the code of a two-step login; sent only to the code step. */
const pendingLoginCookie = 'twofold_pending_login';
const pendingLoginPath = '/api/auth/login';

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
  /**
   * Log-out tells the browser to drop everything it keeps for this site: cache, cookies, storage
   * (and service workers). Also when the session had already ended (401), so a tab left open past
   * the idle timeout is cleared too; never on any other answer (a refused CSRF token: 403), so a
   * forged request cannot wipe a browser.
   */
  const clearSiteData = {
    onSend: async (_request: unknown, reply: FastifyReply, payload: unknown) => {
      if (reply.statusCode === 204 || reply.statusCode === 401) {
        reply.header('clear-site-data', clearSiteDataValue);
      }
      return payload;
    },
  };
  const twoFactorChallenge = {
    status: 'two-factor-required' as const,
    message: 'Enter the code from your authenticator app, or a recovery code.',
  };

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
      const { user, sessionToken } = await confirmSignup(ctx, request.body.token, request.cookies[sessionCookie]);
      setSessionCookie(reply, sessionToken);
      return reply.code(201).send(await findMe(ctx.db, user.id));
    },
  );

  app.post(
    '/api/auth/login',
    {
      config: { public: true, rateLimit: authRateLimit },
      schema: {
        tags,
        summary: 'Log in',
        description:
          'Answers 200 with a session, or 202 when the account uses two-step sign-in: then POST /api/auth/login/two-factor with a code within 5 minutes. Attempts are limited per client address and per address typed.',
        body: loginInputSchema,
        response: { 200: meSchema, 202: twoFactorChallengeSchema },
      },
    },
    async (request, reply) => {
      const result = await logIn(ctx, request.body.email, request.body.password, request.cookies[sessionCookie]);
      if (result.kind === 'two-factor') {
        reply.setCookie(pendingLoginCookie, result.pendingToken, {
          httpOnly: true,
          sameSite: 'strict',
          secure: secureCookies,
          path: pendingLoginPath,
          maxAge: pendingLoginMinutes * 60,
        });
        return reply.code(202).send(twoFactorChallenge);
      }
      setSessionCookie(reply, result.sessionToken);
      return reply.code(200).send(await findMe(ctx.db, result.user.id));
    },
  );

  app.post(
    '/api/auth/login/two-factor',
    {
      config: { public: true, rateLimit: authRateLimit },
      schema: {
        tags,
        summary: 'Second step of a two-step login: a code from the app, or a recovery code; starts a session',
        body: twoFactorLoginInputSchema,
        response: { 200: meSchema },
      },
    },
    async (request, reply) => {
      const { user, sessionToken } = await completeTwoFactorLogin(
        ctx,
        request.cookies[pendingLoginCookie],
        request.body.code,
        request.cookies[sessionCookie],
      );
      reply.clearCookie(pendingLoginCookie, { path: pendingLoginPath });
      setSessionCookie(reply, sessionToken);
      return findMe(ctx.db, user.id);
    },
  );

  app.post(
    '/api/auth/password-reset',
    {
      config: { public: true, rateLimit: authRateLimit },
      schema: {
        tags,
        summary: 'Ask for a password reset link by e-mail',
        description: 'Answers 202 the same way whether or not the address has an account; only an account gets the e-mail.',
        body: passwordResetRequestSchema,
        response: { 202: passwordResetAcceptedSchema },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(ctx, request.body.email);
      return reply.code(202).send({
        status: 'check-email',
        message: 'If an account has this address, we sent it a link to choose a new password.',
      });
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    {
      config: { public: true, rateLimit: authRateLimit },
      schema: {
        tags,
        summary: 'Choose a new password with the e-mailed link; every session of the account ends',
        description: 'Answers 204; then log in with the new password (and the second factor, if the account uses one).',
        body: passwordResetConfirmSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await confirmPasswordReset(ctx, request.body.token, request.body.password);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/logout',
    {
      ...clearSiteData,
      schema: { tags, summary: 'Log out of this device; the browser is told to clear its data for this site', response: { 204: z.null() } },
    },
    async (request, reply) => {
      await logOut(ctx.db, request.actor);
      clearSessionCookie(reply);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/auth/logout-everywhere',
    {
      ...clearSiteData,
      schema: {
        tags,
        summary: 'Log out of every device; this browser is told to clear its data for this site',
        response: { 204: z.null() },
      },
    },
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

  app.post(
    '/api/me/password',
    {
      schema: {
        tags,
        summary: 'Change my password; every other session ends and this one is renewed',
        body: passwordChangeInputSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      setSessionCookie(reply, await changePassword(ctx, request.actor, request.body));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/me/two-factor',
    { schema: { tags, summary: 'Is two-step sign-in on, and is it required of me?', response: { 200: twoFactorStatusSchema } } },
    async (request) => findTwoFactorStatus(ctx.db, request.actor.userId),
  );

  app.post(
    '/api/me/two-factor',
    {
      schema: {
        tags,
        summary: 'Start setting up two-step sign-in: a new secret as an otpauth URI and a QR code',
        response: { 201: twoFactorEnrolmentSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await startEnrolment(ctx, request.actor)),
  );

  app.post(
    '/api/me/two-factor/confirm',
    {
      schema: {
        tags,
        summary: 'Turn two-step sign-in on with a first code; answers the recovery codes, once',
        description: 'Every other session ends; this one is renewed.',
        body: twoFactorConfirmInputSchema,
        response: { 200: recoveryCodesSchema },
      },
    },
    async (request, reply) => {
      const { recoveryCodes, sessionToken } = await confirmEnrolment(ctx, request.actor, request.body.code);
      setSessionCookie(reply, sessionToken);
      return { recoveryCodes };
    },
  );

  app.post(
    '/api/me/two-factor/disable',
    {
      schema: {
        tags,
        summary: 'Turn two-step sign-in off: needs the password and a code',
        body: twoFactorDisableInputSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await disableTwoFactor(ctx, request.actor, request.body.password, request.body.code);
      return reply.code(204).send(null);
    },
  );
};

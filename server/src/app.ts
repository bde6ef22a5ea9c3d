import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { crisisResourcesByRegion, defaultCrisisRegion } from '@twofold/core/crisis/crisis-resources';
import type { Config } from './platform/config';
import type { DatabaseHandle } from './platform/db';
import type { Cipher } from './platform/crypto';
import { createMailer, type Mailer } from './platform/mailer';
import { installErrorHandling, problemFor, sendProblem } from './platform/errors';
import { installHttpAuth } from './platform/http-auth';
import { installSecurityHeaders, type SecurityHeadersFor } from './platform/security-headers';
import { installDatabaseGate } from './platform/db-gate';
import { throttlePolicy } from './platform/throttle';
import { authRoutes } from './features/auth/auth.routes';
import { couplesRoutes } from './features/couples/couples.routes';
import { invitesRoutes } from './features/invites/invites.routes';
import { programsRoutes } from './features/programs/programs.routes';
import { programAdminRoutes } from './features/program-admin/program-admin.routes';
import { sharingRoutes } from './features/sharing/sharing.routes';
import { consentsRoutes } from './features/consents/consents.routes';
import { supportPreferencesRoutes } from './features/support-preferences/support-preferences.routes';
import { auditRoutes } from './features/audit/audit.routes';
import { systemRoutes } from './features/system/system.routes';
import { intakeRoutes } from './features/intake/intake.routes';
import { checkinsRoutes } from './features/checkins/checkins.routes';
import { triggersRoutes } from './features/triggers/triggers.routes';
import { copingRoutes } from './features/coping/coping.routes';
import { journalRoutes } from './features/journal/journal.routes';
import { goalsRoutes } from './features/goals/goals.routes';
import { assessmentsRoutes } from './features/assessments/assessments.routes';
import { coupleEventsRoutes } from './features/couple-events/couple-events.routes';
import { skillsRoutes } from './features/communication/skills.routes';
import { connectionRoutes } from './features/communication/connection.routes';
import { exerciseRoutes } from './features/communication/exercise.routes';
import { pauseRoutes } from './features/communication/pause.routes';
import { contractRoutes } from './features/together-contract/together-contract.routes';
import { accountabilityRoutes } from './features/together-accountability/together-accountability.routes';
import { boundariesRoutes } from './features/together-boundaries/together-boundaries.routes';
import { futureRoutes } from './features/together-future/together-future.routes';
import { guideRoutes } from './features/together-guide/together-guide.routes';
import { careTeamTogetherRoutes } from './features/together-care-team/together-care-team.routes';
import { caseloadRoutes } from './features/caseload/caseload.routes';
import { insightsRoutes } from './features/insights/insights.routes';
import { weeklySummariesRoutes } from './features/weekly-summaries/weekly-summaries.routes';
import { planRoutes } from './features/setbacks/plan.routes';
import { lapseRoutes } from './features/setbacks/lapse.routes';
import { strugglingRoutes } from './features/setbacks/struggling.routes';
import { sessionNotesRoutes } from './features/session-notes/session-notes.routes';
import { progressReportRoutes } from './features/progress-report/progress-report.routes';
import { instrumentIds } from '@twofold/core/assessments/instruments';
import { remindersRoutes } from './features/reminders/reminders.routes';
import { createReminderJobs } from './features/reminders/reminder-jobs';
import { createPushSender, type PushSender } from './features/reminders/push-sender';
import { careSessionsRoutes } from './features/care-sessions/care-sessions.routes';
import { careHomeworkRoutes } from './features/care-homework/care-homework.routes';

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: ReadonlyArray<{ method: string; url: string; isPublic: boolean }>;
  }
}

export interface AppDependencies {
  config: Config;
  database: DatabaseHandle;
  cipher: Cipher;
  /** Defaults to SMTP from the configuration, or the log when SMTP_URL is unset. */
  mailer?: Mailer;
  /** Web Push for reminders; defaults to VAPID from the configuration (none without keys). */
  pushSender?: PushSender | null;
  logger?: FastifyServerOptions['logger'];
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const noBodySchema = z.strictObject({}).nullish().describe('No body.');

const webDist = fileURLToPath(new URL('../../web/dist', import.meta.url));

// Invite and sign-up tokens travel in URLs; they never reach the log.
const secretInUrl = /(\/(?:invites|join)\/)[A-Za-z0-9_-]+|([?&]token=)[^&]+/g;
export const redactUrl = (url: string) => url.replace(secretInUrl, (_m, path?: string, query?: string) => `${path ?? query}[redacted]`);

/** Builds the Twofold HTTP app without listening, so tests can `inject` requests. */
export async function buildApp({ config, database, cipher, mailer, pushSender, logger }: AppDependencies): Promise<FastifyInstance> {
  // A malformed or over-long path is refused by the router before any hook runs: it still gets
  // problem+json and the security headers (set below, once they are worked out).
  let securityHeadersFor: SecurityHeadersFor = () => ({});
  const app = Fastify({
    logger: logger ?? {
      level: config.logLevel,
      serializers: { req: (request) => ({ method: request.method, url: redactUrl(request.url), id: request.id }) },
    },
    bodyLimit: 64 * 1024,
    trustProxy: config.trustProxy,
    routerOptions: { ignoreTrailingSlash: true },
    frameworkErrors: (_error, request, reply) => {
      reply.headers(securityHeadersFor(request.url));
      void sendProblem(reply, problemFor('validation-failed', request, 'This address is not valid.'));
    },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Every route, as registered: the authorization matrix test checks that none is left out.
  const routeTable: Array<{ method: string; url: string; isPublic: boolean }> = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    // A state-changing route without a body schema accepts no body at all, so stray fields are a 400.
    const isUnsafe = [route.method].flat().some((method) => unsafeMethods.has(method));
    if (isUnsafe && route.url.startsWith('/api/') && route.schema?.body === undefined) {
      route.schema = { ...route.schema, body: noBodySchema };
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') {
        routeTable.push({ method, url: route.url, isPublic: route.config?.public === true });
      }
    }
  });

  const db = database.db;
  securityHeadersFor = await installSecurityHeaders(app, { hsts: config.secureCookies });
  installErrorHandling(app);
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  installDatabaseGate(app, { dialect: database.dialect, queueLimit: config.dbQueueLimit });
  await installHttpAuth(app, db, config.sessionPolicy, config.secureCookies);

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Twofold API',
        version: '0.1.0',
        description:
          'Twofold: couples recovering from substance use together. Every state-changing request needs the x-csrf-token header (GET /api/csrf-token). Errors are application/problem+json.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'twofold_session' } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true, uiConfig: { deepLinking: false } });
  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  const invites = { ttlDays: config.inviteTtlDays, publicUrl: config.publicUrl };
  const crisis = {
    region: config.crisisRegion,
    resources: crisisResourcesByRegion[config.crisisRegion] ?? crisisResourcesByRegion[defaultCrisisRegion]!,
  };
  const authRateLimit = { max: config.rateLimitAuthPerMinute, timeWindow: '1 minute' };
  const throttle = throttlePolicy(config.rateLimitAccount.attempts, config.rateLimitAccount.windowMinutes);
  const authContext = {
    db,
    mailer: mailer ?? createMailer(config.smtp, app.log),
    publicUrl: config.publicUrl,
    sessionPolicy: config.sessionPolicy,
    cipher,
    throttle,
    passwordResetTtlMinutes: config.passwordResetTtlMinutes,
    log: app.log,
  };

  await app.register(systemRoutes, { db, dialect: database.dialect, crisis });
  await app.register(authRoutes, { ctx: authContext, secureCookies: config.secureCookies, authRateLimit });
  await app.register(couplesRoutes, { db, invites });
  await app.register(invitesRoutes, { db, rateLimit: authRateLimit, throttle });
  await app.register(programsRoutes, { db, cipher, invites });
  await app.register(programAdminRoutes, { db });
  await app.register(sharingRoutes, { db, cipher });
  await app.register(consentsRoutes, { db, cipher });
  await app.register(supportPreferencesRoutes, { db, cipher });
  await app.register(auditRoutes, { db });
  for (const personal of [intakeRoutes, checkinsRoutes, triggersRoutes, copingRoutes, journalRoutes, goalsRoutes]) {
    await app.register(personal, { db, cipher });
  }
  // The couple's joint work (issue 5).
  await app.register(contractRoutes, { db, cipher });
  await app.register(planRoutes, { db, cipher });
  await app.register(accountabilityRoutes, { db, cipher });
  await app.register(boundariesRoutes, { db, cipher });
  await app.register(futureRoutes, { db, cipher });
  await app.register(guideRoutes, { db, cipher });
  await app.register(careTeamTogetherRoutes, { db, cipher });
  await app.register(caseloadRoutes, { db, cipher });
  await app.register(insightsRoutes, { db });
  await app.register(weeklySummariesRoutes, { db });
  await app.register(lapseRoutes, { db, cipher });
  await app.register(strugglingRoutes, { db, cipher });
  await app.register(sessionNotesRoutes, { db, cipher });
  await app.register(progressReportRoutes, { db, cipher });
  // Communication (issue 5): the skills library for everyone; the live tools for the couple.
  for (const communication of [skillsRoutes, exerciseRoutes, pauseRoutes, connectionRoutes]) {
    await app.register(communication, { db, cipher });
  }
  await app.register(coupleEventsRoutes, { db, listen: database.listen, sessionPolicy: config.sessionPolicy });
  await app.register(assessmentsRoutes, {
    db,
    settings: {
      offered: instrumentIds.filter((id) => !config.instrumentsOff.includes(id)),
      ptsdCutoff: config.ptsdCutoff,
      crisis: crisis.resources,
    },
  });
  // The care team's sessions (with calendar feeds) and homework (issue 8).
  await app.register(careSessionsRoutes, { db, publicUrl: config.publicUrl });
  await app.register(careHomeworkRoutes, {
    db,
    cipher,
    offeredInstruments: instrumentIds.filter((id) => !config.instrumentsOff.includes(id)),
  });
  // Reminders (issue 9): the person's own settings and list; the jobs run where the sweep is on.
  await app.register(remindersRoutes, { db, pushPublicKey: config.reminders.vapid?.publicKey ?? null });
  if (config.reminders.sweepSeconds > 0) {
    const jobs = createReminderJobs({
      database,
      sweepSeconds: config.reminders.sweepSeconds,
      send: {
        mailer: authContext.mailer,
        push: pushSender === undefined ? createPushSender(config.reminders.vapid) : pushSender,
        publicUrl: config.publicUrl,
      },
      offeredInstruments: instrumentIds.filter((id) => !config.instrumentsOff.includes(id)),
      log: app.log,
    });
    app.addHook('onReady', () => jobs.start());
    // Before the database closes (main.ts closes it onClose).
    app.addHook('preClose', () => jobs.stop());
  }

  await serveWebApp(app);
  return app;
}

/** Serves the built single-page app; any other GET outside /api gets index.html. */
async function serveWebApp(app: FastifyInstance): Promise<void> {
  const hasBuild = existsSync(`${webDist}/index.html`);
  if (hasBuild) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && !request.url.startsWith('/assets/');
    if (isPage && hasBuild) {
      return reply.type('text/html').sendFile('index.html');
    }
    return sendProblem(reply, problemFor('not-found', request));
  });
}

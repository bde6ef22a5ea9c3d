import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  assessmentInputSchema,
  assessmentListSchema,
  assessmentQuerySchema,
  attachmentViewSchema,
  careAlertListSchema,
  careAlertParamsSchema,
  clinicianScheduleParamsSchema,
  instrumentListSchema,
  jointFeaturesSchema,
  programPersonParamsSchema,
  safetyScreenStatusSchema,
  scheduleInputSchema,
  scheduleListSchema,
  scheduleParamsSchema,
  sharedAssessmentListSchema,
  sharedAssessmentParamsSchema,
  submitResultSchema,
} from '@twofold/core/assessments/assessment.schemas';
import type { Db } from '../../platform/db';
import {
  type AssessmentSettings,
  acknowledgeCareAlert,
  exportFhir,
  findAttachmentView,
  findCareAlerts,
  findJointFeatures,
  findMyAssessments,
  findSafetyScreen,
  findSchedules,
  findSharedAssessments,
  offeredInstruments,
  removeMySchedule,
  reopenJointFeaturesAsClinician,
  reopenMyJointFeatures,
  setMySchedule,
  setScheduleAsClinician,
  submitAssessment,
} from './assessments.service';

const tags = ['assessments'];
const fhirBundleSchema = z.looseObject({ resourceType: z.literal('Bundle'), type: z.string() }).describe('A FHIR R4 Bundle (collection).');

export const assessmentsRoutes: FastifyPluginAsyncZod<{ db: Db; settings: AssessmentSettings }> = async (app, { db, settings }) => {
  app.get(
    '/api/assessments/instruments',
    {
      schema: {
        tags,
        summary: 'The questionnaires this Twofold offers, with their items, scoring bands and sources',
        response: { 200: instrumentListSchema },
      },
    },
    async () => ({ instruments: offeredInstruments(settings), ptsdCutoff: settings.ptsdCutoff }),
  );

  app.get(
    '/api/me/assessments',
    { schema: { tags, summary: 'My results, newest first', querystring: assessmentQuerySchema, response: { 200: assessmentListSchema } } },
    async (request) => ({ assessments: await findMyAssessments(db, request.actor, request.query.instrumentId) }),
  );
  app.post(
    '/api/me/assessments',
    {
      schema: {
        tags,
        summary: 'Save a filled-in questionnaire; a critical answer starts the safety flow',
        body: assessmentInputSchema,
        response: { 201: submitResultSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await submitAssessment(db, settings, request.actor, request.body)),
  );
  app.get(
    '/api/me/assessments/fhir',
    {
      schema: {
        tags,
        summary: 'All my results as a FHIR R4 Bundle (QuestionnaireResponse + Observation)',
        response: { 200: fhirBundleSchema },
      },
    },
    async (request, reply) => {
      const bundle = await exportFhir(db, request.actor);
      return reply
        .type('application/fhir+json; charset=utf-8')
        .header('content-disposition', 'attachment; filename="twofold-assessments.fhir.json"')
        .send(bundle);
    },
  );
  app.get(
    '/api/people/:partnerId/assessments/:family',
    {
      schema: {
        tags,
        summary: "Another person's scores of one family of questionnaires, when shared with me (never their answers)",
        params: sharedAssessmentParamsSchema,
        response: { 200: sharedAssessmentListSchema },
      },
    },
    async (request) => ({
      ownerId: request.params.partnerId,
      family: request.params.family,
      assessments: await findSharedAssessments(db, request.actor, request.params.partnerId, request.params.family),
    }),
  );

  app.get(
    '/api/me/assessment-schedules',
    { schema: { tags, summary: 'How often each questionnaire is due for me, and what is due now', response: { 200: scheduleListSchema } } },
    async (request) => findSchedules(db, settings, request.actor),
  );
  app.put(
    '/api/me/assessment-schedules/:instrumentId',
    {
      schema: {
        tags,
        summary: 'Set how often a questionnaire is due',
        params: scheduleParamsSchema,
        body: scheduleInputSchema,
        response: { 200: scheduleListSchema },
      },
    },
    async (request) => setMySchedule(db, settings, request.actor, request.params.instrumentId, request.body.everyDays),
  );
  app.delete(
    '/api/me/assessment-schedules/:instrumentId',
    { schema: { tags, summary: 'Stop a questionnaire being due', params: scheduleParamsSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await removeMySchedule(db, request.actor, request.params.instrumentId);
      return reply.code(204).send(null);
    },
  );
  app.put(
    '/api/programs/:programId/people/:personId/assessment-schedules/:instrumentId',
    {
      schema: {
        tags,
        summary: 'A clinician sets how often a questionnaire is due for a person enrolled in their program',
        params: clinicianScheduleParamsSchema,
        body: scheduleInputSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await setScheduleAsClinician(db, settings, request.actor, request.params, request.body.everyDays);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/me/safety-screen',
    {
      schema: {
        tags,
        summary: 'My private relationship-safety screen: missing, clear, positive or reopened',
        response: { 200: safetyScreenStatusSchema },
      },
    },
    async (request) => findSafetyScreen(db, settings, request.actor),
  );
  app.post(
    '/api/me/safety-screen/reopen',
    {
      schema: {
        tags,
        summary: 'After a positive screen, open joint features again (my own choice)',
        response: { 200: safetyScreenStatusSchema },
      },
    },
    async (request) => reopenMyJointFeatures(db, settings, request.actor),
  );
  app.post(
    '/api/programs/:programId/people/:personId/safety-screen/reopen',
    {
      schema: {
        tags,
        summary: 'A clinician opens joint features again for a person after a positive screen',
        params: programPersonParamsSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await reopenJointFeaturesAsClinician(db, request.actor, request.params.programId, request.params.personId);
      return reply.code(204).send(null);
    },
  );
  app.get(
    '/api/couple/joint-features',
    {
      schema: {
        tags,
        summary: 'Whether the couple’s joint features are open (says nothing about why not)',
        response: { 200: jointFeaturesSchema },
      },
    },
    async (request) => findJointFeatures(db, request.actor),
  );
  app.get(
    '/api/couple/attachment',
    {
      schema: {
        tags,
        summary: 'My ECR-S, my partner’s when shared, and how the two meet when both share',
        response: { 200: attachmentViewSchema },
      },
    },
    async (request) => findAttachmentView(db, request.actor),
  );

  app.get(
    '/api/programs/:programId/alerts',
    {
      schema: {
        tags,
        summary: 'Safety alerts about people enrolled in my program (clinicians only)',
        params: z.strictObject({ programId: z.uuid() }),
        response: { 200: careAlertListSchema },
      },
    },
    async (request) => ({ alerts: await findCareAlerts(db, request.actor, request.params.programId) }),
  );
  app.post(
    '/api/programs/:programId/alerts/:alertId/acknowledge',
    { schema: { tags, summary: 'A clinician acknowledges a safety alert', params: careAlertParamsSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await acknowledgeCareAlert(db, request.actor, request.params.programId, request.params.alertId);
      return reply.code(204).send(null);
    },
  );
};

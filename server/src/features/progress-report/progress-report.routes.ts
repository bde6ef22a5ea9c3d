import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { coupleCareParamsSchema } from '@twofold/core/care-notes/session-note.schemas';
import { progressReportQuerySchema } from '@twofold/core/care-notes/progress-report.schemas';
import type { Db } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import { renderProgressReport } from './progress-report.service';

export const progressReportRoutes: FastifyPluginAsyncZod<{ db: Db; cipher: Cipher }> = async (app, { db, cipher }) => {
  app.get(
    '/api/programs/:programId/couples/:coupleId/report.pdf',
    {
      schema: {
        tags: ['programs', 'progress report'],
        summary: 'A printable progress report (PDF) of a couple, or of one partner, over a date range (clinician)',
        description:
          'An active clinician of the program (two-step sign-in), for people of the couple in their care there; anyone else ' +
          '404, like a couple that does not exist. Only data each person shares with the care team (every read checked and ' +
          'audited); a kind not shared is absent, with a line saying so. The 42 CFR part 2 redisclosure notice is on every ' +
          'page. Answers application/pdf as an attachment.',
        params: coupleCareParamsSchema,
        querystring: progressReportQuerySchema,
      },
    },
    async (request, reply) => {
      const { programId, coupleId } = request.params;
      const pdf = await renderProgressReport(db, cipher, request.actor, programId, coupleId, request.query);
      const who = request.query.partnerId === undefined ? 'couple' : 'partner';
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="progress-report-${who}-${request.query.from}-to-${request.query.to}.pdf"`)
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
};

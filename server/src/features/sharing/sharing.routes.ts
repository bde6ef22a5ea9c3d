import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  sharingKindParamsSchema,
  sharingSettingSchema,
  sharingSettingsSchema,
  updateSharingInputSchema,
} from '@twofold/core/sharing/sharing.schemas';
import type { Db } from '../../platform/db';
import type { Cipher } from '../../platform/crypto';
import { findMySharing, updateMySharing } from './sharing.service';

const tags = ['sharing'];

export const sharingRoutes: FastifyPluginAsyncZod<{ db: Db; cipher: Cipher }> = async (app, { db, cipher }) => {
  app.get(
    '/api/me/sharing',
    { schema: { tags, summary: 'My sharing settings, per kind of data', response: { 200: sharingSettingsSchema } } },
    async (request) => findMySharing(db, request.actor),
  );

  app.put(
    '/api/me/sharing/:kind',
    {
      schema: {
        tags,
        summary: 'Choose who sees one kind of my data',
        params: sharingKindParamsSchema,
        body: updateSharingInputSchema,
        response: { 200: sharingSettingSchema },
      },
    },
    async (request) => updateMySharing(db, { cipher }, request.actor, request.params.kind, request.body.audience, request.body.consent),
  );
};

import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  inAppRemindersSchema,
  pushSubscriptionInputSchema,
  pushSubscriptionParamsSchema,
  pushSubscriptionSchema,
  reminderParamsSchema,
  reminderSettingsInputSchema,
  reminderSettingsSchema,
  snoozedSchema,
  snoozeInputSchema,
} from '@twofold/core/reminders/reminder.schemas';
import type { Db } from '../../platform/db';
import {
  dismissMyReminder,
  findMyReminders,
  findMyReminderSettings,
  registerPushSubscription,
  saveMyReminderSettings,
  snoozeMyReminder,
  unregisterPushSubscription,
} from './reminders.service';

const tags = ['reminders'];

export const remindersRoutes: FastifyPluginAsyncZod<{ db: Db; pushPublicKey: string | null }> = async (app, { db, pushPublicKey }) => {
  app.get(
    '/api/me/reminder-settings',
    { schema: { tags, summary: 'My reminder settings', response: { 200: reminderSettingsSchema } } },
    async (request) => findMyReminderSettings(db, request.actor, pushPublicKey),
  );

  app.put(
    '/api/me/reminder-settings',
    {
      schema: {
        tags,
        summary: 'Save my reminder settings',
        description: 'Times are in my own time zone. Reminders are planned again from now.',
        body: reminderSettingsInputSchema,
        response: { 200: reminderSettingsSchema },
      },
    },
    async (request) => saveMyReminderSettings(db, request.actor, request.body, pushPublicKey),
  );

  app.get(
    '/api/me/reminders',
    { schema: { tags, summary: 'My reminders shown in the app, not dismissed', response: { 200: inAppRemindersSchema } } },
    async (request) => findMyReminders(db, request.actor),
  );

  app.post(
    '/api/me/reminders/:reminderId/dismiss',
    { schema: { tags, summary: 'Dismiss one of my reminders', params: reminderParamsSchema, response: { 204: z.null() } } },
    async (request, reply) => {
      await dismissMyReminder(db, request.actor, request.params.reminderId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/me/reminders/:reminderId/snooze',
    {
      schema: {
        tags,
        summary: 'Snooze one of my reminders',
        description: 'It leaves the list and comes again after the chosen time (quiet hours still apply).',
        params: reminderParamsSchema,
        body: snoozeInputSchema,
        response: { 200: snoozedSchema },
      },
    },
    async (request) => snoozeMyReminder(db, request.actor, request.params.reminderId, request.body.for),
  );

  app.post(
    '/api/me/push-subscriptions',
    {
      schema: {
        tags,
        summary: 'Register this device for my push reminders',
        body: pushSubscriptionInputSchema,
        response: { 201: pushSubscriptionSchema },
      },
    },
    async (request, reply) => reply.code(201).send(await registerPushSubscription(db, request.actor, request.body)),
  );

  app.delete(
    '/api/me/push-subscriptions/:subscriptionId',
    {
      schema: { tags, summary: 'Forget one of my devices', params: pushSubscriptionParamsSchema, response: { 204: z.null() } },
    },
    async (request, reply) => {
      await unregisterPushSubscription(db, request.actor, request.params.subscriptionId);
      return reply.code(204).send(null);
    },
  );
};

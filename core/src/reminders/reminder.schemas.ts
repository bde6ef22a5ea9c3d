import { z } from 'zod';

/**
 * Reminders (issue 9): what a person wants to be reminded of, when, and how. Everything here is
 * the person's own: nobody else reads or changes it, and a reminder never says anything about
 * their partner.
 */

/** Every kind of reminder. */
export const reminderKinds = [
  'check-in',
  'trust-discussion',
  'assessment-due',
  'session',
  'medication',
  'plan-review',
  'weekly-summary',
] as const;
export type ReminderKind = (typeof reminderKinds)[number];

/** Kinds registered but without a source yet: they never fire until their feature lands (see the feature README). None today. */
export const waitingReminderKinds: readonly ReminderKind[] = [];

/** How long before a session its reminder comes: minutes, or 1440 for the day before at the same time on my clock. */
export const sessionLeadMinutes = [15, 30, 60, 120, 1440] as const;
export type SessionLeadMinutes = (typeof sessionLeadMinutes)[number];

export const reminderChannels = ['in-app', 'email', 'push'] as const;
export type ReminderChannel = (typeof reminderChannels)[number];

export const localTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time, HH:MM.')
  .describe('A time of day, HH:MM (24-hour), in my own time zone.');

const atTime = z.strictObject({
  enabled: z.boolean(),
  time: localTimeSchema,
});
const onItsOwnTime = z.strictObject({
  enabled: z.boolean(),
});

export const reminderSettingsInputSchema = z.strictObject({
  checkIn: atTime.describe('The daily check-in, at my chosen time; not sent on a day I already checked in.'),
  trustDiscussion: onItsOwnTime.describe(
    "The daily Trust Discussion, at the time agreed in our Recovery Contract, while the contract is in force and joint features are open. Never depends on my partner's part.",
  ),
  assessmentDue: atTime.describe('A check-up questionnaire on the day it is due (from my schedules), at my chosen time.'),
  session: z
    .strictObject({
      enabled: z.boolean(),
      // Settings saved before session reminders existed have no lead time: an hour before.
      leadMinutes: z
        .literal(sessionLeadMinutes)
        .default(60)
        .describe('How long before: 15, 30, 60 or 120 minutes, or 1440 for the day before at the same time.'),
    })
    .describe('Each session with my care team that I take part in, a chosen time before it starts (my time zone).'),
  medication: z
    .strictObject({
      enabled: z.boolean(),
      times: z
        .array(localTimeSchema)
        .min(1)
        .max(4)
        .refine((times) => new Set(times).size === times.length, 'Each time once.'),
    })
    .describe('Medication, at up to four times a day.'),
  planReview: atTime.describe(
    'Reviewing our Continuing Recovery Plan on the review date of the plan in force (while joint features are open), at my chosen time.',
  ),
  weeklySummary: onItsOwnTime
    .default({ enabled: true })
    .describe('Tell me when my weekly summary is ready (Monday morning, my time zone). On unless I turn it off.'),
  channels: z
    .strictObject({
      inApp: z.boolean().describe('In the app: the reminders list.'),
      email: z.boolean().describe('An e-mail to my address, with neutral words only.'),
      push: z.boolean().describe('A notification on the devices where I allowed it, with neutral words only.'),
    })
    .describe('Where my reminders reach me. Every message says only "You have a reminder in Twofold".'),
  quietHours: z
    .strictObject({
      enabled: z.boolean(),
      start: localTimeSchema,
      end: localTimeSchema,
    })
    .refine((quiet) => quiet.start !== quiet.end, { message: 'Start and end must differ.', path: ['end'] })
    .describe('Nothing reaches me between start and end; a reminder due then comes at the end.'),
});
export type ReminderSettingsInput = z.infer<typeof reminderSettingsInputSchema>;

export const defaultReminderSettings: ReminderSettingsInput = {
  checkIn: { enabled: false, time: '20:00' },
  trustDiscussion: { enabled: false },
  assessmentDue: { enabled: false, time: '10:00' },
  session: { enabled: false, leadMinutes: 60 },
  medication: { enabled: false, times: ['08:00'] },
  planReview: { enabled: false, time: '10:00' },
  weeklySummary: { enabled: true },
  channels: { inApp: true, email: false, push: false },
  quietHours: { enabled: true, start: '22:00', end: '07:00' },
};

export const reminderSettingsSchema = z.object({
  settings: reminderSettingsInputSchema,
  timeZone: z.string().describe('My time zone (from my profile): every time above is in it.'),
  waitingKinds: z.array(z.enum(reminderKinds)).describe('Kinds that cannot fire yet because Twofold has nothing to remind of.'),
  push: z.object({
    publicKey: z.string().nullable().describe('The VAPID public key to subscribe with; null when this server does not send push.'),
  }),
  updatedAt: z.iso.datetime().nullable(),
});
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;

export const inAppReminderSchema = z.object({
  id: z.uuid(),
  kind: z.enum(reminderKinds),
  dueAt: z.iso.datetime().describe('When it was meant for.'),
  shownAt: z.iso.datetime().describe('When it reached me.'),
});
export type InAppReminder = z.infer<typeof inAppReminderSchema>;

export const inAppRemindersSchema = z.object({
  reminders: z.array(inAppReminderSchema),
});
export type InAppReminders = z.infer<typeof inAppRemindersSchema>;

export const reminderParamsSchema = z.strictObject({ reminderId: z.uuid() });

export const snoozeChoices = ['10-minutes', '1-hour', 'tomorrow'] as const;
export type SnoozeChoice = (typeof snoozeChoices)[number];

export const snoozeInputSchema = z.strictObject({
  for: z.enum(snoozeChoices).describe('Ten minutes, an hour, or tomorrow at the same time (my time zone).'),
});
export type SnoozeInput = z.infer<typeof snoozeInputSchema>;

export const snoozedSchema = z.object({ snoozedUntil: z.iso.datetime() });

const base64Url = z.string().regex(/^[A-Za-z0-9_-]+={0,2}$/, 'Base64url.');

export const pushSubscriptionInputSchema = z.strictObject({
  endpoint: z
    .url({ protocol: /^https$/ })
    .max(1000)
    .describe("The push service's address for this device, from PushManager.subscribe()."),
  keys: z.strictObject({
    p256dh: base64Url.min(20).max(200),
    auth: base64Url.min(8).max(100),
  }),
});
export type PushSubscriptionInput = z.infer<typeof pushSubscriptionInputSchema>;

export const pushSubscriptionSchema = z.object({ id: z.uuid() });
export const pushSubscriptionParamsSchema = z.strictObject({ subscriptionId: z.uuid() });

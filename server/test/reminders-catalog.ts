import { defaultReminderSettings } from '@twofold/core/reminders/reminder.schemas';
import type { ActorName, Row, Scenario } from './route-catalog';
import type { TestApp, TestClient } from './test-app';

/**
 * The rows of the route catalogue for reminders (issue 9), and the scenario's items: one reminder
 * shown to the owner in the app and one device of theirs. Everything is the owner's own: every
 * other actor, the partner first, gets 404 for these ids, exactly as for ids that do not exist.
 */
export interface ReminderItems {
  reminderId: string;
  pushSubscriptionId: string;
}

const noSuchItem = '00000000-0000-4000-8000-000000000000';
const itemsOf = (s: Scenario): ReminderItems => s.reminders ?? { reminderId: noSuchItem, pushSubscriptionId: noSuchItem };

export const reminderSettingsExample = {
  ...defaultReminderSettings,
  checkIn: { enabled: true, time: '20:00' },
  medication: { enabled: true, times: ['08:00', '20:00'] },
  channels: { inApp: true, email: true, push: false },
};
export const pushSubscriptionExample = {
  endpoint: 'https://push.example.org/send/catalog-device',
  keys: { p256dh: 'B'.repeat(87), auth: 'A'.repeat(22) },
};

/** The owner's settings, one reminder shown now (written as the sweep would) and one device. */
export async function buildReminders(t: TestApp, owner: TestClient): Promise<ReminderItems> {
  await owner.put('/api/me/reminder-settings', reminderSettingsExample);
  const now = new Date();
  const reminder = await t.database.db
    .insertInto('reminders')
    .values({
      personId: owner.userId!,
      kind: 'check-in',
      occurrenceKey: 'check-in catalog',
      localDate: '2026-11-20',
      dueAt: now,
      plannedAt: now,
      deliverAt: now,
      state: 'shown',
      shownAt: now,
      showings: 1,
      inApp: true,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const device = await owner.post('/api/me/push-subscriptions', pushSubscriptionExample);
  if (device.status !== 201) {
    throw new Error(`push subscription answered ${device.status}`);
  }
  return { reminderId: reminder.id, pushSubscriptionId: device.body.id };
}

const signedIn = (status: number): Record<ActorName, number> => ({
  anonymous: 401,
  stranger: status,
  clinicianOutside: status,
  clinicianInProgram: status,
  partner: status,
  partnerWithSharing: status,
  owner: status,
});
/** Acting on one of the owner's own items: only the owner finds it. */
const ownerOnly = (ok: number): Record<ActorName, number> => ({ ...signedIn(404), owner: ok });

export const reminderRows: Row[] = [
  {
    method: 'GET',
    url: '/api/me/reminder-settings',
    isolated: false,
    request: () => ({ url: '/api/me/reminder-settings' }),
    expect: signedIn(200),
  },
  {
    method: 'PUT',
    url: '/api/me/reminder-settings',
    isolated: false,
    request: () => ({ url: '/api/me/reminder-settings', body: reminderSettingsExample }),
    expect: signedIn(200),
  },
  { method: 'GET', url: '/api/me/reminders', isolated: false, request: () => ({ url: '/api/me/reminders' }), expect: signedIn(200) },
  {
    method: 'POST',
    url: '/api/me/reminders/:reminderId/dismiss',
    // Dismissing changes the item: a scenario of its own.
    isolated: true,
    request: (s) => ({ url: `/api/me/reminders/${itemsOf(s).reminderId}/dismiss` }),
    expect: ownerOnly(204),
  },
  {
    method: 'POST',
    url: '/api/me/reminders/:reminderId/snooze',
    isolated: true,
    request: (s) => ({ url: `/api/me/reminders/${itemsOf(s).reminderId}/snooze`, body: { for: '10-minutes' } }),
    expect: ownerOnly(200),
  },
  {
    method: 'POST',
    url: '/api/me/push-subscriptions',
    isolated: false,
    request: () => ({ url: '/api/me/push-subscriptions', body: pushSubscriptionExample }),
    expect: signedIn(201),
  },
  {
    method: 'DELETE',
    url: '/api/me/push-subscriptions/:subscriptionId',
    isolated: true,
    request: (s) => ({ url: `/api/me/push-subscriptions/${itemsOf(s).pushSubscriptionId}` }),
    expect: ownerOnly(204),
  },
];

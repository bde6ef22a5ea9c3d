import type { ReminderChannel } from './reminder.schemas';

/**
 * The only words a reminder ever sends outside the app. They name no kind, no health fact and
 * no partner: a lock screen or a shared inbox must not tell anyone what Twofold is reminding of,
 * and a partner's reminder must never hint at the other's state (PRODUCT.md, privacy). Inside the
 * app, after sign-in, the list shows which kind it is.
 */
export const reminderTitle = 'Twofold';
export const reminderBody = 'You have a reminder in Twofold';
export const reminderEmailSubject = 'A reminder from Twofold';

export interface OutgoingReminder {
  channel: Exclude<ReminderChannel, 'in-app'>;
  title: string;
  body: string;
  /** Where tapping it leads: the app's reminders list, never a record. */
  path: '/reminders';
}

export function outgoingReminder(channel: OutgoingReminder['channel']): OutgoingReminder {
  return channel === 'email'
    ? { channel, title: reminderEmailSubject, body: reminderBody, path: '/reminders' }
    : { channel, title: reminderTitle, body: reminderBody, path: '/reminders' };
}

/** Every text a reminder may carry outside the app, for the test that nothing else goes out. */
export const allowedReminderTexts: ReadonlySet<string> = new Set([reminderTitle, reminderBody, reminderEmailSubject, '/reminders']);

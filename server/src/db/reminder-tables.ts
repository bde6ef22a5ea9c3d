import type { ColumnType, Generated } from 'kysely';
import type { ReminderKind, ReminderSettingsInput } from '@twofold/core/reminders/reminder.schemas';

type Timestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

/** Each person's reminder settings (migration 0016-reminders). */
export interface ReminderSettingsTable {
  personId: string;
  settings: ColumnType<ReminderSettingsInput, string, string>;
  plannedUntil: Timestamp;
  updatedAt: ColumnType<Date, Date | string | undefined, Date | string>;
}

/** One occurrence of a reminder (migration 0016-reminders). */
export interface RemindersTable {
  id: Generated<string>;
  personId: string;
  kind: ReminderKind;
  occurrenceKey: string;
  localDate: string;
  dueAt: Timestamp;
  plannedAt: Timestamp;
  deliverAt: Timestamp;
  state: 'scheduled' | 'shown' | 'dropped' | 'skipped';
  shownAt: Timestamp | null;
  showings: ColumnType<number, number | undefined, number>;
  inApp: ColumnType<boolean, boolean | undefined, boolean>;
  dismissedAt: Timestamp | null;
  createdAt: CreatedAt;
}

export interface ReminderSendsTable {
  reminderId: string;
  channel: 'email' | 'push';
  showing: number;
  sentAt: CreatedAt;
}

export interface PushSubscriptionsTable {
  id: Generated<string>;
  personId: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  createdAt: CreatedAt;
}

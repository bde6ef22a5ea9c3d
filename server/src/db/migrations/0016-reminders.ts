import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';

/**
 * Reminders (issue 9). `reminder_settings`: each person's own choices (validated JSON, the core
 * `reminderSettingsInputSchema`) and how far their occurrences have been planned. `reminders`:
 * one row per occurrence (person, kind, local slot), unique, so however many processes plan at
 * once an occurrence exists once; its state moves scheduled → shown | dropped | skipped under a
 * row lock, so it is shown once. `reminder_sends`: one row per reminder and outgoing channel,
 * written before the e-mail or push goes out. `push_subscriptions`: one per device.
 * The job queue itself (pg-boss) keeps its own schema `pgboss`, created and upgraded by the library.
 * Everything here is keyed by its owner (`person_id`): on Citus, distributed by owner.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const person = (c: ColumnDefinitionBuilder) => c.notNull().references('users.id').onDelete('cascade');
  const now = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(sql`now()`);

  await db.schema
    .createTable('reminder_settings')
    .addColumn('person_id', 'uuid', (c) => person(c).primaryKey())
    .addColumn('settings', 'jsonb', (c) => c.notNull())
    .addColumn('planned_until', 'timestamptz', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', now)
    .execute();
  await db.schema.createIndex('reminder_settings_planned').on('reminder_settings').column('planned_until').execute();

  await db.schema
    .createTable('reminders')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', person)
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('check-in', 'trust-discussion', 'assessment-due', 'session', 'medication', 'plan-review')`),
    )
    // The slot in the person's own calendar, e.g. 'check-in 2026-11-25 20:00' or
    // 'assessment-due phq-9 2026-11-25': the same slot is never planned twice.
    .addColumn('occurrence_key', 'text', (c) => c.notNull())
    .addColumn('local_date', 'date', (c) => c.notNull())
    .addColumn('due_at', 'timestamptz', (c) => c.notNull())
    // What lateness is measured from: due_at moved out of quiet hours, or the end of a snooze.
    .addColumn('planned_at', 'timestamptz', (c) => c.notNull())
    // The next moment to look at it: planned_at, or the end of quiet hours it fell into.
    .addColumn('deliver_at', 'timestamptz', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('scheduled', 'shown', 'dropped', 'skipped')`))
    .addColumn('shown_at', 'timestamptz')
    // How often it was shown (a snoozed reminder comes again): each showing goes out on the channels once.
    .addColumn('showings', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('in_app', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('dismissed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', now)
    .addUniqueConstraint('reminders_occurrence', ['person_id', 'occurrence_key'])
    .execute();
  await db.schema.createIndex('reminders_due').on('reminders').column('deliver_at').where(sql.ref('state'), '=', 'scheduled').execute();
  await db.schema.createIndex('reminders_person').on('reminders').columns(['person_id', 'shown_at']).execute();

  await db.schema
    .createTable('reminder_sends')
    .addColumn('reminder_id', 'uuid', (c) => c.notNull().references('reminders.id').onDelete('cascade'))
    .addColumn('channel', 'text', (c) => c.notNull().check(sql`channel in ('email', 'push')`))
    // A snoozed reminder goes out again: one row per showing.
    .addColumn('showing', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'timestamptz', now)
    .addPrimaryKeyConstraint('reminder_sends_pk', ['reminder_id', 'channel', 'showing'])
    .execute();

  await db.schema
    .createTable('push_subscriptions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', person)
    .addColumn('endpoint', 'text', (c) => c.notNull())
    .addColumn('p256dh', 'text', (c) => c.notNull())
    .addColumn('auth', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', now)
    // Per person: a phone two people sign in on holds one subscription each, and nobody can take over another's.
    .addUniqueConstraint('push_subscriptions_person_endpoint', ['person_id', 'endpoint'])
    .execute();
  await db.schema.createIndex('push_subscriptions_person').on('push_subscriptions').column('person_id').execute();
}

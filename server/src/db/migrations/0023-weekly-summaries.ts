import { type Kysely, sql } from 'kysely';

/**
 * Weekly summaries (issue 9). `weekly_summaries`: one row per person and week (Monday in their
 * time zone), unique, so however many processes run the weekly job a week is summarized once.
 * `content` is the core `weeklySummaryContentSchema` (counts, averages, one insight, one
 * suggestion: no free text, nothing to encrypt). `couple_id` and `partner_id` say which pair the
 * couple part was about, and `partner_included` whether the insight drew on the partner's days:
 * both are checked again on every read (features/weekly-summaries). Keyed by its owner
 * (`person_id`): on Citus, distributed by owner.
 * The reminders' kinds gain `weekly-summary`: the neutral "ready" notice goes through the reminders.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('weekly_summaries')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('week_start', 'date', (c) => c.notNull())
    .addColumn('couple_id', 'uuid', (c) => c.references('couples.id').onDelete('set null'))
    .addColumn('partner_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('partner_included', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('content', 'jsonb', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint('weekly_summaries_person_week', ['person_id', 'week_start'])
    .execute();

  await sql`alter table reminders drop constraint if exists reminders_kind_check`.execute(db);
  await sql`alter table reminders add constraint reminders_kind_check
    check (kind in ('check-in', 'trust-discussion', 'assessment-due', 'session', 'medication', 'plan-review', 'weekly-summary'))`.execute(
    db,
  );
}

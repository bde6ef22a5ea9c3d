import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';

/**
 * Each partner's own recovery space. These tables hold data a person owns; they are keyed by
 * `owner_id` and stay with their owner when a couple ends (see ARCHITECTURE.md, Data).
 * Free text is stored only as ciphertext (platform/crypto.ts, db/encrypted-columns.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const owner = (c: ColumnDefinitionBuilder) => c.notNull().references('users.id').onDelete('cascade');
  const now = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(sql`now()`);

  await db.schema
    .createTable('intakes')
    .addColumn('owner_id', 'uuid', (c) => owner(c).primaryKey())
    .addColumn('in_recovery', 'boolean', (c) => c.notNull())
    .addColumn('substances', sql`text[]`, (c) => c.notNull())
    .addColumn('other_substance_ciphertext', 'text', (c) => c.notNull())
    .addColumn('recovery_start_date', 'date')
    .addColumn('support_note_ciphertext', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', now)
    .execute();

  await db.schema
    .createTable('reflections')
    .addColumn('owner_id', 'uuid', (c) => owner(c).primaryKey())
    .addColumn('patterns', 'jsonb', (c) => c.notNull())
    .addColumn('note_ciphertext', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', now)
    .execute();

  await db.schema
    .createTable('triggers')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('owner_id', 'uuid', owner)
    .addColumn('label_ciphertext', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', now)
    .execute();
  await db.schema.createIndex('triggers_owner').on('triggers').column('owner_id').execute();

  // One check-in per person per local calendar day; the unique key makes saving idempotent.
  await db.schema
    .createTable('checkins')
    .addColumn('owner_id', 'uuid', owner)
    .addColumn('local_date', 'date', (c) => c.notNull())
    .addColumn('mood', 'smallint', (c) => c.notNull().check(sql`mood between 1 and 5`))
    .addColumn('craving', 'smallint', (c) => c.notNull().check(sql`craving between 0 and 10`))
    .addColumn('used', 'boolean', (c) => c.notNull())
    .addColumn('substances_used', sql`text[]`, (c) => c.notNull())
    .addColumn('sleep', 'smallint', (c) => c.notNull().check(sql`sleep between 1 and 5`))
    .addColumn('stress', 'smallint', (c) => c.notNull().check(sql`stress between 1 and 5`))
    .addColumn('closeness', 'smallint', (c) => c.notNull().check(sql`closeness between 1 and 5`))
    .addColumn('conflict', 'text', (c) => c.notNull().check(sql`conflict in ('none', 'some', 'high')`))
    .addColumn('trigger_ids', sql`uuid[]`, (c) => c.notNull())
    .addColumn('note_ciphertext', 'text', (c) => c.notNull())
    .addColumn('is_late', 'boolean', (c) => c.notNull())
    // The owner's local day when the check-in was first written: a late check-in is editable only then.
    .addColumn('written_on', 'date', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', now)
    .addColumn('updated_at', 'timestamptz', now)
    .addPrimaryKeyConstraint('checkins_pk', ['owner_id', 'local_date'])
    .execute();

  await db.schema
    .createTable('encouragements')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('couple_id', 'uuid', (c) => c.notNull().references('couples.id').onDelete('cascade'))
    .addColumn('from_id', 'uuid', owner)
    .addColumn('to_id', 'uuid', owner)
    .addColumn('milestone_days', 'integer')
    .addColumn('message_ciphertext', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', now)
    .execute();
  await db.schema.createIndex('encouragements_to').on('encouragements').columns(['to_id', 'created_at']).execute();

  await db.schema
    .createTable('trigger_entries')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('owner_id', 'uuid', owner)
    .addColumn('trigger_id', 'uuid', (c) => c.notNull().references('triggers.id').onDelete('cascade'))
    .addColumn('occurred_at', 'timestamptz', (c) => c.notNull())
    .addColumn('details_ciphertext', 'text', (c) => c.notNull())
    .addColumn('about_relationship', 'boolean', (c) => c.notNull())
    .addColumn('intensity', 'smallint', (c) => c.notNull().check(sql`intensity between 0 and 10`))
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', now)
    .execute();
  await db.schema.createIndex('trigger_entries_owner').on('trigger_entries').columns(['owner_id', 'occurred_at']).execute();

  await db.schema
    .createTable('support_contacts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('owner_id', 'uuid', owner)
    .addColumn('details_ciphertext', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', now)
    .execute();
  await db.schema.createIndex('support_contacts_owner').on('support_contacts').column('owner_id').execute();

  await db.schema
    .createTable('coping_runs')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('owner_id', 'uuid', owner)
    .addColumn('tool', 'text', (c) => c.notNull())
    .addColumn('urge_before', 'smallint', (c) => c.notNull())
    .addColumn('urge_after', 'smallint')
    .addColumn('urge_during', sql`smallint[]`, (c) => c.notNull())
    .addColumn('duration_seconds', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('coping_runs_owner').on('coping_runs').columns(['owner_id', 'started_at']).execute();

  await db.schema
    .createTable('journal_entries')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('owner_id', 'uuid', owner)
    .addColumn('title_ciphertext', 'text', (c) => c.notNull())
    .addColumn('body_ciphertext', 'text', (c) => c.notNull())
    .addColumn('shared_with_care_team_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', now)
    .addColumn('updated_at', 'timestamptz', now)
    .execute();
  await db.schema.createIndex('journal_entries_owner').on('journal_entries').columns(['owner_id', 'created_at']).execute();

  await db.schema
    .createTable('goals')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('owner_id', 'uuid', owner)
    .addColumn('title_ciphertext', 'text', (c) => c.notNull())
    .addColumn('why_ciphertext', 'text', (c) => c.notNull())
    .addColumn('due_date', 'date')
    .addColumn('completed_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', now)
    .execute();
  await db.schema.createIndex('goals_owner').on('goals').column('owner_id').execute();

  await db.schema
    .createTable('goal_steps')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('goal_id', 'uuid', (c) => c.notNull().references('goals.id').onDelete('cascade'))
    .addColumn('owner_id', 'uuid', owner)
    .addColumn('position', 'smallint', (c) => c.notNull())
    .addColumn('title_ciphertext', 'text', (c) => c.notNull())
    .addColumn('due_date', 'date')
    .addColumn('done_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('goal_steps_goal').on('goal_steps').columns(['goal_id', 'position']).execute();
}

import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';

/**
 * Communication (PRODUCT.md, capability 4): each partner's skills practice log, the live
 * speaker–listener exercise, the conflict pause with the couple's agreed cool-down, and the
 * daily connection question. Every joint table carries couple_id. Free text is ciphertext.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const person = (c: ColumnDefinitionBuilder) => c.notNull().references('users.id').onDelete('cascade');
  const couple = (c: ColumnDefinitionBuilder) => c.notNull().references('couples.id').onDelete('cascade');
  const now = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(sql`now()`);
  const id = (c: ColumnDefinitionBuilder) => c.primaryKey().defaultTo(sql`gen_random_uuid()`);

  // A partner's own record of practice prompts done: one mark per skill and day.
  await db.schema
    .createTable('skill_practices')
    .addColumn('id', 'uuid', id)
    .addColumn('owner_id', 'uuid', person)
    .addColumn('skill_id', 'text', (c) => c.notNull())
    .addColumn('local_date', 'date', (c) => c.notNull())
    .addColumn('practiced_at', 'timestamptz', now)
    .addUniqueConstraint('skill_practices_once_a_day', ['owner_id', 'skill_id', 'local_date'])
    .execute();

  await db.schema
    .createTable('speaker_listener_sessions')
    .addColumn('id', 'uuid', id)
    .addColumn('couple_id', 'uuid', couple)
    .addColumn('started_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('topic_ciphertext', 'text')
    .addColumn('turn_seconds', 'smallint', (c) => c.notNull().check(sql`turn_seconds between 30 and 900`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'ended')`))
    // Raised by every change; a phone that acted on an older version gets 409 (double taps act once).
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz')
    .addColumn('ended_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  // One running exercise per couple, whatever the timing of two taps.
  await db.schema
    .createIndex('speaker_listener_sessions_one_active')
    .on('speaker_listener_sessions')
    .column('couple_id')
    .unique()
    .where(sql.ref('status'), '=', 'active')
    .execute();
  await db.schema
    .createIndex('speaker_listener_sessions_couple')
    .on('speaker_listener_sessions')
    .columns(['couple_id', 'started_at'])
    .execute();

  await db.schema
    .createTable('speaker_listener_turns')
    .addColumn('id', 'uuid', id)
    .addColumn('couple_id', 'uuid', couple)
    .addColumn('session_id', 'uuid', (c) => c.notNull().references('speaker_listener_sessions.id').onDelete('cascade'))
    .addColumn('number', 'smallint', (c) => c.notNull())
    .addColumn('speaker_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz')
    .addColumn('step', 'text', (c) => c.notNull().check(sql`step in ('speaking', 'awaiting-confirmation', 'confirmed')`))
    .addColumn('paraphrase_ciphertext', 'text')
    .addColumn('paraphrase_attempts', 'smallint', (c) => c.notNull().defaultTo(0))
    .addColumn('confirmed_at', 'timestamptz')
    .addUniqueConstraint('speaker_listener_turns_number', ['session_id', 'number'])
    .execute();

  // The couple's agreed cool-down; a change one partner proposes holds once the other agrees.
  await db.schema
    .createTable('pause_settings')
    .addColumn('couple_id', 'uuid', (c) => couple(c).primaryKey())
    .addColumn('cool_down_minutes', 'smallint', (c) => c.notNull().check(sql`cool_down_minutes between 20 and 60`))
    .addColumn('proposed_minutes', 'smallint', (c) => c.check(sql`proposed_minutes between 20 and 60`))
    .addColumn('proposed_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', now)
    .execute();

  // Deliberately without the person who called the pause (see communication/README.md).
  await db.schema
    .createTable('conflict_pauses')
    .addColumn('id', 'uuid', id)
    .addColumn('couple_id', 'uuid', couple)
    .addColumn('minutes', 'smallint', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ends_at', 'timestamptz', (c) => c.notNull())
    .addColumn('ended_at', 'timestamptz')
    .addColumn('end_reason', 'text', (c) => c.check(sql`end_reason in ('both-ready', 'time-over')`))
    .execute();
  await db.schema.createIndex('conflict_pauses_couple').on('conflict_pauses').columns(['couple_id', 'started_at']).execute();

  await db.schema
    .createTable('conflict_pause_readiness')
    .addColumn('pause_id', 'uuid', (c) => c.notNull().references('conflict_pauses.id').onDelete('cascade'))
    .addColumn('couple_id', 'uuid', couple)
    .addColumn('user_id', 'uuid', person)
    .addColumn('ready_at', 'timestamptz', (c) => c.notNull())
    .addPrimaryKeyConstraint('conflict_pause_readiness_pk', ['pause_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('connection_answers')
    .addColumn('id', 'uuid', id)
    .addColumn('couple_id', 'uuid', couple)
    .addColumn('user_id', 'uuid', person)
    .addColumn('local_date', 'date', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('answer_ciphertext', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'timestamptz', now)
    .addUniqueConstraint('connection_answers_once_a_day', ['couple_id', 'user_id', 'local_date'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'connection_answers',
    'conflict_pause_readiness',
    'conflict_pauses',
    'pause_settings',
    'speaker_listener_turns',
    'speaker_listener_sessions',
    'skill_practices',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}

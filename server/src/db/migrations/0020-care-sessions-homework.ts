import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';

/**
 * The care team's sessions and homework (issue 8), and secret calendar-feed addresses (issue 8, .ics).
 *
 * - `care_sessions`: a session a clinician of a program scheduled for one enrolled couple: joint
 *   (both partners) or individual (one partner, `partner_id`). Start, length, a place and/or a video
 *   link; no title (what shows is "Joint session" / "Individual session", no clinical words).
 *   `sequence` is raised by every reschedule or cancellation, for calendar apps (RFC 5545 SEQUENCE).
 * - `care_session_participants`: who takes part, one row per partner, with their attendance as the
 *   clinician recorded it. A partner's list is exactly their rows here: the other partner's
 *   individual sessions have no row for them, so they cannot appear.
 * - `care_homework` + `care_homework_assignees`: an assignment to one partner or both; each assignee
 *   has their own completion. Instructions are free text a clinician writes: ciphertext.
 * - `calendar_feeds`: one secret feed address per person; only the SHA-256 of its token is stored,
 *   and making a new one replaces (revokes) the old.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const person = (c: ColumnDefinitionBuilder) => c.notNull().references('users.id').onDelete('cascade');
  const couple = (c: ColumnDefinitionBuilder) => c.notNull().references('couples.id').onDelete('cascade');
  const program = (c: ColumnDefinitionBuilder) => c.notNull().references('programs.id').onDelete('cascade');
  const id = (c: ColumnDefinitionBuilder) => c.primaryKey().defaultTo(sql`gen_random_uuid()`);
  const now = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(sql`now()`);

  await db.schema
    .createTable('care_sessions')
    .addColumn('id', 'uuid', id)
    .addColumn('program_id', 'uuid', program)
    .addColumn('couple_id', 'uuid', couple)
    .addColumn('clinician_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('format', 'text', (c) => c.notNull().check(sql`format in ('joint', 'individual')`))
    .addColumn('partner_id', 'uuid', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('duration_minutes', 'smallint', (c) => c.notNull().check(sql`duration_minutes between 5 and 480`))
    .addColumn('place', 'text')
    .addColumn('video_url', 'text')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('scheduled')
        .check(sql`status in ('scheduled', 'cancelled')`),
    )
    .addColumn('cancelled_at', 'timestamptz')
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', now)
    .addColumn('updated_at', 'timestamptz', now)
    .addCheckConstraint('care_sessions_individual_has_partner', sql`(format = 'individual') = (partner_id is not null)`)
    .addCheckConstraint('care_sessions_somewhere', sql`place is not null or video_url is not null`)
    .execute();
  await db.schema.createIndex('care_sessions_couple').on('care_sessions').columns(['couple_id', 'starts_at']).execute();
  await db.schema.createIndex('care_sessions_clinician').on('care_sessions').columns(['clinician_id', 'starts_at']).execute();

  await db.schema
    .createTable('care_session_participants')
    .addColumn('session_id', 'uuid', (c) => c.notNull().references('care_sessions.id').onDelete('cascade'))
    .addColumn('couple_id', 'uuid', couple)
    .addColumn('person_id', 'uuid', person)
    .addColumn('attendance', 'text', (c) => c.check(sql`attendance in ('attended', 'late', 'missed', 'cancelled-late')`))
    .addColumn('attendance_recorded_at', 'timestamptz')
    .addColumn('attendance_recorded_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addPrimaryKeyConstraint('care_session_participants_pk', ['session_id', 'person_id'])
    .execute();
  await db.schema.createIndex('care_session_participants_person').on('care_session_participants').column('person_id').execute();

  await db.schema
    .createTable('care_homework')
    .addColumn('id', 'uuid', id)
    .addColumn('program_id', 'uuid', program)
    .addColumn('couple_id', 'uuid', couple)
    .addColumn('assigned_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) =>
      c.notNull().check(sql`kind in ('skill-practice', 'communication-exercise', 'assessment', 'plan-review')`),
    )
    .addColumn('target', 'text')
    .addColumn('instructions_ciphertext', 'text')
    .addColumn('due_date', 'date', (c) => c.notNull())
    .addColumn('assigned_at', 'timestamptz', (c) => c.notNull())
    .addColumn('withdrawn_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('care_homework_couple').on('care_homework').columns(['couple_id', 'due_date']).execute();

  await db.schema
    .createTable('care_homework_assignees')
    .addColumn('homework_id', 'uuid', (c) => c.notNull().references('care_homework.id').onDelete('cascade'))
    .addColumn('couple_id', 'uuid', couple)
    .addColumn('person_id', 'uuid', person)
    .addColumn('marked_done_at', 'timestamptz')
    .addPrimaryKeyConstraint('care_homework_assignees_pk', ['homework_id', 'person_id'])
    .execute();
  await db.schema.createIndex('care_homework_assignees_person').on('care_homework_assignees').column('person_id').execute();

  await db.schema
    .createTable('calendar_feeds')
    .addColumn('person_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'timestamptz', now)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('calendar_feeds').execute();
  await db.schema.dropTable('care_homework_assignees').execute();
  await db.schema.dropTable('care_homework').execute();
  await db.schema.dropTable('care_session_participants').execute();
  await db.schema.dropTable('care_sessions').execute();
}

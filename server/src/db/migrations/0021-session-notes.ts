import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';

/**
 * Session notes (issue 8): what a clinician of the couple's program writes after a session.
 *
 * - `session_notes` is couple-scoped (`couple_id`) and belongs to the program that wrote it. It is
 *   `joint` (about the couple: both partners in `subject_ids`) or `individual` (about one partner:
 *   that partner alone in `subject_ids`; it belongs to that partner's record and never reaches the
 *   other partner). `subject_ids` is whose clinical record the note is part of: reading it is a
 *   clinical-record read of each of them (server/src/access/session-notes.ts).
 * - The text lives only in `session_note_versions`, one AES-256-GCM ciphertext per version bound to
 *   (note, version): an edit adds a version, nothing is overwritten. `current_version` is the latest.
 * - `signed_at` locks the note (no more versions, enforced by the service under the note's row lock
 *   and by the check below); later words go into `session_note_addenda`.
 * - `shared_at`: a signed joint note the author shared with the couple (both partners read it).
 * - `session_id`: the care session it records (`care_sessions`, migration 0020), when known;
 *   the note always carries its own `session_date`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const person = (c: ColumnDefinitionBuilder) => c.notNull().references('users.id').onDelete('cascade');
  const id = (c: ColumnDefinitionBuilder) => c.primaryKey().defaultTo(sql`gen_random_uuid()`);

  await db.schema
    .createTable('session_notes')
    .addColumn('id', 'uuid', id)
    .addColumn('program_id', 'uuid', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('couple_id', 'uuid', (c) => c.notNull().references('couples.id').onDelete('cascade'))
    .addColumn('scope', 'text', (c) => c.notNull().check(sql`scope in ('joint', 'individual')`))
    .addColumn('subject_ids', sql`uuid[]`, (c) => c.notNull())
    .addColumn('session_id', 'uuid', (c) => c.references('care_sessions.id').onDelete('set null'))
    .addColumn('session_date', 'date', (c) => c.notNull())
    .addColumn('author_id', 'uuid', person)
    .addColumn('current_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('signed_at', 'timestamptz')
    .addColumn('signed_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('shared_at', 'timestamptz')
    .addCheckConstraint(
      'session_notes_subjects',
      sql`(scope = 'individual' and cardinality(subject_ids) = 1) or (scope = 'joint' and cardinality(subject_ids) = 2)`,
    )
    .addCheckConstraint('session_notes_shared_signed_joint', sql`shared_at is null or (scope = 'joint' and signed_at is not null)`)
    .execute();
  await db.schema.createIndex('session_notes_couple').on('session_notes').columns(['couple_id', 'program_id', 'session_date']).execute();

  await db.schema
    .createTable('session_note_versions')
    .addColumn('note_id', 'uuid', (c) => c.notNull().references('session_notes.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('body_ciphertext', 'text', (c) => c.notNull())
    .addColumn('written_by', 'uuid', person)
    .addColumn('written_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('session_note_versions_pk', ['note_id', 'version'])
    .execute();

  await db.schema
    .createTable('session_note_addenda')
    .addColumn('id', 'uuid', id)
    .addColumn('note_id', 'uuid', (c) => c.notNull().references('session_notes.id').onDelete('cascade'))
    .addColumn('body_ciphertext', 'text', (c) => c.notNull())
    .addColumn('author_id', 'uuid', person)
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('session_note_addenda_note').on('session_note_addenda').columns(['note_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('session_note_addenda').execute();
  await db.schema.dropTable('session_note_versions').execute();
  await db.schema.dropTable('session_notes').execute();
}

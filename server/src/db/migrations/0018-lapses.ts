import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';

/**
 * Setbacks (issue 7), the person's own side: the blame-free lapse report and the "I'm struggling"
 * note to the partner.
 *
 * - `lapse_reports` is data a person owns (keyed by `owner_id`, stays theirs when a couple ends).
 *   It is private; each report is told, one by one, to a named partner (`told_partner_id`: the
 *   person who was the partner when it was told, so a later partner never inherits it) and/or to
 *   the care team (`told_care_team_at`). Free text is one ciphertext (`details`), the reflection
 *   another. `created_at` is written by the service from its clock, so the next-day reflection
 *   prompt follows the same clock as the rest of the app.
 * - `struggling_notes` are short notes a partner chose to send the other when struggling; joint
 *   (couple_id), written only by the sender, read only by the named recipient.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const person = (c: ColumnDefinitionBuilder) => c.notNull().references('users.id').onDelete('cascade');
  const id = (c: ColumnDefinitionBuilder) => c.primaryKey().defaultTo(sql`gen_random_uuid()`);

  await db.schema
    .createTable('lapse_reports')
    .addColumn('id', 'uuid', id)
    .addColumn('owner_id', 'uuid', person)
    .addColumn('local_date', 'date', (c) => c.notNull())
    .addColumn('local_time', 'text', (c) => c.notNull().check(sql`local_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`))
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('substances', sql`text[]`, (c) => c.notNull())
    .addColumn('trigger_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'::uuid[]`))
    .addColumn('details_ciphertext', 'text', (c) => c.notNull())
    .addColumn('told_partner_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('told_partner_at', 'timestamptz')
    .addColumn('told_care_team_at', 'timestamptz')
    .addColumn('reflection_ciphertext', 'text')
    .addColumn('reflected_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('lapse_reports_owner_date').on('lapse_reports').columns(['owner_id', 'local_date']).execute();
  await db.schema
    .createIndex('lapse_reports_told_partner')
    .on('lapse_reports')
    .column('told_partner_id')
    .where(sql.ref('told_partner_id'), 'is not', null)
    .execute();

  await db.schema
    .createTable('struggling_notes')
    .addColumn('id', 'uuid', id)
    .addColumn('couple_id', 'uuid', (c) => c.notNull().references('couples.id').onDelete('cascade'))
    .addColumn('from_id', 'uuid', person)
    .addColumn('to_id', 'uuid', person)
    .addColumn('message_ciphertext', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('read_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('struggling_notes_to').on('struggling_notes').columns(['to_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('struggling_notes').execute();
  await db.schema.dropTable('lapse_reports').execute();
}

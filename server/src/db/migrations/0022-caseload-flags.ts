import { type Kysely, sql } from 'kysely';

/**
 * The caseload's flags (issue 8).
 *
 * - `caseload_flag_acknowledgements`: a clinician acknowledges one flag of one person (or of a
 *   couple's joint work, `person_id` null) with a note (ciphertext). Flags themselves are not
 *   stored: they are computed on every caseload view from what each partner shares right now, so
 *   a revoked share removes its flags at once. The acknowledgement keeps the evidence it saw
 *   (`evidence_at`, `evidence_value`), so newer evidence shows the flag at full strength again.
 *   Rows are kept (the latest per flag counts): who acknowledged what, when, is part of the record.
 * - Indexes for the caseload's one aggregate statement (docs/BENCHMARKS.md, "Issue 8"): told
 *   lapses by person, unacknowledged care alerts by person, signed contracts by couple.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('caseload_flag_acknowledgements')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('program_id', 'uuid', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('couple_id', 'uuid', (c) => c.notNull().references('couples.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(sql`kind in ('safety-alert', 'lapse-told', 'worsening-score', 'rising-craving', 'missed-checkins', 'adherence-falling')`),
    )
    .addColumn('instrument_id', 'text')
    .addColumn('evidence_at', 'text', (c) => c.notNull())
    .addColumn('evidence_value', 'double precision')
    .addColumn('note_ciphertext', 'text', (c) => c.notNull())
    .addColumn('acknowledged_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('acknowledged_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex('caseload_flag_acknowledgements_couple')
    .on('caseload_flag_acknowledgements')
    .columns(['program_id', 'couple_id', 'acknowledged_at'])
    .execute();

  await sql`create index lapse_reports_told_care_team on lapse_reports (owner_id, told_care_team_at) where told_care_team_at is not null`.execute(
    db,
  );
  await sql`create index care_alerts_open_by_person on care_alerts (person_id, program_id) where acknowledged_at is null`.execute(db);
  await sql`create index contract_versions_signed on contract_versions (couple_id, signed_by_both_at) where signed_by_both_at is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists contract_versions_signed`.execute(db);
  await sql`drop index if exists care_alerts_open_by_person`.execute(db);
  await sql`drop index if exists lapse_reports_told_care_team`.execute(db);
  await db.schema.dropTable('caseload_flag_acknowledgements').execute();
}

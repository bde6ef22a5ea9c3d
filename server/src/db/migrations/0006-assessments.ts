import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';

/**
 * Assessments (validated questionnaires), their schedules, the private relationship-safety screen
 * and the care team's safety alerts. Answers are kept as the raw answer codes; the score is
 * derived from them by the scorer named on the row (core/src/assessments).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const person = (c: ColumnDefinitionBuilder) => c.notNull().references('users.id').onDelete('cascade');
  const now = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(sql`now()`);

  await db.schema
    .createTable('assessment_responses')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('owner_id', 'uuid', person)
    // Chosen by the person's device for each filled-in questionnaire: a replay is refused, never saved twice.
    .addColumn('submission_id', 'uuid', (c) => c.notNull())
    .addColumn('instrument_id', 'text', (c) => c.notNull())
    .addColumn('instrument_version', 'text', (c) => c.notNull())
    .addColumn('answers', 'jsonb', (c) => c.notNull())
    .addColumn('scoring_options', 'jsonb', (c) => c.notNull())
    .addColumn('score', 'jsonb', (c) => c.notNull())
    .addColumn('local_date', 'date', (c) => c.notNull())
    .addColumn('submitted_at', 'timestamptz', now)
    .addUniqueConstraint('assessment_responses_submission', ['owner_id', 'submission_id'])
    .execute();
  await db.schema
    .createIndex('assessment_responses_owner')
    .on('assessment_responses')
    .columns(['owner_id', 'instrument_id', 'submitted_at'])
    .execute();

  await db.schema
    .createTable('assessment_schedules')
    .addColumn('owner_id', 'uuid', person)
    .addColumn('instrument_id', 'text', (c) => c.notNull())
    .addColumn('every_days', 'smallint', (c) => c.notNull().check(sql`every_days between 1 and 365`))
    .addColumn('set_by_role', 'text', (c) => c.notNull().check(sql`set_by_role in ('self', 'clinician')`))
    .addColumn('updated_at', 'timestamptz', now)
    .addPrimaryKeyConstraint('assessment_schedules_pk', ['owner_id', 'instrument_id'])
    .execute();

  // The latest relationship-safety screen of each person. Never shareable with the partner.
  await db.schema
    .createTable('safety_screens')
    .addColumn('owner_id', 'uuid', (c) => person(c).primaryKey())
    .addColumn('response_id', 'uuid', (c) => c.notNull().references('assessment_responses.id').onDelete('cascade'))
    .addColumn('positive', 'boolean', (c) => c.notNull())
    .addColumn('screened_at', 'timestamptz', now)
    // After a positive screen, joint features open again only when the person or their clinician says so.
    .addColumn('reopened_at', 'timestamptz')
    .addColumn('reopened_by_role', 'text', (c) => c.check(sql`reopened_by_role in ('self', 'clinician')`))
    .execute();

  await db.schema
    .createTable('care_alerts')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('program_id', 'uuid', (c) => c.notNull().references('programs.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', person)
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('self-harm', 'safety-screen')`))
    .addColumn('higher_risk', 'boolean', (c) => c.notNull())
    .addColumn('assessment_id', 'uuid', (c) => c.notNull().references('assessment_responses.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', now)
    .addColumn('acknowledged_at', 'timestamptz')
    .addColumn('acknowledged_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('care_alerts_program').on('care_alerts').columns(['program_id', 'created_at']).execute();
}

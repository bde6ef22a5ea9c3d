import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';

/**
 * The Continuing Recovery Plan (issue 7), kept in versions like the Recovery Contract (0009):
 * each version holds the shared part (lapse responses, supports, groups: one JSON ciphertext) and
 * its review date, each partner's own section (one JSON ciphertext per partner, written only by
 * that partner), and each partner's signature. Every table carries `couple_id`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const couple = (c: ColumnDefinitionBuilder) => c.notNull().references('couples.id').onDelete('cascade');
  const person = (c: ColumnDefinitionBuilder) => c.notNull().references('users.id').onDelete('cascade');
  const version = (c: ColumnDefinitionBuilder) => c.notNull().references('plan_versions.id').onDelete('cascade');
  const now = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(sql`now()`);

  await db.schema
    .createTable('plan_versions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn('couple_id', 'uuid', couple)
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('change', 'text', (c) => c.notNull().check(sql`change in ('section', 'shared')`))
    .addColumn('shared_ciphertext', 'text', (c) => c.notNull())
    .addColumn('review_date', 'date')
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', now)
    // Set, under the couple's row lock, by the second signature.
    .addColumn('signed_by_both_at', 'timestamptz')
    // Two edits at the same moment cannot both become version n.
    .addUniqueConstraint('plan_versions_couple_version', ['couple_id', 'version'])
    .execute();

  await db.schema
    .createTable('plan_sections')
    .addColumn('plan_version_id', 'uuid', version)
    .addColumn('couple_id', 'uuid', couple)
    .addColumn('partner_id', 'uuid', person)
    .addColumn('content_ciphertext', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_sections_pk', ['plan_version_id', 'partner_id'])
    .execute();

  await db.schema
    .createTable('plan_signatures')
    .addColumn('plan_version_id', 'uuid', version)
    .addColumn('couple_id', 'uuid', couple)
    .addColumn('partner_id', 'uuid', person)
    .addColumn('signed_at', 'timestamptz', now)
    // One signature per partner and version, however often or concurrently they tap "sign".
    .addPrimaryKeyConstraint('plan_signatures_pk', ['plan_version_id', 'partner_id'])
    .execute();
}

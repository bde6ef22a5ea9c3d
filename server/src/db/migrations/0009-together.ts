import { type ColumnDefinitionBuilder, type Kysely, sql } from 'kysely';

/**
 * The couple's joint work (issue 5): the Recovery Contract in versions with each partner's
 * signature, the daily Trust Discussion calendar (each partner's own part per local day),
 * commitments, appreciations and Caring Days, boundaries, shared goals with milestones and
 * Shared Rewarding Activities with each partner's own rating. Every table carries `couple_id`
 * (distribution by couple); free text is AES-256-GCM ciphertext (db/encrypted-columns.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const couple = (c: ColumnDefinitionBuilder) => c.notNull().references('couples.id').onDelete('cascade');
  const person = (c: ColumnDefinitionBuilder) => c.notNull().references('users.id').onDelete('cascade');
  const formerPerson = (c: ColumnDefinitionBuilder) => c.references('users.id').onDelete('set null');
  const now = (c: ColumnDefinitionBuilder) => c.notNull().defaultTo(sql`now()`);
  const id = (c: ColumnDefinitionBuilder) => c.primaryKey().defaultTo(sql`gen_random_uuid()`);

  await db.schema
    .createTable('contract_versions')
    .addColumn('id', 'uuid', id)
    .addColumn('couple_id', 'uuid', couple)
    .addColumn('version', 'integer', (c) => c.notNull().check(sql`version >= 1`))
    .addColumn('discussion_time', 'text', (c) => c.notNull().check(sql`discussion_time ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`))
    .addColumn('items_ciphertext', 'text', (c) => c.notNull())
    .addColumn('keep_past_use_in_sessions', 'boolean', (c) => c.notNull())
    .addColumn('created_by', 'uuid', formerPerson)
    .addColumn('created_at', 'timestamptz', now)
    // Set, under the couple's row lock, by the second signature.
    .addColumn('signed_by_both_at', 'timestamptz')
    // Two edits at the same moment cannot both become version n.
    .addUniqueConstraint('contract_versions_couple_version', ['couple_id', 'version'])
    .execute();

  await db.schema
    .createTable('contract_parts')
    .addColumn('contract_version_id', 'uuid', (c) => c.notNull().references('contract_versions.id').onDelete('cascade'))
    .addColumn('couple_id', 'uuid', couple)
    .addColumn('partner_id', 'uuid', person)
    .addColumn('intention_ciphertext', 'text', (c) => c.notNull())
    .addColumn('medication_ciphertext', 'text', (c) => c.notNull())
    .addColumn('meetings_ciphertext', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contract_parts_pk', ['contract_version_id', 'partner_id'])
    .execute();

  await db.schema
    .createTable('contract_signatures')
    .addColumn('contract_version_id', 'uuid', (c) => c.notNull().references('contract_versions.id').onDelete('cascade'))
    .addColumn('couple_id', 'uuid', couple)
    .addColumn('partner_id', 'uuid', person)
    .addColumn('signed_at', 'timestamptz', now)
    // One signature per partner and version, however often or concurrently they tap "sign".
    .addPrimaryKeyConstraint('contract_signatures_pk', ['contract_version_id', 'partner_id'])
    .execute();

  await db.schema
    .createTable('trust_discussion_parts')
    .addColumn('couple_id', 'uuid', couple)
    .addColumn('partner_id', 'uuid', person)
    .addColumn('local_date', 'date', (c) => c.notNull())
    .addColumn('stated', 'boolean', (c) => c.notNull())
    .addColumn('thanked', 'boolean', (c) => c.notNull())
    .addColumn('contract_version_id', 'uuid', (c) => c.references('contract_versions.id').onDelete('set null'))
    .addColumn('updated_at', 'timestamptz', now)
    .addPrimaryKeyConstraint('trust_discussion_parts_pk', ['couple_id', 'partner_id', 'local_date'])
    .execute();

  await db.schema
    .createTable('commitments')
    .addColumn('id', 'uuid', id)
    .addColumn('couple_id', 'uuid', couple)
    .addColumn('author_id', 'uuid', person)
    .addColumn('text_ciphertext', 'text', (c) => c.notNull())
    .addColumn('due_date', 'date', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('kept', 'missed')`))
    .addColumn('outcome_at', 'timestamptz')
    .addColumn('acknowledged_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', now)
    .execute();
  await db.schema.createIndex('commitments_couple').on('commitments').columns(['couple_id', 'created_at']).execute();

  await db.schema
    .createTable('appreciations')
    .addColumn('id', 'uuid', id)
    .addColumn('couple_id', 'uuid', couple)
    .addColumn('author_id', 'uuid', person)
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('appreciation', 'caring-day')`))
    .addColumn('local_date', 'date', (c) => c.notNull())
    .addColumn('text_ciphertext', 'text', (c) => c.notNull())
    // Null while untold: the partner never sees it then.
    .addColumn('told_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', now)
    .execute();
  await db.schema.createIndex('appreciations_couple').on('appreciations').columns(['couple_id', 'local_date']).execute();

  await db.schema
    .createTable('boundaries')
    .addColumn('id', 'uuid', id)
    .addColumn('couple_id', 'uuid', couple)
    .addColumn('author_id', 'uuid', person)
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('need', 'will-if')`))
    .addColumn('text_ciphertext', 'text', (c) => c.notNull())
    .addColumn('review_date', 'date')
    .addColumn('response', 'text', (c) => c.check(sql`response in ('acknowledged', 'talk')`))
    .addColumn('responded_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', now)
    .addColumn('updated_at', 'timestamptz', now)
    .execute();
  await db.schema.createIndex('boundaries_couple').on('boundaries').columns(['couple_id', 'created_at']).execute();

  await db.schema
    .createTable('couple_goals')
    .addColumn('id', 'uuid', id)
    .addColumn('couple_id', 'uuid', couple)
    .addColumn('created_by', 'uuid', formerPerson)
    .addColumn('title_ciphertext', 'text', (c) => c.notNull())
    .addColumn('target_date', 'date')
    .addColumn('created_at', 'timestamptz', now)
    .execute();
  await db.schema.createIndex('couple_goals_couple').on('couple_goals').columns(['couple_id', 'created_at']).execute();

  await db.schema
    .createTable('couple_goal_milestones')
    .addColumn('id', 'uuid', id)
    .addColumn('goal_id', 'uuid', (c) => c.notNull().references('couple_goals.id').onDelete('cascade'))
    .addColumn('couple_id', 'uuid', couple)
    .addColumn('position', 'smallint', (c) => c.notNull())
    .addColumn('title_ciphertext', 'text', (c) => c.notNull())
    .addColumn('done_at', 'timestamptz')
    .addColumn('done_by', 'uuid', formerPerson)
    .execute();
  await db.schema.createIndex('couple_goal_milestones_goal').on('couple_goal_milestones').columns(['goal_id', 'position']).execute();

  await db.schema
    .createTable('couple_activities')
    .addColumn('id', 'uuid', id)
    .addColumn('couple_id', 'uuid', couple)
    .addColumn('created_by', 'uuid', formerPerson)
    .addColumn('title_ciphertext', 'text', (c) => c.notNull())
    .addColumn('planned_for', 'date')
    .addColumn('done_at', 'timestamptz')
    .addColumn('done_by', 'uuid', formerPerson)
    .addColumn('created_at', 'timestamptz', now)
    .execute();
  await db.schema.createIndex('couple_activities_couple').on('couple_activities').columns(['couple_id', 'created_at']).execute();

  await db.schema
    .createTable('activity_ratings')
    .addColumn('activity_id', 'uuid', (c) => c.notNull().references('couple_activities.id').onDelete('cascade'))
    .addColumn('couple_id', 'uuid', couple)
    .addColumn('partner_id', 'uuid', person)
    .addColumn('rating', 'smallint', (c) => c.notNull().check(sql`rating between 1 and 5`))
    .addColumn('rated_at', 'timestamptz', now)
    .addPrimaryKeyConstraint('activity_ratings_pk', ['activity_id', 'partner_id'])
    .execute();
}

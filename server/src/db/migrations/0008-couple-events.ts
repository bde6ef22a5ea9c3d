import { type Kysely, sql } from 'kysely';

/**
 * The couple's live events (platform/events.ts): what one partner did, for the other's open
 * screen. The id is the server-sent event id a reconnecting client resumes after. Rows carry only
 * ids and small facts, never private free text, and are pruned after a few days
 * (`pruneCoupleEvents`, docs/OPERATIONS.md).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('couple_events')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('couple_id', 'uuid', (c) => c.notNull().references('couples.id').onDelete('cascade'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('data', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // Replay and live reads: one couple's events after an id.
  await db.schema.createIndex('couple_events_couple').on('couple_events').columns(['couple_id', 'id']).execute();
  // Pruning by age.
  await db.schema.createIndex('couple_events_created').on('couple_events').column('created_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('couple_events').execute();
}

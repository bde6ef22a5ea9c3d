import { type Kysely, sql } from 'kysely';

// A sign-up waits here until the person opens the link sent to their address, so the sign-up
// answer is the same whether or not an account already exists (no account enumeration).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('pending_signups')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pending_signups_email').on('pending_signups').column('email').execute();
}

import { type Kysely, sql } from 'kysely';

/**
 * Sign-in security (issue 10): password reset links, per-account attempt counters shared by every
 * server process, TOTP two-factor sign-in with recovery codes, and the short-lived state between
 * the password and the code of a two-step login. Every secret is stored as a SHA-256 hash, except
 * the TOTP secret, which the server must read back: it is AES-256-GCM ciphertext (platform/crypto.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // One live link per account: a newer request deletes the older ones; using it deletes it.
  await db.schema
    .createTable('password_resets')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('password_resets_user_id').on('password_resets').column('user_id').execute();

  // Fixed-window attempt counters. `key` is the SHA-256 of scope and subject (an address as typed,
  // or an account id), so the table holds no e-mail address, and none of a person without an account.
  await db.schema
    .createTable('auth_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('window_started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('auth_throttle_window_started_at').on('auth_throttle').column('window_started_at').execute();

  // A person's TOTP credential: unconfirmed until the first code is entered. `last_used_step` is the
  // RFC 6238 time step of the last code accepted: a code of that step or older is refused (replay).
  await db.schema
    .createTable('two_factor_credentials')
    .addColumn('user_id', 'uuid', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
    .addColumn('secret_ciphertext', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('confirmed_at', 'timestamptz')
    .addColumn('last_used_step', 'integer')
    .execute();

  await db.schema
    .createTable('two_factor_recovery_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('used_at', 'timestamptz')
    .execute();
  await db.schema.createIndex('two_factor_recovery_codes_user_id').on('two_factor_recovery_codes').column('user_id').execute();

  // Password accepted, code still due: no session exists yet. The cookie carries the token; only its hash is here.
  await db.schema
    .createTable('pending_logins')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('pending_logins_user_id').on('pending_logins').column('user_id').execute();
}

import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app';
import { loadConfig } from '../src/platform/config';
import { createCipher, generateKey } from '../src/platform/crypto';
import { openDatabase } from '../src/platform/db';
import { migrateWithSeparateRoles, RoleSetupError } from '../src/platform/db-roles';
import { createCapturingMailer } from '../src/platform/mailer';
import { newCouple, type TestApp } from './test-app';

/**
 * Separate migration and application roles on PostgreSQL (MIGRATION_DATABASE_URL, docs/OPERATIONS.md
 * "Database roles"): the migrations run as the owner; the application role the server serves
 * with cannot UPDATE, DELETE or TRUNCATE audit rows (no right to), cannot switch the append-only
 * trigger off (not the owner) nor become the owner, and the app still works (a real flow with an
 * audited read). PostgreSQL project only: roles are a PostgreSQL matter.
 */
const adminUrl = process.env['TEST_DATABASE_URL']!;
const tag = randomBytes(4).toString('hex');
const owner = `twofold_owner_${tag}`;
const application = `twofold_app_${tag}`;
const databaseName = `twofold_roles_${tag}`;
const urlFor = (role: string) => {
  const url = new URL(adminUrl);
  url.username = role;
  url.password = '';
  url.pathname = `/${databaseName}`;
  return url.toString();
};

async function asAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

let t: TestApp;
beforeAll(async () => {
  // The SQL of docs/OPERATIONS.md, "Database roles".
  await asAdmin(async (admin) => {
    await admin.query(`create role ${owner} login`);
    await admin.query(`create role ${application} login`);
    await admin.query(`create database ${databaseName} owner ${owner}`);
  });
  const setup = await migrateWithSeparateRoles(urlFor(owner), urlFor(application));
  expect(setup).toEqual({ migrationRole: owner, applicationRole: application });

  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    PUBLIC_URL: 'http://twofold.test',
    RATE_LIMIT_AUTH_PER_MINUTE: '1000',
    REMINDERS_SWEEP_SECONDS: '5',
  });
  const database = await openDatabase({ kind: 'postgres', url: urlFor(application), poolSize: 3 });
  const mailer = createCapturingMailer();
  const encryptionKey = generateKey();
  const app = await buildApp({ config, database, cipher: createCipher(encryptionKey), mailer, logger: false });
  await app.ready();
  t = {
    app,
    database,
    config,
    outbox: mailer.outbox,
    encryptionKey,
    async close() {
      await app.close();
      await database.close();
    },
  };
}, 60_000);
afterAll(async () => {
  await t?.close();
  await asAdmin(async (admin) => {
    await admin.query(`drop database if exists ${databaseName} with (force)`);
    await admin.query(`drop role if exists ${application}`);
    await admin.query(`drop role if exists ${owner}`);
  });
});

describe('separate migration and application roles (PostgreSQL)', () => {
  it('the app works as the application role, and its audited reads are written', async () => {
    const { rows: whoami } = await sql<{ role: string }>`select current_user as role`.execute(t.database.db);
    expect(whoami[0]!.role).toBe(application);
    const couple = await newCouple(t);
    expect((await couple.a.put('/api/me/support-preferences', { helps: 'walks', doesNotHelp: 'advice' })).status).toBe(200);
    expect((await couple.a.put('/api/me/sharing/support-preferences', { audience: 'partner' })).status).toBe(200);
    const read = await couple.b.get(`/api/people/${couple.a.userId}/support-preferences`);
    expect(read.status).toBe(200);
    expect(read.body.helps).toBe('walks');
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_events`.execute(t.database.db);
    expect(rows[0]!.n).toBe(1);
    const { rows: owners } = await sql<{
      owner: string;
    }>`select tableowner as owner from pg_tables where tablename = 'audit_events'`.execute(t.database.db);
    expect(owners[0]!.owner).toBe(owner);
  });

  it('the application role cannot change, remove or unprotect audit rows, nor become the owner', async () => {
    const db = t.database.db;
    const before = JSON.stringify((await sql`select * from audit_events order by id`.execute(db)).rows);
    for (const statement of [`update audit_events set kind = 'other'`, `delete from audit_events`, `truncate audit_events`]) {
      await expect(sql.raw(statement).execute(db), statement).rejects.toThrow(/permission denied for table audit_events/);
    }
    await expect(sql.raw('alter table audit_events disable trigger audit_events_no_change').execute(db)).rejects.toThrow(
      /must be owner of table audit_events/,
    );
    await expect(sql.raw('alter table audit_events disable trigger all').execute(db)).rejects.toThrow(/must be owner/);
    await expect(sql.raw('drop table audit_events').execute(db)).rejects.toThrow(/must be owner/);
    await expect(sql.raw(`set role ${owner}`).execute(db)).rejects.toThrow(/permission denied to set role/);
    await expect(sql.raw(`insert into kysely_migration (name, timestamp) values ('x', 'now')`).execute(db)).rejects.toThrow(
      /permission denied/,
    );
    expect(JSON.stringify((await sql`select * from audit_events order by id`.execute(db)).rows)).toBe(before);
  });

  it('refuses to start when the roles are not really separate', async () => {
    // The same role twice.
    await expect(migrateWithSeparateRoles(urlFor(owner), urlFor(owner))).rejects.toThrow(RoleSetupError);
    // An application role that may SET ROLE to the owner.
    await asAdmin((admin) => admin.query(`grant ${owner} to ${application}`));
    try {
      await expect(migrateWithSeparateRoles(urlFor(owner), urlFor(application))).rejects.toThrow(/member of the migration role/);
    } finally {
      await asAdmin((admin) => admin.query(`revoke ${owner} from ${application}`));
    }
  });
});

import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, newCouple, testDialect, type TestApp } from './test-app';

/**
 * The audit table is append-only for the application's own connection (migrations 0003 and 0007),
 * on the embedded database and on PostgreSQL: UPDATE, DELETE and TRUNCATE are refused, also in
 * `session_replication_role = replica`, and also for a role that was granted every table right.
 */

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
  // A real audited read: a partner reads what the owner shares.
  const couple = await newCouple(t);
  await couple.a.put('/api/me/support-preferences', { helps: 'walks', doesNotHelp: 'advice' });
  await couple.a.put('/api/me/sharing/support-preferences', { audience: 'partner' });
  expect((await couple.b.get(`/api/people/${couple.a.userId}/support-preferences`)).status).toBe(200);
});
afterAll(async () => {
  await t.close();
});

async function auditRows(): Promise<string> {
  const { rows } = await sql`select * from audit_events order by id`.execute(t.database.db);
  return JSON.stringify(rows);
}

describe(`audit trail is append-only (${testDialect})`, () => {
  it('refuses UPDATE, DELETE and TRUNCATE from the application connection', async () => {
    const before = await auditRows();
    expect(before).not.toBe('[]');
    const db = t.database.db;
    await expect(sql`update audit_events set kind = 'other'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`update audit_events set hash = prev_hash where id = (select min(id) from audit_events)`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from audit_events`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events where id = (select max(id) from audit_events)`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_events`.execute(db)).rejects.toThrow(/append-only/);
    expect(await auditRows()).toBe(before);
  });

  it('refuses them in replica mode too, which skips ordinary triggers (0007: ENABLE ALWAYS)', async () => {
    const before = await auditRows();
    const attempt = (statement: ReturnType<typeof sql>) =>
      t.database.db.transaction().execute(async (tx) => {
        await sql`set local session_replication_role = replica`.execute(tx);
        await statement.execute(tx);
      });
    await expect(attempt(sql`update audit_events set kind = 'other'`)).rejects.toThrow(/append-only/);
    await expect(attempt(sql`delete from audit_events`)).rejects.toThrow(/append-only/);
    await expect(attempt(sql`truncate audit_events`)).rejects.toThrow(/append-only/);
    const { rows } = await sql<{ tgname: string; tgenabled: string }>`
      select tgname, tgenabled from pg_trigger where tgrelid = 'audit_events'::regclass and not tgisinternal order by tgname`.execute(
      t.database.db,
    );
    expect(rows).toEqual([
      { tgname: 'audit_events_no_change', tgenabled: 'A' },
      { tgname: 'audit_events_no_truncate', tgenabled: 'A' },
    ]);
    expect(await auditRows()).toBe(before);
  });

  it('refuses them for a database role granted every right on the table (privileges do not bypass triggers)', async () => {
    const before = await auditRows();
    const role = `twofold_app_${randomBytes(4).toString('hex')}`;
    const db = t.database.db;
    await sql.raw(`create role ${role} nologin`).execute(db);
    try {
      await sql.raw(`grant all on audit_events to ${role}`).execute(db);
      const asRole = (statement: string) =>
        db.transaction().execute(async (tx) => {
          await sql.raw(`set local role ${role}`).execute(tx);
          await sql.raw(statement).execute(tx);
        });
      await expect(asRole(`update audit_events set kind = 'other'`)).rejects.toThrow(/append-only/);
      await expect(asRole(`delete from audit_events`)).rejects.toThrow(/append-only/);
      await expect(asRole(`truncate audit_events`)).rejects.toThrow(/append-only/);
      // Not the owner: it cannot switch the protection off either.
      await expect(asRole(`alter table audit_events disable trigger audit_events_no_change`)).rejects.toThrow(/owner/);
    } finally {
      await sql.raw(`revoke all on audit_events from ${role}`).execute(db);
      await sql.raw(`drop role ${role}`).execute(db);
    }
    expect(await auditRows()).toBe(before);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { buildTestApp, type TestApp } from '../../test/test-app';
import { appendAuditEntry, verifyAuditChain } from './audit';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const entry = () => ({
  actorId: randomUUID(),
  subjectId: randomUUID(),
  kind: 'support-preferences',
  action: 'read' as const,
  purpose: 'partner-support' as const,
  relation: 'partner' as const,
  programId: null,
});

describe('audit trail', () => {
  it('chains entries, including ones appended concurrently', async () => {
    const db = t.database.db;
    await Promise.all(Array.from({ length: 10 }, () => db.transaction().execute((tx) => appendAuditEntry(tx, entry()))));
    expect(await verifyAuditChain(db)).toBeNull();
    const rows = await db.selectFrom('auditEvents').select(['prevHash', 'hash']).orderBy('id').execute();
    expect(rows).toHaveLength(10);
    rows.slice(1).forEach((row, i) => expect(row.prevHash).toBe(rows[i]!.hash));
  });

  it('refuses updates, deletes and truncation', async () => {
    const db = t.database.db;
    await expect(sql`update audit_events set kind = 'other'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`truncate audit_events`.execute(db)).rejects.toThrow(/append-only/);
  });

  it('detects an entry changed behind its back', async () => {
    const db = t.database.db;
    await sql`alter table audit_events disable trigger audit_events_no_change`.execute(db);
    const victim = await db.selectFrom('auditEvents').select('id').orderBy('id').offset(3).limit(1).executeTakeFirstOrThrow();
    await sql`update audit_events set subject_id = ${randomUUID()} where id = ${victim.id}`.execute(db);
    await sql`alter table audit_events enable trigger audit_events_no_change`.execute(db);
    expect(await verifyAuditChain(db)).toBe(victim.id);
  });
});

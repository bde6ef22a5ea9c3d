import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { buildTestApp, type TestApp } from '../../test/test-app';
import { appendAuditEntry, lockAuditChain, verifyAuditChain } from './audit';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const subjects = [randomUUID(), randomUUID()];
const entry = (subjectId: string) => ({
  actorId: randomUUID(),
  subjectId,
  kind: 'support-preferences',
  action: 'read' as const,
  purpose: 'partner-support' as const,
  relation: 'partner' as const,
  programId: null,
});

describe('audit trail', () => {
  it('chains each person’s entries, including ones appended concurrently', async () => {
    const db = t.database.db;
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => db.transaction().execute((tx) => appendAuditEntry(tx, entry(subjects[i % 2]!)))),
    );
    expect(await verifyAuditChain(db)).toBeNull();
    for (const subjectId of subjects) {
      const rows = await db
        .selectFrom('auditEvents')
        .select(['prevHash', 'hash'])
        .where('subjectId', '=', subjectId)
        .orderBy('id')
        .execute();
      expect(rows).toHaveLength(5);
      expect(rows[0]!.prevHash).toBe('0'.repeat(64));
      rows.slice(1).forEach((row, i) => expect(row.prevHash).toBe(rows[i]!.hash));
    }
  });

  it('computes the same hash in the database as the verifier, with a program and with the lock taken beforehand', async () => {
    const db = t.database.db;
    const subjectId = randomUUID();
    const clinicianRead = { ...entry(subjectId), purpose: 'treatment' as const, relation: 'clinician' as const, programId: randomUUID() };
    await db.transaction().execute((tx) => appendAuditEntry(tx, clinicianRead));
    await db.transaction().execute(async (tx) => {
      await sql`select ${lockAuditChain(subjectId)}`.execute(tx);
      await appendAuditEntry(tx, entry(subjectId), { isChainLocked: true });
    });
    const rows = await db.selectFrom('auditEvents').selectAll().where('subjectId', '=', subjectId).orderBy('id').execute();
    expect(rows.map((row) => row.programId)).toEqual([clinicianRead.programId, null]);
    expect(rows[1]!.prevHash).toBe(rows[0]!.hash);
    expect(await verifyAuditChain(db)).toBeNull();
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
    expect(await verifyAuditChain(db)).toBe(String(victim.id));
  });
});

import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAuditVerify, verifyAuditTrail } from '../../scripts/audit-verify';
import { buildTestApp, newCouple, newProgram, enroll, testDialect, type TestApp } from './test-app';

/**
 * `npm run audit:verify` walks every chain end to end: intact after real audited reads through the
 * API, and a row changed or removed behind the application's back (as a superuser who switches
 * the append-only trigger off) is named, with exit code 1.
 */

let t: TestApp;
let rowsAfterReads = 0;
beforeAll(async () => {
  t = await buildTestApp();
  const couples = [await newCouple(t), await newCouple(t)];
  const program = await newProgram(t);
  await enroll(couples[0]!, program);
  for (const couple of couples) {
    for (const [owner, reader] of [
      [couple.a, couple.b],
      [couple.b, couple.a],
    ] as const) {
      await owner.put('/api/me/support-preferences', { helps: 'walks', doesNotHelp: 'advice' });
      await owner.post('/api/me/goals', { title: 'Walk', why: 'air', dueDate: null, steps: [] });
      await owner.put('/api/me/sharing/support-preferences', { audience: 'both' });
      await owner.put('/api/me/sharing/goals', { audience: 'both' });
      for (let i = 0; i < 3; i += 1) {
        expect((await reader.get(`/api/people/${owner.userId}/support-preferences`)).status).toBe(200);
        expect((await reader.get(`/api/people/${owner.userId}/goals`)).status).toBe(200);
      }
    }
  }
  for (const person of [couples[0]!.a, couples[0]!.b]) {
    expect((await program.clinician.get(`/api/people/${person.userId}/support-preferences`)).status).toBe(200);
  }
  const { rows } = await sql<{ n: number }>`select count(*)::int as n from audit_events`.execute(t.database.db);
  rowsAfterReads = rows[0]!.n;
});
afterAll(async () => {
  await t.close();
});

/** What a superuser could do: switch the trigger off, change the table, switch it back on. */
async function behindTheBack(statement: ReturnType<typeof sql>): Promise<void> {
  await t.database.db.transaction().execute(async (tx) => {
    await sql`alter table audit_events disable trigger audit_events_no_change`.execute(tx);
    await statement.execute(tx);
    await sql`alter table audit_events enable always trigger audit_events_no_change`.execute(tx);
  });
}

describe(`npm run audit:verify (${testDialect})`, () => {
  it('finds every chain intact after real audited reads', async () => {
    expect(rowsAfterReads).toBe(2 * 2 * 3 * 2 + 2);
    const lines: string[] = [];
    expect(await runAuditVerify(t.database.db, (line) => lines.push(line))).toBe(0);
    console.log(lines.join('\n'));
    expect(lines[0]).toContain(`${rowsAfterReads} rows in 4 chains verified`);
  });

  it('names the first changed row and exits 1', async () => {
    const victim = await t.database.db
      .selectFrom('auditEvents')
      .select(['id', 'subjectId'])
      .orderBy('id')
      .offset(5)
      .limit(1)
      .executeTakeFirstOrThrow();
    await behindTheBack(sql`update audit_events set actor_id = ${randomUUID()} where id = ${victim.id}`);
    const lines: string[] = [];
    expect(await runAuditVerify(t.database.db, (line) => lines.push(line))).toBe(1);
    expect(lines[0]).toContain(`BROKEN at row ${victim.id} (subject ${victim.subjectId}`);
  });

  it('notices a row removed from the middle of a chain', async () => {
    const other = await buildTestApp();
    try {
      const couple = await newCouple(other);
      await couple.a.put('/api/me/sharing/support-preferences', { audience: 'partner' });
      await couple.a.put('/api/me/support-preferences', { helps: 'walks', doesNotHelp: 'advice' });
      for (let i = 0; i < 4; i += 1) {
        expect((await couple.b.get(`/api/people/${couple.a.userId}/support-preferences`)).status).toBe(200);
      }
      expect((await verifyAuditTrail(other.database.db)).broken).toBeNull();
      const rows = await other.database.db.selectFrom('auditEvents').select('id').orderBy('id').execute();
      await other.database.db.transaction().execute(async (tx) => {
        await sql`alter table audit_events disable trigger audit_events_no_change`.execute(tx);
        await sql`delete from audit_events where id = ${rows[1]!.id}`.execute(tx);
        await sql`alter table audit_events enable always trigger audit_events_no_change`.execute(tx);
      });
      expect((await verifyAuditTrail(other.database.db)).broken?.id).toBe(String(rows[2]!.id));
    } finally {
      await other.close();
    }
  });
});

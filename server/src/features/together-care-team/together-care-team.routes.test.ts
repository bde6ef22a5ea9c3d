import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, enroll, newProgram, type TestApp, type TestClient } from '../../../test/test-app';
import { newOpenCouple, signContract } from '../../../test/together-helpers';
import { todayIn } from '../../platform/local-date';

/**
 * The care team reads a couple's joint work only while BOTH partners share `together` with it;
 * one partner revoking closes it at the next request. Every disclosure is audited, one row per partner.
 */
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

async function lastAuditId(): Promise<string> {
  const { rows } = await sql<{ id: string | null }>`select max(id)::text as id from audit_events`.execute(t.database.db);
  return rows[0]?.id ?? '0';
}
async function auditAfter(id: string) {
  const { rows } = await sql<{ actorId: string; subjectId: string; kind: string; relation: string; programId: string | null }>`
    select actor_id, subject_id, kind, relation, program_id from audit_events where id > ${id}::bigint order by id`.execute(t.database.db);
  return rows;
}
const share = (person: TestClient, audience: 'care-team' | 'private') => person.put('/api/me/sharing/together', { audience });

async function enrolledCoupleWithJointWork() {
  const couple = await newOpenCouple(t);
  const program = await newProgram(t);
  await enroll(couple, program);
  await signContract(couple);
  const today = todayIn('America/Chicago');
  await couple.a.put(`/api/couple/trust-discussions/${today}/mine`, { stated: true, thanked: false });
  await couple.a.post('/api/couple/commitments', { text: 'I will go to my Tuesday group', dueDate: '2026-12-31' });
  await couple.b.post('/api/couple/boundaries', { kind: 'need', text: 'I need us to leave parties by ten', reviewDate: null });
  await couple.b.post('/api/couple/goals', { title: 'A weekend away', targetDate: null, milestones: [{ title: 'Save $300' }] });
  await couple.a.post('/api/couple/activities', { title: 'Walk by the river', plannedFor: null });
  await couple.a.post('/api/couple/appreciations', { kind: 'appreciation', date: today, text: 'untold-words-of-alex', told: false });
  await couple.b.post('/api/couple/appreciations', { kind: 'appreciation', date: today, text: 'told-words-of-blake', told: true });
  const coupleId = (await couple.a.get('/api/couple')).body.id as string;
  return { ...couple, program, coupleId, url: `/api/programs/${program.programId}/couples/${coupleId}/together` };
}

describe('the care team reads joint work', () => {
  it('only while both partners share it; one revoking closes it at the next request; each read is audited per partner', async () => {
    const { a, b, program, coupleId, url } = await enrolledCoupleWithJointWork();
    const clinician = program.clinician;

    const before = await lastAuditId();
    expect((await clinician.get(url)).status).toBe(404);
    await share(a, 'care-team');
    expect((await clinician.get(url)).status).toBe(404);
    expect(await auditAfter(before)).toEqual([]);

    await share(b, 'care-team');
    const start = await lastAuditId();
    const read = await clinician.get(url);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      coupleId,
      programId: program.programId,
      contract: { status: 'in-force', active: { version: 1, parts: [expect.objectContaining({ partnerId: a.userId })] } },
      trustDiscussion: { discussionTime: '20:30', streak: { current: expect.any(Number) } },
      commitments: {
        commitments: [expect.objectContaining({ authorId: a.userId, text: 'I will go to my Tuesday group' })],
        followThrough: expect.arrayContaining([{ partnerId: a.userId, kept: 0, missed: 0, open: 1 }]),
      },
      boundaries: [expect.objectContaining({ authorId: b.userId, text: 'I need us to leave parties by ten' })],
      goals: [expect.objectContaining({ title: 'A weekend away', createdBy: b.userId })],
      activities: [expect.objectContaining({ title: 'Walk by the river' })],
    });
    expect(read.body.partners.map((p: { id: string }) => p.id).sort()).toEqual([a.userId, b.userId].sort());
    expect(read.body.trustDiscussion.days.length).toBeGreaterThan(0);
    expect(read.body.trustDiscussion.counts.done + read.body.trustDiscussion.counts.pending).toBeGreaterThan(0);
    const text = JSON.stringify(read.body);
    expect(text).not.toContain('untold-words-of-alex');
    expect(text).not.toContain('told-words-of-blake');
    expect(text).not.toContain('"can"');
    const rows = await auditAfter(start);
    expect(rows.map((row) => row.subjectId).sort()).toEqual([a.userId, b.userId].sort());
    for (const row of rows) {
      expect(row).toMatchObject({ actorId: clinician.userId, kind: 'together', relation: 'clinician', programId: program.programId });
    }
    // Each partner sees the read in their own access log.
    const log = (await b.get('/api/me/access-log')).body;
    expect(JSON.stringify(log)).toContain('together');

    // Blake revokes: closed at the very next request, and nothing is audited.
    await share(b, 'private');
    const afterRevoke = await lastAuditId();
    const closed = await clinician.get(url);
    expect(closed.status).toBe(404);
    expect(await auditAfter(afterRevoke)).toEqual([]);
    // It answers exactly like a couple that does not exist.
    const absent = await clinician.get(`/api/programs/${program.programId}/couples/${randomUUID()}/together`);
    expect(closed.body).toEqual({ ...absent.body, instance: closed.body.instance });
  });

  it('closes when a partner leaves the program or the couple; other programs, admins and partners never read it', async () => {
    const { a, b, program, url } = await enrolledCoupleWithJointWork();
    await share(a, 'care-team');
    await share(b, 'care-team');
    expect((await program.clinician.get(url)).status).toBe(200);

    const elsewhere = await newProgram(t, 'Elsewhere');
    expect((await elsewhere.clinician.get(url)).status).toBe(404);
    expect((await elsewhere.clinician.get(url.replace(program.programId, elsewhere.programId))).status).toBe(404);
    // An admin who is not the couple's clinician: no clinical content, and the couple does not exist for them.
    expect((await program.admin.get(url)).status).toBe(404);
    expect((await a.get(url)).status).toBe(404);
    expect((await b.get(url)).status).toBe(404);

    await a.delete(`/api/programs/${program.programId}/enrollment`);
    expect((await program.clinician.get(url)).status).toBe(404);
  });

  it('closes at once when a partner leaves the couple', async () => {
    const { a, b, program, url } = await enrolledCoupleWithJointWork();
    await share(a, 'care-team');
    await share(b, 'care-team');
    expect((await program.clinician.get(url)).status).toBe(200);
    await b.post('/api/couple/leave');
    expect((await program.clinician.get(url)).status).toBe(404);
  });

  it('refuses ids that are not ids, with the field at fault', async () => {
    const { program } = await enrolledCoupleWithJointWork();
    const bad = await program.clinician.get(`/api/programs/${program.programId}/couples/not-a-couple/together`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/coupleId']);
  });
});

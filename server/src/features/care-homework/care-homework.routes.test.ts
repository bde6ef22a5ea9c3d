import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, enroll, newCouple, newPerson, newProgram, type TestApp } from '../../../test/test-app';
import { newOpenCouple } from '../../../test/together-helpers';
import { buildPlan } from '../../../test/plan-catalog';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

async function enrolledCouple() {
  const program = await newProgram(t);
  const couple = await newCouple(t, ['Alex', 'Blake']);
  await enroll(couple, program);
  const base = `/api/programs/${program.programId}/couples/${couple.coupleId}`;
  return { ...program, ...couple, base };
}

const secretInstructions = 'Practise when the craving after Friday payday comes';
const gad7AllZero = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, '6': 0, '7': 0 };

describe('homework', () => {
  it("shows in the assignee's app only; the other partner never sees it; completion comes back to the clinician", async () => {
    const c = await enrolledCouple();
    const forAlex = await c.clinician.post(`${c.base}/homework`, {
      assignees: [c.a.userId],
      kind: 'skill-practice',
      target: 'urge-surfing',
      dueDate: '2026-12-01',
      instructions: secretInstructions,
    });
    expect(forAlex.status).toBe(201);
    expect(forAlex.body).toMatchObject({
      kind: 'skill-practice',
      target: 'urge-surfing',
      instructions: secretInstructions,
      assignees: [{ personId: c.a.userId, displayName: 'Alex', doneAt: null, how: null }],
      can: { withdraw: true },
    });
    const forBoth = await c.clinician.post(`${c.base}/homework`, {
      assignees: [c.a.userId, c.b.userId],
      kind: 'plan-review',
      dueDate: '2026-12-05',
    });
    expect(forBoth.status).toBe(201);

    const blakes = await c.b.get('/api/me/homework');
    expect(blakes.body.homework.map((h: { id: string }) => h.id)).toEqual([forBoth.body.id]);
    expect(JSON.stringify(blakes.body)).not.toContain(secretInstructions);
    expect((await c.b.put(`/api/me/homework/${forAlex.body.id}/done`)).status).toBe(404);

    const alexs = await c.a.get('/api/me/homework');
    expect(alexs.body.homework.map((h: { id: string }) => h.id)).toEqual([forAlex.body.id, forBoth.body.id]);
    expect(alexs.body.homework[0]).toMatchObject({ instructions: secretInstructions, doneAt: null, overdue: false });

    // Blake marks the shared one done: Alex's own completion stays open, and Alex is not told.
    const marked = await c.b.put(`/api/me/homework/${forBoth.body.id}/done`);
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ how: 'marked' });
    expect((await c.a.get('/api/me/homework')).body.homework.find((h: { id: string }) => h.id === forBoth.body.id)).toMatchObject({
      doneAt: null,
    });

    // Alex does the urge-surfing run: the homework completes by itself.
    const run = await c.a.post('/api/me/coping-runs', {
      tool: 'urge-surfing',
      urgeBefore: 7,
      urgeAfter: 3,
      urgeDuring: [7, 5, 3],
      durationSeconds: 300,
      startedAt: new Date(Date.now() + 1000).toISOString(),
    });
    expect(run.status).toBe(201);
    const listed = await c.clinician.get(`${c.base}/homework`);
    expect(listed.status).toBe(200);
    const byId = new Map(listed.body.homework.map((h: { id: string }) => [h.id, h]));
    expect(byId.get(forAlex.body.id)).toMatchObject({ assignees: [{ displayName: 'Alex', how: 'linked' }] });
    expect(byId.get(forBoth.body.id)).toMatchObject({
      assignees: [
        { displayName: 'Alex', doneAt: null },
        { displayName: 'Blake', how: 'marked' },
      ],
    });
    // Only "done" and when reach the clinician: nothing of the run itself.
    expect(JSON.stringify(listed.body)).not.toMatch(/urgeBefore|urgeDuring|300/);

    // Unmarking brings it back.
    expect((await c.b.delete(`/api/me/homework/${forBoth.body.id}/done`)).body).toMatchObject({ doneAt: null, how: null });
  });

  it('completes a questionnaire or a practice prompt done after it was assigned, not one done before', async () => {
    const c = await enrolledCouple();
    await c.a.post('/api/me/assessments', { instrumentId: 'gad-7', submissionId: randomUUID(), answers: gad7AllZero });
    // That answer was given yesterday, before any homework.
    await sql`update assessment_responses set submitted_at = now() - interval '1 day' where owner_id = ${c.a.userId}`.execute(
      t.database.db,
    );
    const assessment = await c.clinician.post(`${c.base}/homework`, {
      assignees: [c.a.userId],
      kind: 'assessment',
      target: 'gad-7',
      dueDate: '2026-12-01',
    });
    const practice = await c.clinician.post(`${c.base}/homework`, {
      assignees: [c.a.userId],
      kind: 'communication-exercise',
      target: 'i-statements',
      dueDate: '2026-12-01',
    });
    const mine = async () =>
      new Map((await c.a.get('/api/me/homework')).body.homework.map((h: { id: string; how: string | null }) => [h.id, h.how]));
    expect(await mine()).toEqual(
      new Map([
        [assessment.body.id, null],
        [practice.body.id, null],
      ]),
    );
    await c.a.post('/api/me/assessments', { instrumentId: 'gad-7', submissionId: randomUUID(), answers: gad7AllZero });
    await c.a.post('/api/communication/practices', { skillId: 'i-statements' });
    expect(await mine()).toEqual(
      new Map([
        [assessment.body.id, 'linked'],
        [practice.body.id, 'linked'],
      ]),
    );
  });

  it('a plan review completes for each partner who signs the plan after it was assigned', async () => {
    const program = await newProgram(t);
    const couple = await newOpenCouple(t);
    await enroll(couple, program);
    const base = `/api/programs/${program.programId}/couples/${couple.coupleId}`;
    const made = await program.clinician.post(`${base}/homework`, {
      assignees: [couple.a.userId, couple.b.userId],
      kind: 'plan-review',
      dueDate: '2026-12-01',
    });
    expect(made.body.assignees.map((a: { how: string | null }) => a.how)).toEqual([null, null]);
    await buildPlan(couple.a, couple.b);
    const listed = await program.clinician.get(`${base}/homework`);
    expect(listed.body.homework[0].assignees.map((a: { how: string | null }) => a.how)).toEqual(['linked', 'linked']);
  });

  it('stores instructions encrypted, and withdraws homework from the partner list', async () => {
    const c = await enrolledCouple();
    const made = await c.clinician.post(`${c.base}/homework`, {
      assignees: [c.b.userId],
      kind: 'communication-exercise',
      target: 'speaker-listener',
      dueDate: '2026-12-01',
      instructions: secretInstructions,
    });
    const row = await t.database.db.selectFrom('careHomework').selectAll().where('id', '=', made.body.id).executeTakeFirstOrThrow();
    expect(row.instructionsCiphertext).not.toContain('payday');
    const withdrawn = await c.clinician.post(`/api/programs/${c.programId}/homework/${made.body.id}/withdraw`);
    expect(withdrawn.body).toMatchObject({ withdrawn: true, can: { withdraw: false } });
    expect((await c.b.get('/api/me/homework')).body.homework).toEqual([]);
    expect((await c.b.put(`/api/me/homework/${made.body.id}/done`)).status).toBe(404);
    expect((await c.clinician.post(`/api/programs/${c.programId}/homework/${made.body.id}/withdraw`)).status).toBe(409);
  });

  it('refuses bad input with the field at fault and assigns nothing', async () => {
    const c = await enrolledCouple();
    const outsider = await newPerson(t);
    const good = { assignees: [c.a.userId], kind: 'assessment', target: 'phq-9', dueDate: '2026-12-01' };
    const cases: Array<[unknown, string]> = [
      [{ ...good, target: 'hark' }, '/target'],
      [{ ...good, kind: 'plan-review' }, '/target'],
      [{ ...good, kind: 'skill-practice', target: 'phq-9' }, '/target'],
      [{ ...good, assignees: [] }, '/assignees'],
      [{ ...good, assignees: [c.a.userId, c.a.userId] }, '/assignees'],
      [{ ...good, assignees: [outsider.userId] }, '/assignees/0'],
      [{ ...good, dueDate: '2026-13-01' }, '/dueDate'],
      [{ ...good, instructions: 'x'.repeat(1001) }, '/instructions'],
    ];
    for (const [body, pointer] of cases) {
      const answer = await c.clinician.post(`${c.base}/homework`, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    }
    expect((await c.clinician.get(`${c.base}/homework`)).body.homework).toEqual([]);
  });

  it('answers 404 to anyone but a clinician of the program, and audits the clinician read', async () => {
    const c = await enrolledCouple();
    const made = await c.clinician.post(`${c.base}/homework`, { assignees: [c.a.userId], kind: 'plan-review', dueDate: '2026-12-01' });
    const elsewhere = await newProgram(t, 'Elsewhere');
    for (const who of [elsewhere.clinician, c.a, c.b]) {
      expect((await who.get(`${c.base}/homework`)).status).toBe(404);
      expect((await who.post(`${c.base}/homework`, { assignees: [c.a.userId], kind: 'plan-review', dueDate: '2026-12-01' })).status).toBe(
        404,
      );
      expect((await who.post(`/api/programs/${c.programId}/homework/${made.body.id}/withdraw`)).status).toBe(404);
    }
    expect((await elsewhere.clinician.post(`/api/programs/${elsewhere.programId}/homework/${made.body.id}/withdraw`)).status).toBe(404);
    await c.clinician.get(`${c.base}/homework`);
    const log = await c.a.get('/api/me/access-log');
    expect(log.body.events).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'care-homework' })]));
  });
});

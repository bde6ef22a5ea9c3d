import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, enroll, newPerson, newProgram, TestClient, type TestApp } from '../../../test/test-app';
import { newOpenCouple, signContract } from '../../../test/together-helpers';
import { todayIn } from '../../platform/local-date';

/**
 * The progress report: a PDF only a clinician caring for the couple gets, holding only what each
 * partner shares with the care team (a kind not shared is absent, with a line saying so), every
 * read audited, and the 42 CFR part 2 redisclosure notice on every page. The PDF's text is read
 * back with pdftotext (poppler-utils).
 */
let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

function pdfText(pdf: Buffer): string[] {
  const result = spawnSync('pdftotext', ['-layout', '-', '-'], { input: pdf });
  if (result.status !== 0) {
    throw new Error(`pdftotext failed: ${result.stderr.toString()}`);
  }
  return result.stdout
    .toString()
    .split('\f')
    .filter((page) => page.trim() !== '');
}
const coupleIdOf = (url: string) => /couples\/([^/]+)\//.exec(url)![1]!;
/** pdftotext wraps lines as laid out: compare text with its whitespace folded. */
const fold = (text: string) => text.replace(/\s+/g, ' ');

const checkin = {
  mood: 4,
  craving: 3,
  used: false,
  substancesUsed: [],
  sleep: 3,
  stress: 2,
  closeness: 4,
  conflict: 'none',
  triggerIds: [],
  note: '',
};
const phq9 = { '1': 1, '2': 1, '3': 0, '4': 2, '5': 0, '6': 1, '7': 0, '8': 0, '9': 0 };
const lapse = {
  time: '21:30',
  substances: ['alcohol'],
  whatHappened: 'untold-lapse-words',
  triggerIds: [],
  warningSigns: [],
  whatIDidAfter: 'Called my sponsor',
  tellPartner: false,
};

async function reportScenario() {
  const couple = await newOpenCouple(t);
  const program = await newProgram(t);
  await enroll(couple, program);
  await signContract(couple);
  const today = todayIn('America/Chicago');
  const day = (back: number) => Temporal.PlainDate.from(today).subtract({ days: back }).toString();
  // Alex shares check-ins and mood questionnaires with the care team; Blake shares nothing.
  for (const back of [6, 5, 3, 2, 1, 0]) {
    await couple.a.put(`/api/me/checkins/${day(back)}`, { ...checkin, craving: back, mood: 1 + (back % 5) });
    await couple.b.put(`/api/me/checkins/${day(back)}`, { ...checkin, craving: 9 });
  }
  await couple.a.post('/api/me/assessments', { instrumentId: 'phq-9', submissionId: randomUUID(), answers: phq9 });
  await couple.b.post('/api/me/assessments', {
    instrumentId: 'gad-7',
    submissionId: randomUUID(),
    answers: { '1': 3, '2': 3, '3': 3, '4': 3, '5': 3, '6': 3, '7': 3 },
  });
  await couple.a.put('/api/me/sharing/checkins', { audience: 'care-team' });
  await couple.a.put('/api/me/sharing/assessments-mood-anxiety', { audience: 'care-team' });
  // Blake told the care team about one lapse and kept another to themselves.
  await couple.b.post('/api/me/lapses', { ...lapse, date: day(2), whatHappened: 'told-lapse', tellCareTeam: true });
  await couple.b.post('/api/me/lapses', { ...lapse, date: day(1), substances: ['cannabis'], tellCareTeam: false });
  const url = `/api/programs/${program.programId}/couples/${couple.coupleId}/report.pdf?from=${day(29)}&to=${today}`;
  return { ...couple, program, today, day, url };
}

describe('progress report', () => {
  it('holds only what each partner shares with the care team, with the notice on every page', async () => {
    const { a, b, program, url } = await reportScenario();
    const before = await sql<{ id: string }>`select coalesce(max(id), 0)::text as id from audit_events`.execute(t.database.db);

    const answer = await program.clinician.get(url);
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('application/pdf');
    expect(answer.headers['content-disposition']).toMatch(/^attachment; filename="progress-report-couple-.*\.pdf"$/);
    expect(answer.headers['cache-control']).toBe('no-store');
    const pages = pdfText(answer.raw.rawPayload);
    expect(pages.length).toBeGreaterThanOrEqual(1);
    for (const page of pages) {
      expect(fold(page)).toContain(
        'This information has been disclosed to you from records protected by federal confidentiality rules (42 CFR part 2).',
      );
    }
    const text = fold(pages.join('\n'));
    expect(text).toContain('Progress report: Alex & Blake');
    // Alex's shared data: check-ins with their chart, PHQ-9 with its band and source.
    expect(text).toContain('Check-ins completed: 6 of 30 day(s) (20%)');
    expect(text).toContain('Craving (0-10) and mood (1-5) by day');
    expect(text).toMatch(/PHQ-9 +5 +Mild \(Kroenke/);
    // Blake shares none of it: absent, said so.
    expect(text).toContain('Daily check-ins: not shared with the care team by Blake.');
    expect(text).toContain('Questionnaires (Mood and anxiety): not shared with the care team by Blake.');
    expect(text).not.toContain('GAD-7');
    // Lapses: only the one told to the care team, and never its words.
    expect(text).toContain('Lapses told to the care team: 1.');
    expect(text).not.toContain('cannabis');
    expect(text).not.toContain('told-lapse');
    // Joint work only when both partners share `together`.
    expect(text).toContain('Recovery Contract and Trust Discussion: not shared with the care team by both partners.');

    // Each disclosure was audited (check-ins and mood questionnaires of Alex, the told lapse of Blake, the homework
    // records of both); nothing of Blake's unshared kinds.
    const { rows } = await sql<{ subjectId: string; kind: string }>`
      select subject_id, kind from audit_events where id > ${before.rows[0]!.id}::bigint and actor_id = ${program.clinician.userId}::uuid`.execute(
      t.database.db,
    );
    const seen = rows.map((row) => `${row.subjectId === a.userId ? 'a' : row.subjectId === b.userId ? 'b' : '?'}:${row.kind}`).sort();
    expect(seen).toEqual(['a:assessments-mood-anxiety', 'a:care-homework', 'a:checkins', 'b:care-homework', 'b:lapses']);
  });

  it('adds the Trust Discussion once both partners share their joint work, and reports one partner alone', async () => {
    const { a, b, program, url, today, day } = await reportScenario();
    await a.put(`/api/couple/trust-discussions/${today}/mine`, { stated: true, thanked: false });
    await a.put('/api/me/sharing/together', { audience: 'care-team' });
    await b.put('/api/me/sharing/together', { audience: 'care-team' });
    const couple = fold(pdfText((await program.clinician.get(url)).raw.rawPayload).join('\n'));
    expect(couple).toMatch(/Trust Discussion adherence: done \d+, partly \d+, missed \d+ of \d+ finished day\(s\)/);

    // Homework from the care team, with completion, once due in the range.
    const due = day(-7);
    const homework = await program.clinician.post(`/api/programs/${program.programId}/couples/${coupleIdOf(url)}/homework`, {
      assignees: [a.userId],
      kind: 'skill-practice',
      target: 'breathing',
      dueDate: due,
      instructions: '',
    });
    expect(homework.status).toBe(201);
    const marked = await a.put(`/api/me/homework/${homework.body.id}/done`, undefined);
    expect(marked.status, JSON.stringify(marked.body)).toBe(200);
    const withHomework = fold(pdfText((await program.clinician.get(url.replace(/to=[^&]+/, `to=${day(-10)}`))).raw.rawPayload).join('\n'));
    expect(withHomework).toContain('Homework from the care team: 1 of 1 done (100%).');
    expect(withHomework).toMatch(new RegExp(`${due} +Skill practice \\(breathing\\) +\\d{4}-\\d{2}-\\d{2}`));

    const alone = await program.clinician.get(`${url}&partnerId=${a.userId}`);
    expect(alone.status).toBe(200);
    const text = fold(pdfText(alone.raw.rawPayload).join('\n'));
    expect(text).toContain('Progress report: Alex');
    expect(text).toContain('Individual report');
    expect(text).not.toContain('Blake');
    expect(text).not.toContain('Trust Discussion');
  });

  it('answers 404 to everyone not caring for the couple, and 400 to a bad range', async () => {
    const { a, b, program, url } = await reportScenario();
    const elsewhere = await newProgram(t, 'Elsewhere');
    const stranger = await newPerson(t, 'Stranger');
    for (const client of [a, b, elsewhere.clinician, stranger]) {
      expect((await client.get(url)).status).toBe(404);
    }
    // An admin who is not the couple's clinician: the couple does not exist for them.
    expect((await program.admin.get(url)).status).toBe(404);
    expect((await new TestClient(t.app).get(url)).status).toBe(401);
    expect((await program.clinician.get(`${url}&partnerId=${stranger.userId}`)).status).toBe(404);
    await t.database.db
      .updateTable('programStaff')
      .set({ active: false })
      .where('programId', '=', program.programId)
      .where('userId', '=', program.clinician.userId!)
      .execute();
    expect((await program.clinician.get(url)).status).toBe(404);

    const base = url.split('?')[0]!;
    const bad = await elsewhere.clinician.get(`${base}?from=2026-11-20&to=2026-11-01`);
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer)).toContain('/from');
    expect((await elsewhere.clinician.get(`${base}?from=2024-01-01&to=2026-11-01`)).body.errors[0].pointer).toBe('/to');
    expect((await elsewhere.clinician.get(`${base}?from=2026-11-01`)).status).toBe(400);
  });
});

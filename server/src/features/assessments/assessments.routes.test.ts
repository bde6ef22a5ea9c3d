import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { buildTestApp, enroll, newCouple, newPerson, newProgram, type TestApp, type TestClient } from '../../../test/test-app';
import { clock } from '../../platform/local-date';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});
const realNow = clock.now;
afterEach(() => {
  clock.now = realNow;
});

const phq9 = (item9: number) => ({ '1': 1, '2': 2, '3': 1, '4': 1, '5': 0, '6': 1, '7': 0, '8': 0, '9': item9 });
const gad7 = { '1': 3, '2': 2, '3': 2, '4': 1, '5': 1, '6': 1, '7': 1 };
const hark = (yes: boolean) => ({ H: 0, A: yes ? 1 : 0, R: 0, K: 0 });
// ECR-S raw answers (1-7). Items 1, 5, 8, 9 are reverse-scored (Wei 2007).
const ecrAnxious = { '1': 6, '2': 7, '3': 2, '4': 6, '5': 6, '6': 6, '7': 2, '8': 2, '9': 6, '10': 7, '11': 2, '12': 7 };
const ecrAvoidant = { '1': 2, '2': 2, '3': 6, '4': 2, '5': 2, '6': 2, '7': 6, '8': 6, '9': 2, '10': 2, '11': 6, '12': 2 };

function submit(person: TestClient, instrumentId: string, answers: Record<string, number>, extra: Record<string, unknown> = {}) {
  return person.post('/api/me/assessments', { instrumentId, submissionId: randomUUID(), answers, ...extra });
}

async function countResponses(person: TestClient): Promise<number> {
  const rows = await t.database.db.selectFrom('assessmentResponses').select('id').where('ownerId', '=', person.userId!).execute();
  return rows.length;
}

describe('questionnaires', () => {
  it('lists every instrument with its items, bands, source and licence', async () => {
    const person = await newPerson(t);
    const { status, body } = await person.get('/api/assessments/instruments');
    expect(status).toBe(200);
    expect(body.instruments.map((i: { id: string }) => i.id)).toEqual([
      'phq-9',
      'gad-7',
      'audit-c',
      'dast-10',
      'pc-ptsd-5',
      'ecr-s',
      'csi-4',
      'hark',
    ]);
    expect(body.ptsdCutoff).toBe(3);
    const phq = body.instruments[0];
    expect(phq.items.filter((item: { scored: boolean }) => item.scored)).toHaveLength(9);
    expect(phq.licence.status).toBe('free');
    expect(phq.bandSource).toMatch(/Kroenke/);
  });

  it('scores a PHQ-9 exactly and keeps my answers for me', async () => {
    const person = await newPerson(t);
    const saved = await submit(person, 'phq-9', phq9(0));
    expect(saved.status).toBe(201);
    expect(saved.body.assessment).toMatchObject({
      instrumentId: 'phq-9',
      total: 6,
      band: { id: 'mild' },
      positive: false,
      safetyFlow: null,
    });
    expect(saved.body.assessment.band.source).toMatch(/Kroenke/);
    expect(saved.body.safety).toBeNull();
    const mine = await person.get('/api/me/assessments?instrumentId=phq-9');
    expect(mine.body.assessments).toHaveLength(1);
    expect(mine.body.assessments[0].answers).toEqual(phq9(0));
  });

  it('refuses an answer out of range, a missing item, an unknown item or instrument, and saves nothing', async () => {
    const person = await newPerson(t);
    const outOfRange = await submit(person, 'gad-7', { ...gad7, '3': 4 });
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.errors).toContainEqual(expect.objectContaining({ pointer: '/answers/3' }));
    const { '7': _dropped, ...missingOne } = gad7;
    const missing = await submit(person, 'gad-7', missingOne);
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toContainEqual(expect.objectContaining({ pointer: '/answers/7' }));
    const unknownItem = await submit(person, 'gad-7', { ...gad7, '8': 1 });
    expect(unknownItem.body.errors).toContainEqual(expect.objectContaining({ pointer: '/answers/8' }));
    const unknownInstrument = await submit(person, 'bdi-ii', gad7);
    expect(unknownInstrument.status).toBe(400);
    expect(unknownInstrument.body.errors).toContainEqual(expect.objectContaining({ pointer: '/instrumentId' }));
    const wrongOption = await submit(person, 'phq-9', phq9(0), { auditCThreshold: 'female' });
    expect(wrongOption.body.errors).toContainEqual(expect.objectContaining({ pointer: '/auditCThreshold' }));
    expect(await countResponses(person)).toBe(0);
  });

  it('refuses a replayed submission and keeps the first', async () => {
    const person = await newPerson(t);
    const body = { instrumentId: 'gad-7', submissionId: randomUUID(), answers: gad7 };
    expect((await person.post('/api/me/assessments', body)).status).toBe(201);
    const replay = await person.post('/api/me/assessments', { ...body, answers: { ...gad7, '1': 0 } });
    expect(replay.status).toBe(409);
    expect(replay.headers['content-type']).toContain('application/problem+json');
    const mine = await person.get('/api/me/assessments');
    expect(mine.body.assessments).toHaveLength(1);
    expect(mine.body.assessments[0].total).toBe(11);
  });

  it('applies the AUDIT-C threshold the person chose, and the conservative one when not stated', async () => {
    const person = await newPerson(t);
    const answers = { '1': 2, '2': 1, '3': 0 };
    expect((await submit(person, 'audit-c', answers, { auditCThreshold: 'male' })).body.assessment.positive).toBe(false);
    const notStated = await submit(person, 'audit-c', answers);
    expect(notStated.body.assessment).toMatchObject({ total: 3, positive: true });
    expect(notStated.body.assessment.rule).toMatch(/3/);
  });
});

describe('the self-harm safety flow', () => {
  it('shows crisis lines at once, alerts the care team, and shows the partner nothing', async () => {
    const couple = await newCouple(t);
    const program = await newProgram(t);
    await enroll(couple, program);
    const saved = await submit(couple.a, 'phq-9', phq9(2));
    expect(saved.status).toBe(201);
    expect(saved.body.safety).toMatchObject({ flow: 'self-harm', higherRisk: true, careTeamAlerted: true });
    expect(saved.body.safety.resources[0].phone).toBe('988');

    const alerts = await program.clinician.get(`/api/programs/${program.programId}/alerts`);
    expect(alerts.body.alerts).toEqual([
      expect.objectContaining({ personId: couple.a.userId, kind: 'self-harm', higherRisk: true, acknowledgedAt: null }),
    ]);
    const audit = await t.database.db
      .selectFrom('auditEvents')
      .select(['kind', 'actorId'])
      .where('subjectId', '=', couple.a.userId!)
      .where('kind', '=', 'safety-alerts')
      .execute();
    expect(audit).toEqual([{ kind: 'safety-alerts', actorId: program.clinician.userId }]);
    // The person sees the clinician's look at the alert in "who looked at my data".
    const log = await couple.a.get('/api/me/access-log');
    expect(log.body.events).toEqual([expect.objectContaining({ kind: 'safety-alerts', purpose: 'treatment' })]);
    const ack = await program.clinician.post(`/api/programs/${program.programId}/alerts/${alerts.body.alerts[0].id}/acknowledge`);
    expect(ack.status).toBe(204);

    // The partner: no alert route, no result, and with sharing on only the score, never the answers or the flow.
    expect((await couple.b.get(`/api/programs/${program.programId}/alerts`)).status).toBe(404);
    expect((await couple.b.get(`/api/people/${couple.a.userId}/assessments/mood-anxiety`)).status).toBe(404);
    await couple.a.put('/api/me/sharing/assessments-mood-anxiety', { audience: 'partner' });
    const shared = await couple.b.get(`/api/people/${couple.a.userId}/assessments/mood-anxiety`);
    expect(shared.status).toBe(200);
    expect(shared.body.assessments).toHaveLength(1);
    expect(shared.body.assessments[0]).not.toHaveProperty('answers');
    expect(shared.body.assessments[0]).not.toHaveProperty('safetyFlow');
    expect(JSON.stringify(shared.body)).not.toMatch(/self-harm|critical/);
  });

  it('tells the person honestly when there is no care team to alert', async () => {
    const person = await newPerson(t);
    const saved = await submit(person, 'phq-9', phq9(1));
    expect(saved.body.safety).toMatchObject({ flow: 'self-harm', higherRisk: false, careTeamAlerted: false });
  });

  it('sends the alert only to the program the person is in now', async () => {
    const couple = await newCouple(t);
    const program = await newProgram(t);
    const other = await newProgram(t, 'Other');
    await enroll(couple, program);
    await submit(couple.a, 'phq-9', phq9(1));
    expect((await other.clinician.get(`/api/programs/${other.programId}/alerts`)).body.alerts).toEqual([]);
    await couple.a.delete(`/api/programs/${program.programId}/enrollment`);
    expect((await program.clinician.get(`/api/programs/${program.programId}/alerts`)).body.alerts).toEqual([]);
  });
});

describe('the private relationship-safety screen', () => {
  it('keeps joint features closed until both partners answered it and neither is positive', async () => {
    const couple = await newCouple(t);
    const joint = async (who: TestClient) => (await who.get('/api/couple/joint-features')).body.status;
    expect(await joint(couple.a)).toBe('not-available-yet');
    await submit(couple.a, 'hark', hark(false));
    expect(await joint(couple.a)).toBe('not-available-yet');
    expect(await joint(couple.b)).toBe('not-available-yet');
    await submit(couple.b, 'hark', hark(false));
    expect(await joint(couple.a)).toBe('open');
    expect(await joint(couple.b)).toBe('open');
  });

  it('announces only the opening of joint features to the couple’s open screens, never an answer or a closing', async () => {
    const couple = await newCouple(t);
    const announced = async () =>
      (
        await t.database.db
          .selectFrom('coupleEvents')
          .select(['type', 'data'])
          .where('coupleId', '=', couple.coupleId)
          .where('type', '=', 'couple.joint-features')
          .execute()
      ).map((event) => event.data);
    await submit(couple.a, 'hark', hark(true));
    await submit(couple.b, 'hark', hark(false));
    expect(await announced()).toEqual([]);
    await couple.a.post('/api/me/safety-screen/reopen');
    expect(await announced()).toEqual([{}]);
    await submit(couple.a, 'hark', hark(true));
    await submit(couple.a, 'hark', hark(false));
    expect(await announced()).toEqual([{}, {}]);
  });

  it('a positive screen closes joint features; the partner sees the same answer as when it is missing', async () => {
    const couple = await newCouple(t);
    const program = await newProgram(t);
    await enroll(couple, program);
    await submit(couple.b, 'hark', hark(false));
    const whenMissing = await couple.b.get('/api/couple/joint-features');
    const saved = await submit(couple.a, 'hark', hark(true));
    expect(saved.body.safety).toMatchObject({ flow: 'ipv', careTeamAlerted: true });
    expect(saved.body.safety.resources[0].kind).toBe('ipv');
    const whenPositive = await couple.b.get('/api/couple/joint-features');
    expect(whenPositive.body).toEqual(whenMissing.body);
    expect((await couple.a.get('/api/me/safety-screen')).body.status).toBe('positive');

    // Nothing of the screen reaches the partner, whatever the partner shares or the owner shares.
    for (const kind of ['assessments-mood-anxiety', 'assessments-substance-use', 'assessments-attachment', 'assessments-relationship']) {
      await couple.a.put(`/api/me/sharing/${kind}`, { audience: 'both' });
    }
    for (const family of ['mood-anxiety', 'substance-use', 'attachment', 'relationship']) {
      const seen = await couple.b.get(`/api/people/${couple.a.userId}/assessments/${family}`);
      expect(seen.body.assessments).toEqual([]);
    }
    expect((await couple.b.get(`/api/people/${couple.a.userId}/assessments/safety`)).status).toBe(400);
    const alerts = await program.clinician.get(`/api/programs/${program.programId}/alerts`);
    expect(alerts.body.alerts).toEqual([expect.objectContaining({ personId: couple.a.userId, kind: 'safety-screen' })]);
  });

  it('opens again when the person reopens, closes on a new positive screen, and a clinician can reopen', async () => {
    const couple = await newCouple(t);
    const program = await newProgram(t);
    await enroll(couple, program);
    await submit(couple.b, 'hark', hark(false));
    await submit(couple.a, 'hark', hark(true));
    const reopened = await couple.a.post('/api/me/safety-screen/reopen');
    expect(reopened.body.status).toBe('reopened');
    expect((await couple.b.get('/api/couple/joint-features')).body.status).toBe('open');
    expect((await couple.a.post('/api/me/safety-screen/reopen')).status).toBe(409);

    await submit(couple.a, 'hark', hark(true));
    expect((await couple.b.get('/api/couple/joint-features')).body.status).toBe('not-available-yet');
    // The partner cannot reopen it for them.
    expect((await couple.b.post(`/api/programs/${program.programId}/people/${couple.a.userId}/safety-screen/reopen`)).status).toBe(404);
    const byClinician = await program.clinician.post(`/api/programs/${program.programId}/people/${couple.a.userId}/safety-screen/reopen`);
    expect(byClinician.status).toBe(204);
    expect((await couple.a.get('/api/me/safety-screen')).body.status).toBe('reopened');
    expect((await couple.a.get('/api/couple/joint-features')).body.status).toBe('open');
  });

  it('closes joint features again when a partner leaves and someone new joins without a screen', async () => {
    const couple = await newCouple(t);
    await submit(couple.a, 'hark', hark(false));
    await submit(couple.b, 'hark', hark(false));
    expect((await couple.a.get('/api/couple/joint-features')).body.status).toBe('open');
    await couple.b.post('/api/couple/leave');
    expect((await couple.a.get('/api/couple/joint-features')).body.status).toBe('not-available-yet');
  });
});

describe('schedules', () => {
  function setChicagoDate(date: string): void {
    const instant = Temporal.PlainDateTime.from(`${date}T12:00`).toZonedDateTime('America/Chicago').toInstant();
    clock.now = () => instant;
  }

  it('is due when never done, then again after the chosen number of days', async () => {
    const person = await newPerson(t);
    setChicagoDate('2026-03-02');
    const set = await person.put('/api/me/assessment-schedules/phq-9', { everyDays: 14 });
    expect(set.body.schedules).toEqual([
      { instrumentId: 'phq-9', everyDays: 14, setBy: 'self', lastDate: null, dueDate: '2026-03-02', isDue: true },
    ]);
    await submit(person, 'phq-9', phq9(0));
    setChicagoDate('2026-03-15');
    expect((await person.get('/api/me/assessment-schedules')).body.schedules[0]).toMatchObject({ dueDate: '2026-03-16', isDue: false });
    setChicagoDate('2026-03-16');
    expect((await person.get('/api/me/assessment-schedules')).body.schedules[0]).toMatchObject({ isDue: true });
    expect((await person.delete('/api/me/assessment-schedules/phq-9')).status).toBe(204);
    expect((await person.get('/api/me/assessment-schedules')).body.schedules).toEqual([]);
    expect((await person.delete('/api/me/assessment-schedules/phq-9')).status).toBe(404);
  });

  it('a clinician of the person’s program sets a schedule, recorded in the person’s audit trail; nobody else can', async () => {
    const couple = await newCouple(t);
    const program = await newProgram(t);
    const other = await newProgram(t, 'Other');
    await enroll(couple, program);
    const url = `/api/programs/${program.programId}/people/${couple.a.userId}/assessment-schedules/csi-4`;
    expect((await couple.b.put(url, { everyDays: 30 })).status).toBe(404);
    expect((await other.clinician.put(url, { everyDays: 30 })).status).toBe(404);
    expect((await program.admin.put(url, { everyDays: 30 })).status).toBe(403);
    expect((await program.clinician.put(url, { everyDays: 30 })).status).toBe(204);
    const schedules = (await couple.a.get('/api/me/assessment-schedules')).body.schedules;
    expect(schedules).toEqual([expect.objectContaining({ instrumentId: 'csi-4', everyDays: 30, setBy: 'clinician' })]);
    const audit = await t.database.db
      .selectFrom('auditEvents')
      .select(['actorId', 'action', 'kind'])
      .where('subjectId', '=', couple.a.userId!)
      .execute();
    expect(audit).toEqual([{ actorId: program.clinician.userId, action: 'write', kind: 'assessment-schedules' }]);
  });
});

describe('attachment (ECR-S)', () => {
  it('explains how two patterns meet only when both partners share with each other', async () => {
    const couple = await newCouple(t);
    await submit(couple.a, 'ecr-s', ecrAnxious);
    await submit(couple.b, 'ecr-s', ecrAvoidant);
    const mine = (await couple.a.get('/api/couple/attachment')).body;
    expect(mine.mine.anxiety).toBeGreaterThan(5);
    expect(mine.partner).toBeNull();
    expect(mine.pattern).toBeNull();

    await couple.a.put('/api/me/sharing/assessments-attachment', { audience: 'partner' });
    const bView = (await couple.b.get('/api/couple/attachment')).body;
    expect(bView.partner).toMatchObject({ anxiety: mine.mine.anxiety });
    expect(bView.pattern).toBeNull();
    expect((await couple.a.get('/api/couple/attachment')).body.pattern).toBeNull();

    await couple.b.put('/api/me/sharing/assessments-attachment', { audience: 'partner' });
    const both = (await couple.a.get('/api/couple/attachment')).body;
    expect(both.pattern).toBe('pursue-withdraw');
    expect((await couple.b.get('/api/couple/attachment')).body.pattern).toBe('pursue-withdraw');

    await couple.b.put('/api/me/sharing/assessments-attachment', { audience: 'private' });
    expect((await couple.a.get('/api/couple/attachment')).body).toMatchObject({ partner: null, pattern: null });
  });
});

describe('FHIR export', () => {
  it('downloads my results as a FHIR R4 Bundle of QuestionnaireResponses and Observations', async () => {
    const person = await newPerson(t);
    await submit(person, 'phq-9', phq9(0));
    await submit(person, 'ecr-s', ecrAnxious);
    const exported = await person.get('/api/me/assessments/fhir');
    expect(exported.status).toBe(200);
    expect(exported.headers['content-type']).toContain('application/fhir+json');
    expect(exported.headers['content-disposition']).toContain('attachment');
    const types = exported.body.entry.map((entry: { resource: { resourceType: string } }) => entry.resource.resourceType);
    expect(types.filter((type: string) => type === 'QuestionnaireResponse')).toHaveLength(2);
    const total = exported.body.entry.find(
      (entry: { resource: { code?: { coding?: Array<{ code: string }> } } }) => entry.resource.code?.coding?.[0]?.code === '44261-6',
    );
    expect(total.resource.valueInteger).toBe(6);
  });
});

describe('a deployment without a licence', () => {
  it('does without a switched-off questionnaire', async () => {
    const limited = await buildTestApp({ INSTRUMENTS_OFF: 'dast-10,ecr-s' });
    try {
      const person = await newPerson(limited);
      const list = await person.get('/api/assessments/instruments');
      expect(list.body.instruments.map((i: { id: string }) => i.id)).not.toContain('dast-10');
      expect(list.body.instruments.map((i: { id: string }) => i.id)).not.toContain('ecr-s');
      const refused = await submit(person, 'dast-10', { '1': 0 });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toContainEqual(expect.objectContaining({ pointer: '/instrumentId' }));
      expect((await person.put('/api/me/assessment-schedules/ecr-s', { everyDays: 30 })).status).toBe(400);
    } finally {
      await limited.close();
    }
  });
});

import { sql } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, enroll, newCouple, newPerson, newProgram, type TestApp, type TestClient } from '../../../test/test-app';
import { newOpenCouple } from '../../../test/together-helpers';
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

/** Pretend it is this wall-clock time in Chicago (the test people's time zone). */
function setChicagoTime(isoLocal: string): void {
  const instant = Temporal.PlainDateTime.from(isoLocal).toZonedDateTime('America/Chicago').toInstant();
  clock.now = () => instant;
}

const secret = 'lapse-secret: the bottle in the garage';
const report = {
  date: '2026-06-10',
  time: '21:30',
  substances: ['alcohol'],
  whatHappened: secret,
  warningSigns: ['Skipping my group'],
  whatIDidAfter: 'Called my sponsor',
};

async function inRecoverySince(person: TestClient, date: string) {
  const answer = await person.put('/api/me/intake', {
    inRecovery: true,
    substances: ['alcohol'],
    otherSubstance: '',
    recoveryStartDate: date,
    supportNote: '',
  });
  expect(answer.status).toBe(200);
}

async function auditRows(subjectId: string): Promise<Array<{ actorId: string; kind: string; relation: string }>> {
  const { rows } = await sql<{ actorId: string; kind: string; relation: string }>`
    select actor_id, kind, relation from audit_events where subject_id = ${subjectId}::uuid and kind = 'lapses' order by id`.execute(
    t.database.db,
  );
  return rows;
}

describe('lapse report: written by its owner, private by default', () => {
  it('saves a report with triggers from my own list, encrypted at rest, and lists it', async () => {
    setChicagoTime('2026-06-11T09:00');
    const person = await newPerson(t);
    const triggers = await person.get('/api/me/triggers');
    const triggerId = triggers.body.triggers[0].id as string;
    const saved = await person.post('/api/me/lapses', { ...report, triggerIds: [triggerId] });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({
      date: '2026-06-10',
      time: '21:30',
      timeZone: 'America/Chicago',
      substances: ['alcohol'],
      whatHappened: secret,
      triggers: [{ id: triggerId, label: triggers.body.triggers[0].label }],
      told: { partner: false, careTeam: false },
      reflection: null,
      reflectionDue: false,
      can: { edit: true },
    });
    const stored = await t.database.db.selectFrom('lapseReports').selectAll().where('id', '=', saved.body.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain('bottle');
    expect((await person.get('/api/me/lapses')).body.lapses.map((l: { id: string }) => l.id)).toEqual([saved.body.id]);
    expect((await person.get(`/api/me/lapses/${saved.body.id}`)).body.whatHappened).toBe(secret);
  });

  it('refuses a day or time still to come, someone else’s trigger, and an empty substance list', async () => {
    setChicagoTime('2026-06-11T09:00');
    const person = await newPerson(t);
    const other = await newPerson(t);
    const othersTrigger = (await other.get('/api/me/triggers')).body.triggers[0].id;
    const pointer = async (body: object) => (await person.post('/api/me/lapses', { ...report, ...body })).body.errors?.[0]?.pointer;
    expect(await pointer({ date: '2026-06-12' })).toBe('/date');
    expect(await pointer({ date: '2026-06-11', time: '10:00' })).toBe('/time');
    expect(await pointer({ date: '2025-06-10' })).toBe('/date');
    expect(await pointer({ triggerIds: [othersTrigger] })).toBe('/triggerIds');
    expect(await pointer({ substances: [] })).toBe('/substances');
    expect((await person.post('/api/me/lapses', { ...report, date: '2026-06-11', time: '08:59' })).status).toBe(201);
  });

  it('nobody writes, tells, reflects on or deletes a report for someone else: 404 like a missing one', async () => {
    setChicagoTime('2026-06-11T09:00');
    const { a, b } = await newCouple(t);
    const mine = await a.post('/api/me/lapses', report);
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const id of [mine.body.id, missing]) {
      const answers = [
        await b.get(`/api/me/lapses/${id}`),
        await b.put(`/api/me/lapses/${id}/telling`, { partner: true, careTeam: true }),
        await b.put(`/api/me/lapses/${id}/reflection`, { learned: 'x', change: '' }),
        await b.delete(`/api/me/lapses/${id}`),
      ];
      expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 404]);
      expect(answers.map((answer) => answer.body.title)).toEqual(Array(4).fill(answers[0]!.body.title));
    }
    // A body cannot name another owner: the schema is strict.
    expect((await b.post('/api/me/lapses', { ...report, ownerId: a.userId })).status).toBe(400);
    expect((await a.get('/api/me/lapses')).body.lapses).toHaveLength(1);
  });
});

describe('lapse report: the partner as adversary', () => {
  it('the partner cannot tell an untold report from a missing one, sees it at once when told and loses it at once when untold', async () => {
    setChicagoTime('2026-06-11T09:00');
    const { a, b } = await newOpenCouple(t);
    const saved = await a.post('/api/me/lapses', report);
    const id = saved.body.id as string;
    const untold = await b.get(`/api/people/${a.userId}/lapses/${id}`);
    const missing = await b.get(`/api/people/${a.userId}/lapses/00000000-0000-4000-8000-000000000000`);
    expect(untold.status).toBe(404);
    expect({ ...untold.body, instance: null }).toEqual({ ...missing.body, instance: null });
    expect((await b.get(`/api/people/${a.userId}/lapses`)).body).toEqual({ lapses: [] });
    // Nothing was disclosed: nothing is audited (the owner's access log shows no reads of nothing).
    expect(await auditRows(a.userId!)).toEqual([]);
    expect(JSON.stringify((await b.get(`/api/people/${a.userId}/recovery-summary`)).body)).not.toContain('2026-06-10');

    // Told: at once, with the words; but never whom else it was told to, nor the reflection.
    await a.put(`/api/me/lapses/${id}/telling`, { partner: true, careTeam: false });
    const told = await b.get(`/api/people/${a.userId}/lapses/${id}`);
    expect(told.status).toBe(200);
    expect(told.body).toMatchObject({ whatHappened: secret, told: null, reflection: null, reflectionDue: false, can: { edit: false } });
    expect((await b.get(`/api/people/${a.userId}/lapses`)).body.lapses).toHaveLength(1);
    expect(await auditRows(a.userId!)).toEqual([
      { actorId: b.userId, kind: 'lapses', relation: 'partner' },
      { actorId: b.userId, kind: 'lapses', relation: 'partner' },
    ]);
    const events = await t.database.db.selectFrom('coupleEvents').select(['type', 'data']).where('type', 'like', 'lapse.%').execute();
    expect(events.map((event) => event.type)).toContain('lapse.told');
    expect(JSON.stringify(events)).not.toContain('bottle');

    // Untold: at once, 404 again.
    await a.put(`/api/me/lapses/${id}/telling`, { partner: false, careTeam: false });
    const again = await b.get(`/api/people/${a.userId}/lapses/${id}`);
    expect({ ...again.body, instance: null }).toEqual({ ...missing.body, instance: null });
    expect((await b.get(`/api/people/${a.userId}/lapses`)).body).toEqual({ lapses: [] });
  });

  it('a report told to one partner is never seen by a later partner', async () => {
    setChicagoTime('2026-06-11T09:00');
    const { a, b } = await newCouple(t);
    const saved = await a.post('/api/me/lapses', { ...report, tellPartner: true });
    expect((await b.get(`/api/people/${a.userId}/lapses/${saved.body.id}`)).status).toBe(200);
    await b.post('/api/couple/leave');
    expect((await b.get(`/api/people/${a.userId}/lapses/${saved.body.id}`)).status).toBe(404);
    const invite = await a.post('/api/couple/invites');
    const next = await newPerson(t, 'Jordan');
    expect((await next.post(`/api/invites/${invite.body.token}/accept`)).status).toBe(200);
    expect((await next.get(`/api/people/${a.userId}/lapses/${saved.body.id}`)).status).toBe(404);
    expect((await next.get(`/api/people/${a.userId}/lapses`)).body).toEqual({ lapses: [] });
    // Telling a person with no partner is refused plainly.
    const alone = await newPerson(t);
    expect((await alone.post('/api/me/lapses', { ...report, tellPartner: true })).body.code).toBe('not-in-couple');
  });

  it('a stranger and a clinician of another program get 404; the clinician of the program sees only reports told to the care team, audited', async () => {
    setChicagoTime('2026-06-11T09:00');
    const couple = await newCouple(t);
    const program = await newProgram(t);
    const elsewhere = await newProgram(t, 'Elsewhere');
    await enroll(couple, program);
    const stranger = await newPerson(t);
    const toPartner = await couple.a.post('/api/me/lapses', { ...report, tellPartner: true });
    const toCare = await couple.a.post('/api/me/lapses', { ...report, date: '2026-06-09', tellCareTeam: true });
    for (const viewer of [stranger, elsewhere.clinician]) {
      expect((await viewer.get(`/api/people/${couple.a.userId}/lapses`)).status).toBe(404);
      expect((await viewer.get(`/api/people/${couple.a.userId}/lapses/${toCare.body.id}`)).status).toBe(404);
    }
    const seen = await program.clinician.get(`/api/people/${couple.a.userId}/lapses`);
    expect(seen.body.lapses.map((l: { id: string }) => l.id)).toEqual([toCare.body.id]);
    expect((await program.clinician.get(`/api/people/${couple.a.userId}/lapses/${toPartner.body.id}`)).status).toBe(404);
    expect((await couple.b.get(`/api/people/${couple.a.userId}/lapses`)).body.lapses.map((l: { id: string }) => l.id)).toEqual([
      toPartner.body.id,
    ]);
    expect(await auditRows(couple.a.userId!)).toEqual([
      { actorId: program.clinician.userId, kind: 'lapses', relation: 'clinician' },
      { actorId: couple.b.userId, kind: 'lapses', relation: 'partner' },
    ]);
  });
});

describe('lapse report: counters and calendar update honestly', () => {
  it('a lapse day counts as a use day for me; for my partner only once I told them', async () => {
    setChicagoTime('2026-03-01T12:00');
    const { a, b } = await newCouple(t);
    await inRecoverySince(a, '2026-01-01');
    await a.put('/api/me/sharing/milestones', { audience: 'partner' });
    const before = (await a.get('/api/me/recovery-summary')).body;
    expect(before).toMatchObject({ daysSinceLastUse: 60, totalSoberDays: 60, lapseDates: [] });
    const saved = await a.post('/api/me/lapses', { ...report, date: '2026-02-20', time: '20:00' });
    const after = (await a.get('/api/me/recovery-summary')).body;
    expect(after).toMatchObject({ daysSinceLastUse: 9, totalSoberDays: 59, lastUseDate: '2026-02-20', lapseDates: ['2026-02-20'] });
    // Milestones already reached stay.
    expect(after.milestones.some((m: { counter: string; days: number }) => m.counter === 'total' && m.days === 30)).toBe(true);
    // The partner's view of the counters does not give away an untold report.
    expect((await b.get(`/api/people/${a.userId}/recovery-summary`)).body).toMatchObject({ daysSinceLastUse: 60, lapseDates: [] });
    await a.put(`/api/me/lapses/${saved.body.id}/telling`, { partner: true, careTeam: false });
    expect((await b.get(`/api/people/${a.userId}/recovery-summary`)).body).toMatchObject({
      daysSinceLastUse: 9,
      totalSoberDays: 59,
      lapseDates: ['2026-02-20'],
    });
    // Deleting the report (the owner's own data) gives the day back.
    await a.delete(`/api/me/lapses/${saved.body.id}`);
    expect((await a.get('/api/me/recovery-summary')).body).toMatchObject({ daysSinceLastUse: 60, totalSoberDays: 60 });
  });
});

describe('lapse report: the next-day reflection', () => {
  it('is offered from 24 hours after the report until written, and stays mine alone', async () => {
    setChicagoTime('2026-06-11T09:00');
    const { a, b } = await newCouple(t);
    const saved = await a.post('/api/me/lapses', { ...report, tellPartner: true });
    setChicagoTime('2026-06-12T08:59');
    expect((await a.get(`/api/me/lapses/${saved.body.id}`)).body.reflectionDue).toBe(false);
    setChicagoTime('2026-06-12T09:00');
    expect((await a.get(`/api/me/lapses/${saved.body.id}`)).body.reflectionDue).toBe(true);
    expect((await a.put(`/api/me/lapses/${saved.body.id}/reflection`, { learned: '', change: '' })).status).toBe(400);
    const reflected = await a.put(`/api/me/lapses/${saved.body.id}/reflection`, {
      learned: 'Evenings alone are hard',
      change: 'Call someone at 8 pm',
    });
    expect(reflected.body).toMatchObject({
      reflectionDue: false,
      reflection: { learned: 'Evenings alone are hard', change: 'Call someone at 8 pm' },
    });
    const partnerView = await b.get(`/api/people/${a.userId}/lapses/${saved.body.id}`);
    expect(partnerView.body.reflection).toBeNull();
    expect(JSON.stringify(partnerView.body)).not.toContain('Evenings alone');
  });

  it('is no longer offered after 14 days', async () => {
    setChicagoTime('2026-06-11T09:00');
    const person = await newPerson(t);
    const saved = await person.post('/api/me/lapses', report);
    setChicagoTime('2026-06-25T09:01');
    expect((await person.get(`/api/me/lapses/${saved.body.id}`)).body.reflectionDue).toBe(false);
  });
});

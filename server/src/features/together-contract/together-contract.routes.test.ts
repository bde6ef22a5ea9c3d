import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import { buildTestApp, newCouple, newPerson, type TestApp } from '../../../test/test-app';
import { alexPart, answerSafetyScreen, contractTerms, harkPositive, newOpenCouple, signContract } from '../../../test/together-helpers';
import { clock, todayIn } from '../../platform/local-date';

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

const today = () => todayIn('America/Chicago');
const range = (from: string, to: string) => `/api/couple/trust-discussions?from=${from}&to=${to}`;
/** Moves the server's clock `days` ahead of now. */
const daysAhead = (days: number) => {
  const then = Temporal.Now.instant().add({ hours: 24 * days });
  clock.now = () => then;
};
const plusDays = (date: string, days: number) => Temporal.PlainDate.from(date).add({ days }).toString();

describe('the joint-features gate', () => {
  it('refuses every contract route with joint-features-closed until both safety screens are answered', async () => {
    const { a, b } = await newCouple(t);
    const closed = await a.get('/api/couple/contract');
    expect(closed.status).toBe(409);
    expect(closed.body.code).toBe('joint-features-closed');
    expect(closed.headers['content-type']).toContain('application/problem+json');
    await answerSafetyScreen(a);
    expect((await b.put('/api/couple/contract', contractTerms)).body.code).toBe('joint-features-closed');
    // A positive screen keeps them closed, and the other partner learns nothing about whose or why.
    await answerSafetyScreen(b, harkPositive);
    const stillClosed = await a.get('/api/couple/contract/versions');
    expect(stillClosed.body.code).toBe('joint-features-closed');
    expect(JSON.stringify(stillClosed.body)).not.toMatch(/positive|screen/i);
    expect((await a.put(`/api/couple/trust-discussions/${today()}/mine`, { stated: true, thanked: false })).status).toBe(409);
    await answerSafetyScreen(b);
    expect((await a.get('/api/couple/contract')).status).toBe(200);
    const rows = await t.database.db.selectFrom('contractVersions').select('id').execute();
    expect(rows.filter(() => false)).toEqual([]);
  });

  it('answers not-in-couple to a person with no couple, and closed to a person alone in a space', async () => {
    const lone = await newPerson(t);
    expect((await lone.get('/api/couple/contract')).body.code).toBe('not-in-couple');
    await lone.post('/api/couple');
    expect((await lone.get('/api/couple/contract')).body.code).toBe('joint-features-closed');
  });
});

describe('the Recovery Contract', () => {
  it('is written together: terms by either partner, each part only by its partner in recovery, versions kept', async () => {
    const { a, b } = await newOpenCouple(t);
    const empty = await b.get('/api/couple/contract');
    expect(empty.body).toMatchObject({ active: null, latest: null, can: { writeMyPart: false } });
    expect(empty.body.partners).toEqual([
      { partnerId: b.userId, inRecovery: false, hasPart: false },
      { partnerId: a.userId, inRecovery: true, hasPart: false },
    ]);

    const first = await a.put('/api/couple/contract', { ...contractTerms, baseVersionId: null, myPart: alexPart });
    expect(first.status).toBe(200);
    expect(first.body.latest).toMatchObject({
      version: 1,
      discussionTime: '20:30',
      createdBy: a.userId,
      signatures: [],
      signedByBothAt: null,
    });
    expect(first.body.latest.parts).toEqual([{ partnerId: a.userId, ...alexPart }]);

    // The supporting partner has no intention to write, and can never write Alex's.
    const notMine = await b.put('/api/couple/contract', { ...contractTerms, myPart: { intention: 'Alex will not drink.' } });
    expect(notMine.status).toBe(400);
    expect(notMine.body.errors).toEqual([expect.objectContaining({ pointer: '/myPart' })]);

    // Blake changes the shared terms; Alex's words are carried over as Alex wrote them.
    const second = await b.put('/api/couple/contract', {
      ...contractTerms,
      discussionTime: '08:00',
      otherItems: ['No alcohol in the house.'],
      baseVersionId: first.body.latest.id,
    });
    expect(second.body.latest).toMatchObject({
      version: 2,
      discussionTime: '08:00',
      createdBy: b.userId,
      otherItems: ['No alcohol in the house.'],
    });
    expect(second.body.latest.parts).toEqual([{ partnerId: a.userId, ...alexPart }]);

    // An edit made on an outdated version is refused rather than overwriting Blake's change.
    const stale = await a.put('/api/couple/contract', { ...contractTerms, baseVersionId: first.body.latest.id });
    expect(stale.status).toBe(409);
    expect(stale.body.code).toBe('conflict');

    // Saving the latest again creates nothing.
    const same = await b.put('/api/couple/contract', {
      ...contractTerms,
      discussionTime: '08:00',
      otherItems: ['No alcohol in the house.'],
    });
    expect(same.body.latest.version).toBe(2);

    const history = await a.get('/api/couple/contract/versions');
    expect(history.body.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it('needs both signatures, each partner signing only for themselves; any change needs both again', async () => {
    const { a, b } = await newOpenCouple(t);
    const v1 = (await a.put('/api/couple/contract', { ...contractTerms, myPart: alexPart })).body.latest.id;
    const signedByA = await a.post(`/api/couple/contract/versions/${v1}/sign`);
    expect(signedByA.status).toBe(200);
    expect(signedByA.body.signatures).toEqual([{ partnerId: a.userId, signedAt: expect.any(String) }]);
    expect(signedByA.body.signedByBothAt).toBeNull();
    expect(signedByA.body.can.sign).toBe(false);
    expect((await a.post(`/api/couple/contract/versions/${v1}/sign`)).body.signatures).toHaveLength(1);
    expect((await a.get('/api/couple/contract')).body.active).toBeNull();

    const signedByB = await b.post(`/api/couple/contract/versions/${v1}/sign`);
    expect(signedByB.body.signedByBothAt).not.toBeNull();
    const inForce = await b.get('/api/couple/contract');
    expect(inForce.body.active.id).toBe(v1);

    // A change: a new version waiting for signatures while v1 stays in force.
    const changed = await b.put('/api/couple/contract', { ...contractTerms, otherItems: ['Sunday walks.'] });
    const v2 = changed.body.latest.id;
    expect(changed.body.active.id).toBe(v1);
    expect(changed.body.latest.signatures).toEqual([]);
    expect((await a.post(`/api/couple/contract/versions/${v1}/sign`)).status).toBe(409);
    await a.post(`/api/couple/contract/versions/${v2}/sign`);
    expect((await a.get('/api/couple/contract')).body.active.id).toBe(v1);
    await b.post(`/api/couple/contract/versions/${v2}/sign`);
    expect((await a.get('/api/couple/contract')).body.active.id).toBe(v2);

    // A version of another couple is not found, exactly like one that does not exist, and the
    // answer does not depend on whether that person's own joint features are open yet.
    const other = await newOpenCouple(t);
    expect((await other.a.post(`/api/couple/contract/versions/${v2}/sign`)).status).toBe(404);
    const closedCouple = await newCouple(t);
    const foreign = await closedCouple.a.post(`/api/couple/contract/versions/${v2}/sign`);
    const absent = await closedCouple.a.post(`/api/couple/contract/versions/${crypto.randomUUID()}/sign`);
    expect([foreign.status, absent.status]).toEqual([404, 404]);
    expect(foreign.body.detail).toBe(absent.body.detail);
  });

  it('cannot be signed before each partner in recovery wrote their own intention', async () => {
    const { a, b } = await newOpenCouple(t, { dual: true });
    const v1 = (await a.put('/api/couple/contract', { ...contractTerms, myPart: alexPart })).body.latest.id;
    const refused = await a.post(`/api/couple/contract/versions/${v1}/sign`);
    expect(refused.status).toBe(409);
    const v2 = (await b.put('/api/couple/contract', { ...contractTerms, myPart: { intention: 'I choose a clear head today.' } })).body
      .latest;
    expect(v2.parts.map((p: { partnerId: string }) => p.partnerId)).toEqual([b.userId, a.userId]);
    expect((await a.post(`/api/couple/contract/versions/${v2.id}/sign`)).status).toBe(200);
  });

  it('gives one consistent result when both sign at the same moment', async () => {
    for (let round = 0; round < 3; round += 1) {
      const { a, b } = await newOpenCouple(t);
      const id = (await a.put('/api/couple/contract', { ...contractTerms, myPart: alexPart })).body.latest.id;
      const answers = await Promise.all([
        a.post(`/api/couple/contract/versions/${id}/sign`),
        b.post(`/api/couple/contract/versions/${id}/sign`),
        a.post(`/api/couple/contract/versions/${id}/sign`),
      ]);
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
      const signatures = await t.database.db.selectFrom('contractSignatures').selectAll().where('contractVersionId', '=', id).execute();
      expect(signatures).toHaveLength(2);
      const version = await t.database.db.selectFrom('contractVersions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(version.signedByBothAt).not.toBeNull();
      expect((await a.get('/api/couple/contract')).body.active.id).toBe(id);
    }
  });

  it('two edits from the same version at the same moment: one is saved, the other is told it changed', async () => {
    const { a, b } = await newOpenCouple(t);
    const base = (await a.put('/api/couple/contract', { ...contractTerms, myPart: alexPart })).body.latest.id;
    const answers = await Promise.all([
      a.put('/api/couple/contract', { ...contractTerms, baseVersionId: base, discussionTime: '07:00' }),
      b.put('/api/couple/contract', { ...contractTerms, baseVersionId: base, discussionTime: '21:00' }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const versions = (await a.get('/api/couple/contract/versions')).body.versions;
    expect(versions).toHaveLength(2);
  });

  it('keeps every word encrypted at rest', async () => {
    const couple = await newOpenCouple(t);
    await signContract(couple);
    const { rows } = await sql<{ data: string }>`
      select (select json_agg(v)::text from contract_versions v) || (select json_agg(p)::text from contract_parts p) as data`.execute(
      t.database.db,
    );
    expect(rows[0]!.data).not.toContain('one day at a time');
    expect(rows[0]!.data).not.toContain('naltrexone');
    expect(rows[0]!.data).not.toContain('Thursday group');
  });

  it('refuses bad input with the field at fault and saves nothing', async () => {
    const { a } = await newOpenCouple(t);
    const answer = await a.put('/api/couple/contract', { ...contractTerms, discussionTime: '25:00', myPart: { intention: '' } });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual(['/discussionTime', '/myPart/intention']);
    expect((await a.get('/api/couple/contract')).body.latest).toBeNull();
  });
});

describe('the daily Trust Discussion', () => {
  it('waits for a contract signed by both', async () => {
    const { a } = await newOpenCouple(t);
    const answer = await a.put(`/api/couple/trust-discussions/${today()}/mine`, { stated: true, thanked: false });
    expect(answer.status).toBe(409);
    const calendar = await a.get(range(today(), today()));
    expect(calendar.body).toMatchObject({ contractVersionId: null, start: null, days: [], streak: { current: 0, best: 0 } });
  });

  it('each partner records only their own part; the day is done when both did', async () => {
    const couple = await newOpenCouple(t);
    const { a, b } = couple;
    await signContract(couple);
    const day = today();
    const calendar = await b.get(range(day, day));
    expect(calendar.body.start).toBe(day);
    expect(calendar.body.discussionTime).toBe('20:30');
    // The app shows Alex's own words to both.
    expect(calendar.body.roles).toEqual([
      { partnerId: b.userId, states: false, thanks: true, intention: null, today: day },
      { partnerId: a.userId, states: true, thanks: false, intention: alexPart.intention, today: day },
    ]);
    expect(calendar.body.days).toEqual([{ date: day, status: 'pending', parts: expect.any(Array) }]);

    // Blake cannot state Alex's intention: there is no route to Alex's part, and "stated" is not Blake's.
    const notBlakes = await b.put(`/api/couple/trust-discussions/${day}/mine`, { stated: true, thanked: false });
    expect(notBlakes.status).toBe(400);
    expect(notBlakes.body.errors[0].pointer).toBe('/stated');
    expect((await a.put(`/api/couple/trust-discussions/${day}/mine`, { stated: false, thanked: true })).body.errors[0].pointer).toBe(
      '/thanked',
    );

    const thanked = await b.put(`/api/couple/trust-discussions/${day}/mine`, { stated: false, thanked: true });
    expect(thanked.body).toEqual({ date: day, stated: false, thanked: true, status: 'pending' });
    const stated = await a.put(`/api/couple/trust-discussions/${day}/mine`, { stated: true, thanked: false });
    expect(stated.body.status).toBe('done');
    const rows = await t.database.db.selectFrom('trustDiscussionParts').selectAll().where('coupleId', '=', couple.coupleId).execute();
    expect(rows.map((row) => [row.partnerId, row.stated, row.thanked]).sort()).toEqual(
      [
        [a.userId, true, false],
        [b.userId, false, true],
      ].sort(),
    );
    const done = await a.get(range(day, day));
    expect(done.body.days[0].status).toBe('done');
    expect(done.body.streak).toEqual({ current: 1, best: 1 });
  });

  it('refuses days before the contract, days to come, and days more than a week back', async () => {
    const couple = await newOpenCouple(t);
    await signContract(couple);
    const day = today();
    expect(
      (await couple.a.put(`/api/couple/trust-discussions/${plusDays(day, -1)}/mine`, { stated: true, thanked: false })).body.errors[0],
    ).toMatchObject({
      pointer: '/date',
    });
    expect((await couple.a.put(`/api/couple/trust-discussions/${plusDays(day, 1)}/mine`, { stated: true, thanked: false })).status).toBe(
      400,
    );
    daysAhead(9);
    expect((await couple.a.put(`/api/couple/trust-discussions/${day}/mine`, { stated: true, thanked: false })).status).toBe(400);
    expect((await couple.a.put(`/api/couple/trust-discussions/${plusDays(day, 2)}/mine`, { stated: true, thanked: false })).status).toBe(
      200,
    );
  });

  it('keeps days, partly done and missed days and streaks across the days, in each partner’s own time zone', async () => {
    const couple = await newOpenCouple(t);
    const { a, b } = couple;
    await signContract(couple);
    const start = today();
    const both = async (date: string) => {
      await a.put(`/api/couple/trust-discussions/${date}/mine`, { stated: true, thanked: false });
      await b.put(`/api/couple/trust-discussions/${date}/mine`, { stated: false, thanked: true });
    };
    daysAhead(5);
    await both(start);
    await both(plusDays(start, 1));
    await a.put(`/api/couple/trust-discussions/${plusDays(start, 2)}/mine`, { stated: true, thanked: false });
    // plusDays(start, 3) missed
    await both(plusDays(start, 4));
    const calendar = (await b.get(range(plusDays(start, -3), plusDays(start, 10)))).body;
    const end = todayIn('America/Chicago', clock.now());
    const statuses = calendar.days.map((d: { status: string }) => d.status);
    expect(calendar.days[0].date).toBe(start);
    expect(calendar.days.at(-1).date).toBe(end);
    expect(statuses.slice(0, 5)).toEqual(['done', 'done', 'partly', 'missed', 'done']);
    expect(statuses.at(-1)).toBe('pending');
    expect(calendar.streak).toEqual({ current: 1, best: 2 });

    // Blake moves to Berlin: Blake's own day runs ahead of Alex's.
    await b.patch('/api/me', { timeZone: 'Europe/Berlin' });
    const later = (await a.get(range(start, plusDays(start, 10)))).body;
    expect(later.roles.find((r: { partnerId: string }) => r.partnerId === b.userId).today).toBe(todayIn('Europe/Berlin', clock.now()));
  });

  it('lets nobody outside the current couple see or write it: an ex-partner sees nothing at once', async () => {
    const couple = await newOpenCouple(t);
    const { a, b } = couple;
    await signContract(couple);
    await b.put(`/api/couple/trust-discussions/${today()}/mine`, { stated: false, thanked: true });
    expect((await b.post('/api/couple/leave')).status).toBe(204);
    expect((await b.get('/api/couple/contract')).body.code).toBe('not-in-couple');
    expect((await b.get(range(today(), today()))).status).toBe(409);
    expect((await b.put(`/api/couple/trust-discussions/${today()}/mine`, { stated: false, thanked: true })).status).toBe(409);
    // Alex, now alone, has no joint features either.
    expect((await a.get('/api/couple/contract')).body.code).toBe('joint-features-closed');

    // Blake starts again with someone new: nothing of the old couple comes along.
    await b.post('/api/couple');
    const invite = await b.post('/api/couple/invites');
    const newPartner = await newPerson(t, 'Casey');
    await newPartner.post(`/api/invites/${invite.body.token}/accept`);
    await answerSafetyScreen(newPartner);
    expect((await b.get('/api/couple/contract')).body.latest).toBeNull();

    // And a new partner who joins Alex's space does not read what Alex and Blake wrote.
    const aliceInvite = await a.post('/api/couple/invites');
    const dana = await newPerson(t, 'Dana');
    await dana.post(`/api/invites/${aliceInvite.body.token}/accept`);
    await answerSafetyScreen(dana);
    const fresh = await dana.get('/api/couple/contract');
    expect(fresh.status).toBe(200);
    expect(fresh.body).toMatchObject({ active: null, latest: null });
    expect((await dana.get('/api/couple/contract/versions')).body.versions).toEqual([]);
    expect((await a.get(range(today(), today()))).body.days).toEqual([]);
  });
});

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { Temporal } from 'temporal-polyfill';
import { buildTestApp, newCouple, newPerson, type TestApp, type TestClient } from '../../../test/test-app';
import { answerSafetyScreen, harkPositive, newOpenCouple } from '../../../test/together-helpers';
import { createCipher } from '../../platform/crypto';
import { clock, todayIn } from '../../platform/local-date';
import { findPlanReviewDates, readMyPlanPart } from './plan.service';

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
const plusDays = (date: string, days: number) => Temporal.PlainDate.from(date).add({ days }).toString();

const alexSection = {
  warningSigns: [
    { kind: 'thought', text: '"Just one won\'t hurt."' },
    { kind: 'behaviour', text: 'Skipping sleep, staying up alone', watch: { signal: 'sleep-poor', days: 3 } },
  ],
  highRiskSituations: ['Friday after work, passing the bar'],
  iWillDo: ['Call Sam, my sponsor', 'Play the tape forward'],
  partnerCanDo: ['Ask me to go for a walk'],
  partnerWillNot: ['Check my phone or search my bag'],
};
const blakeSection = {
  warningSigns: [{ kind: 'feeling', text: 'Resentment I keep to myself' }],
  highRiskSituations: [],
  iWillDo: ['Go to my Al-Anon meeting'],
  partnerCanDo: [],
  partnerWillNot: [],
};
const shared = {
  lapseResponses: {
    firstHour: ['Stop, stay safe, call a support'],
    firstDay: ['Talk with our counsellor'],
    firstWeek: ['Review this plan'],
  },
  supports: [
    { name: 'Sam', role: 'sponsor', phone: '+1 (555) 010-2000' },
    { name: 'Dr Rivera', role: 'counsellor', email: 'rivera@example.org' },
  ],
  groups: [
    { groupId: 'aa', who: 'me', attendance: 'attends' },
    { groupId: 'al-anon', who: 'my-partner', attendance: 'wants-to-try' },
  ],
  reviewDate: null,
};

async function writeSection(person: TestClient, section: unknown, base: string | null) {
  return person.put('/api/couple/plan/my-section', { baseVersionId: base, section });
}

async function events(coupleId: string): Promise<string[]> {
  const rows = await t.database.db.selectFrom('coupleEvents').select('type').where('coupleId', '=', coupleId).orderBy('id').execute();
  return rows.map((row) => row.type).filter((type) => type.startsWith('plan.'));
}

/** Writes Alex's section and the shared part, and both sign: the plan is in force. */
async function signedPlan(couple: { a: TestClient; b: TestClient }, sharedPart: Record<string, unknown> = shared) {
  const base = ((await couple.a.get('/api/couple/plan')).body.latest?.id as string | undefined) ?? null;
  const v1 = (await writeSection(couple.a, alexSection, base)).body.latest.id;
  const v2 = (await couple.b.put('/api/couple/plan/shared', { baseVersionId: v1, shared: sharedPart })).body.latest.id;
  await couple.a.post(`/api/couple/plan/versions/${v2}/sign`);
  const signed = await couple.b.post(`/api/couple/plan/versions/${v2}/sign`);
  expect(signed.body.signedByBothAt).not.toBeNull();
  return v2 as string;
}

describe('the joint-features gate', () => {
  it('refuses every plan route exactly like the contract until both safety screens open joint features', async () => {
    const { a, b } = await newCouple(t);
    const routes = [
      () => a.get('/api/couple/plan'),
      () => a.get('/api/couple/plan/versions'),
      () => a.get('/api/couple/plan/suggestions'),
      () => writeSection(a, alexSection, null),
      () => b.put('/api/couple/plan/shared', { baseVersionId: null, shared }),
      () => a.post(`/api/couple/plan/versions/${crypto.randomUUID()}/sign`),
    ];
    const contract = await a.get('/api/couple/contract');
    for (const route of routes) {
      const answer = await route();
      // A version id that is not the couple's answers 404 before the gate, as the contract's does.
      if (answer.status === 404) {
        expect(answer.body.code).toBe('not-found');
        continue;
      }
      expect([answer.status, answer.body.code, answer.body.title]).toEqual([contract.status, 'joint-features-closed', contract.body.title]);
    }
    await answerSafetyScreen(a);
    await answerSafetyScreen(b, harkPositive);
    const closed = await b.get('/api/couple/plan');
    expect(closed.body.code).toBe('joint-features-closed');
    expect(JSON.stringify(closed.body)).not.toMatch(/positive|screen/i);
    await answerSafetyScreen(b);
    expect((await a.get('/api/couple/plan')).status).toBe(200);
    expect(await t.database.db.selectFrom('planVersions').select('id').where('createdBy', 'in', [a.userId!, b.userId!]).execute()).toEqual(
      [],
    );
  });

  it('answers not-in-couple to a person with no couple', async () => {
    const lone = await newPerson(t);
    expect((await lone.get('/api/couple/plan')).body.code).toBe('not-in-couple');
    expect(await readMyPlanPart(t.database.db, createCipher(t.encryptionKey), lone.userId!)).toBeNull();
  });
});

describe('the Continuing Recovery Plan', () => {
  it('has a section per partner written only by its owner; the shared part by either; versions kept', async () => {
    const couple = await newOpenCouple(t);
    const { a, b } = couple;
    const empty = await a.get('/api/couple/plan');
    expect(empty.body).toMatchObject({ active: null, latest: null, review: { state: 'none', reviewDate: null, today: today() } });

    const first = await writeSection(a, alexSection, null);
    expect(first.status).toBe(200);
    expect(first.body.latest).toMatchObject({ version: 1, change: 'section', createdBy: a.userId, signatures: [], signedByBothAt: null });
    expect(first.body.latest.sections).toEqual([{ partnerId: a.userId, ...alexSection }]);

    // Blake writes Blake's own section: Alex's words are carried over untouched, and shown to Blake second.
    const second = await writeSection(b, blakeSection, first.body.latest.id);
    expect(second.body.latest.version).toBe(2);
    expect(second.body.latest.sections).toEqual([
      { partnerId: b.userId, ...blakeSection },
      { partnerId: a.userId, ...alexSection },
    ]);

    // Nobody can write the other's section: the body cannot name an owner, and what Blake saves is Blake's.
    const naming = await b.put('/api/couple/plan/my-section', {
      baseVersionId: second.body.latest.id,
      section: blakeSection,
      partnerId: a.userId,
    });
    expect(naming.status).toBe(400);
    const nested = await b.put('/api/couple/plan/my-section', {
      baseVersionId: second.body.latest.id,
      section: { ...blakeSection, partnerId: a.userId },
    });
    expect(nested.status).toBe(400);
    const overwrite = await writeSection(b, { ...alexSection, iWillDo: ['Alex will not drink'] }, second.body.latest.id);
    const alexInV3 = overwrite.body.latest.sections.find((section: { partnerId: string }) => section.partnerId === a.userId);
    expect(alexInV3).toEqual({ partnerId: a.userId, ...alexSection });
    const blakeInV3 = overwrite.body.latest.sections.find((section: { partnerId: string }) => section.partnerId === b.userId);
    expect(blakeInV3.iWillDo).toEqual(['Alex will not drink']);

    // The shared part, by either; people in groups are named by id so both read the same thing.
    const third = await b.put('/api/couple/plan/shared', { baseVersionId: overwrite.body.latest.id, shared });
    expect(third.status).toBe(200);
    expect(third.body.latest).toMatchObject({ version: 4, change: 'shared', createdBy: b.userId });
    expect(third.body.latest.shared.supports).toEqual([
      { name: 'Sam', role: 'sponsor', phone: '+1 (555) 010-2000', email: '' },
      { name: 'Dr Rivera', role: 'counsellor', phone: '', email: 'rivera@example.org' },
    ]);
    expect(third.body.latest.shared.groups).toEqual([
      {
        groupId: 'aa',
        name: 'Alcoholics Anonymous (AA)',
        finderUrl: 'https://www.aa.org/find-aa',
        people: [b.userId],
        attendance: 'attends',
      },
      {
        groupId: 'al-anon',
        name: 'Al-Anon Family Groups',
        finderUrl: 'https://al-anon.org/al-anon-meetings/',
        people: [a.userId],
        attendance: 'wants-to-try',
      },
    ]);

    // An edit from an outdated version is refused instead of overwriting the other's change.
    const stale = await writeSection(a, alexSection, first.body.latest.id);
    expect([stale.status, stale.body.code]).toEqual([409, 'conflict']);
    // Saving exactly what is there makes no new version.
    expect((await b.put('/api/couple/plan/shared', { baseVersionId: third.body.latest.id, shared })).body.latest.version).toBe(4);
    expect((await writeSection(a, alexSection, third.body.latest.id)).body.latest.version).toBe(4);

    const history = await a.get('/api/couple/plan/versions');
    expect(history.body.versions.map((v: { version: number; change: string }) => [v.version, v.change])).toEqual([
      [4, 'shared'],
      [3, 'section'],
      [2, 'section'],
      [1, 'section'],
    ]);
    expect(history.body.versions.map((v: { can: { sign: boolean } }) => v.can.sign)).toEqual([true, false, false, false]);
    expect(await events(couple.coupleId)).toEqual(['plan.updated', 'plan.updated', 'plan.updated', 'plan.updated']);
  });

  it('needs both signatures, each for themselves; any change needs both again', async () => {
    const couple = await newOpenCouple(t);
    const { a, b } = couple;
    const v1 = (await writeSection(a, alexSection, null)).body.latest.id;
    const byA = await a.post(`/api/couple/plan/versions/${v1}/sign`);
    expect(byA.status).toBe(200);
    expect(byA.body.signatures).toEqual([{ partnerId: a.userId, signedAt: expect.any(String) }]);
    expect(byA.body).toMatchObject({ signedByBothAt: null, can: { sign: false } });
    expect((await a.post(`/api/couple/plan/versions/${v1}/sign`)).body.signatures).toHaveLength(1);
    expect((await b.get('/api/couple/plan')).body).toMatchObject({ active: null, latest: { id: v1, can: { sign: true } } });

    const byB = await b.post(`/api/couple/plan/versions/${v1}/sign`);
    expect(byB.body.signedByBothAt).not.toBeNull();
    expect((await a.get('/api/couple/plan')).body.active.id).toBe(v1);

    // Blake changes the shared part: v1 stays in force while v2 waits for both.
    const changed = await b.put('/api/couple/plan/shared', { baseVersionId: v1, shared });
    const v2 = changed.body.latest.id;
    expect(changed.body.active.id).toBe(v1);
    expect(changed.body.latest.signatures).toEqual([]);
    const outdated = await a.post(`/api/couple/plan/versions/${v1}/sign`);
    expect([outdated.status, outdated.body.code]).toEqual([409, 'conflict']);
    await b.post(`/api/couple/plan/versions/${v2}/sign`);
    expect((await a.get('/api/couple/plan')).body.active.id).toBe(v1);
    await a.post(`/api/couple/plan/versions/${v2}/sign`);
    expect((await a.get('/api/couple/plan')).body.active.id).toBe(v2);
    expect(await events(couple.coupleId)).toEqual([
      'plan.updated',
      'plan.signed',
      'plan.signed',
      'plan.updated',
      'plan.signed',
      'plan.signed',
    ]);
    const signedEvents = await t.database.db
      .selectFrom('coupleEvents')
      .select(['actorId', 'data'])
      .where('coupleId', '=', couple.coupleId)
      .where('type', '=', 'plan.signed')
      .orderBy('id')
      .execute();
    expect(signedEvents.map((event) => (event.data as { signedByBoth: boolean }).signedByBoth)).toEqual([false, true, false, true]);

    // A version of another couple answers like one that does not exist, whatever that person's gate says.
    const other = await newOpenCouple(t);
    const closedCouple = await newCouple(t);
    const foreign = await closedCouple.a.post(`/api/couple/plan/versions/${v2}/sign`);
    const absent = await closedCouple.a.post(`/api/couple/plan/versions/${crypto.randomUUID()}/sign`);
    expect((await other.a.post(`/api/couple/plan/versions/${v2}/sign`)).status).toBe(404);
    expect([foreign.status, absent.status]).toEqual([404, 404]);
    expect(foreign.body.detail).toBe(absent.body.detail);
  });

  it('gives one consistent result when both sign at the same moment', async () => {
    for (let round = 0; round < 3; round += 1) {
      const { a, b } = await newOpenCouple(t);
      const id = (await writeSection(a, alexSection, null)).body.latest.id;
      const answers = await Promise.all([
        a.post(`/api/couple/plan/versions/${id}/sign`),
        b.post(`/api/couple/plan/versions/${id}/sign`),
        b.post(`/api/couple/plan/versions/${id}/sign`),
      ]);
      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
      const signatures = await t.database.db.selectFrom('planSignatures').selectAll().where('planVersionId', '=', id).execute();
      expect(signatures.map((signature) => signature.partnerId).sort()).toEqual([a.userId, b.userId].sort());
      const version = await t.database.db.selectFrom('planVersions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      expect(version.signedByBothAt).not.toBeNull();
      expect((await b.get('/api/couple/plan')).body.active.id).toBe(id);
    }
  });

  it('two edits from the same version at the same moment: one is saved, the other is told it changed', async () => {
    const { a, b } = await newOpenCouple(t);
    const base = (await writeSection(a, alexSection, null)).body.latest.id;
    const answers = await Promise.all([
      writeSection(a, { ...alexSection, iWillDo: ['Text Sam'] }, base),
      b.put('/api/couple/plan/shared', { baseVersionId: base, shared }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect((await a.get('/api/couple/plan/versions')).body.versions).toHaveLength(2);
  });

  it('reminds both partners on and after the review date, until a new draft is under way', async () => {
    const couple = await newOpenCouple(t);
    const reviewDate = plusDays(today(), 30);
    const v1 = await signedPlan(couple, { ...shared, reviewDate });
    expect((await couple.a.get('/api/couple/plan')).body.review).toEqual({ state: 'upcoming', reviewDate, today: today() });
    const then = Temporal.Now.instant().add({ hours: 24 * 31 });
    clock.now = () => then;
    for (const person of [couple.a, couple.b]) {
      expect((await person.get('/api/couple/plan')).body.review).toMatchObject({ state: 'due', reviewDate });
    }
    // Reviewing: a new draft (here only the next review date) is under way until both sign it.
    const next = plusDays(reviewDate, 90);
    const draft = await couple.b.put('/api/couple/plan/shared', { baseVersionId: v1, shared: { ...shared, reviewDate: next } });
    expect(draft.body.review).toMatchObject({ state: 'in-progress', reviewDate });
    await couple.a.post(`/api/couple/plan/versions/${draft.body.latest.id}/sign`);
    await couple.b.post(`/api/couple/plan/versions/${draft.body.latest.id}/sign`);
    expect((await couple.a.get('/api/couple/plan')).body.review).toMatchObject({ state: 'upcoming', reviewDate: next });
  });

  it('keeps every word encrypted at rest', async () => {
    const couple = await newOpenCouple(t);
    await signedPlan(couple);
    const { rows } = await sql<{ data: string }>`
      select coalesce((select json_agg(v)::text from plan_versions v), '') || coalesce((select json_agg(s)::text from plan_sections s), '') as data`.execute(
      t.database.db,
    );
    // Only words that base64 ciphertext, uuids and timestamps cannot contain by chance (spaces, '@', '(').
    for (const secret of [
      'Just one',
      'passing the bar',
      'Dr Rivera',
      'rivera@example.org',
      '(555) 010-2000',
      'sleep-poor',
      'search my bag',
      'Stop, stay safe',
    ]) {
      expect(rows[0]!.data).not.toContain(secret);
    }
  });

  it('refuses bad input with the field at fault and saves nothing', async () => {
    const { a, b } = await newOpenCouple(t);
    const answer = await writeSection(
      a,
      { ...alexSection, warningSigns: [{ kind: 'mood', text: '', watch: { signal: 'sleep-poor', days: 30 } }] },
      null,
    );
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      '/section/warningSigns/0/kind',
      '/section/warningSigns/0/text',
      '/section/warningSigns/0/watch/days',
    ]);
    const badShared = await b.put('/api/couple/plan/shared', {
      baseVersionId: null,
      shared: {
        ...shared,
        supports: [{ name: 'Clinic', role: 'clinic', phone: 'call me', email: 'nope' }],
        groups: [{ groupId: 'other', who: 'me', attendance: 'attends' }],
      },
    });
    expect(badShared.status).toBe(400);
    expect(badShared.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      '/shared/groups/0/name',
      '/shared/supports/0/email',
      '/shared/supports/0/phone',
    ]);
    expect((await a.get('/api/couple/plan')).body.latest).toBeNull();
  });

  it('lets nobody outside the current couple read it; a new pair starts with no plan', async () => {
    const couple = await newOpenCouple(t);
    const { a, b } = couple;
    await signedPlan(couple);
    expect((await b.post('/api/couple/leave')).status).toBe(204);
    expect((await b.get('/api/couple/plan')).body.code).toBe('not-in-couple');
    expect((await a.get('/api/couple/plan')).body.code).toBe('joint-features-closed');
    expect(await readMyPlanPart(t.database.db, createCipher(t.encryptionKey), a.userId!)).toBeNull();
    const invite = await a.post('/api/couple/invites');
    const dana = await newPerson(t, 'Dana');
    await dana.post(`/api/invites/${invite.body.token}/accept`);
    await answerSafetyScreen(dana);
    expect((await dana.get('/api/couple/plan')).body).toMatchObject({ active: null, latest: null });
    expect((await a.get('/api/couple/plan/versions')).body.versions).toEqual([]);
  });
});

describe('readMyPlanPart (for the person’s own setback flows)', () => {
  it('gives my own section and the shared part, never my partner’s section', async () => {
    const couple = await newOpenCouple(t);
    const cipher = createCipher(t.encryptionKey);
    expect(await readMyPlanPart(t.database.db, cipher, couple.a.userId!)).toBeNull();
    const draft = (await writeSection(couple.b, blakeSection, null)).body.latest;
    // A draft is given as a draft; Alex has written no section yet.
    expect(await readMyPlanPart(t.database.db, cipher, couple.a.userId!)).toMatchObject({
      versionId: draft.id,
      status: 'draft',
      mySection: null,
    });
    const v = await signedPlan(couple);
    const mine = await readMyPlanPart(t.database.db, cipher, couple.a.userId!);
    expect(mine).toMatchObject({ versionId: v, status: 'in-force', mySection: { partnerId: couple.a.userId, ...alexSection } });
    expect(mine!.lapseResponses).toEqual(shared.lapseResponses);
    expect(mine!.supports.map((support) => support.name)).toEqual(['Sam', 'Dr Rivera']);
    expect(JSON.stringify(mine)).not.toContain('Resentment');
    const blakes = await readMyPlanPart(t.database.db, cipher, couple.b.userId!);
    expect(blakes!.mySection).toEqual({ partnerId: couple.b.userId, ...blakeSection });
    expect(JSON.stringify(blakes)).not.toContain('Just one');
  });
});

describe('findPlanReviewDates (for the plan-review reminder)', () => {
  it('gives both partners the review date of the plan in force, and nothing once a partner left', async () => {
    const couple = await newOpenCouple(t);
    const people = [couple.a.userId!, couple.b.userId!];
    expect(await findPlanReviewDates(t.database.db, people)).toEqual([]);
    const reviewDate = plusDays(today(), 60);
    const v = await signedPlan(couple, { ...shared, reviewDate });
    // A newer draft with another date changes nothing until both sign it.
    await couple.a.put('/api/couple/plan/shared', { baseVersionId: v, shared: { ...shared, reviewDate: plusDays(today(), 5) } });
    const dates = await findPlanReviewDates(t.database.db, people);
    expect(dates.sort((x, y) => x.personId.localeCompare(y.personId))).toEqual(people.sort().map((personId) => ({ personId, reviewDate })));
    await couple.b.post('/api/couple/leave');
    expect(await findPlanReviewDates(t.database.db, people)).toEqual([]);
  });
});

describe('suggestions from my own data', () => {
  /** 20 days ending yesterday: every 4th day high conflict, the day after it craving 7. */
  async function checkInConflictPattern(person: TestClient, cravingAfterConflict: number) {
    for (let index = 0; index < 20; index += 1) {
      const date = plusDays(today(), index - 20);
      const answer = await person.put(`/api/me/checkins/${date}`, {
        mood: 3,
        craving: index % 4 === 1 ? cravingAfterConflict : 1,
        used: false,
        sleep: 4,
        stress: 2,
        closeness: 3,
        conflict: index % 4 === 0 ? 'high' : 'none',
      });
      expect(answer.status).toBeLessThan(300);
    }
  }

  it('come only from the asker’s own check-ins and trigger log, with the days they rest on', async () => {
    const { a, b } = await newOpenCouple(t);
    expect((await a.get('/api/couple/plan/suggestions')).body).toEqual({ suggestions: [], lookedAtDays: 0 });
    // Blake's check-ins show the pattern, and Blake shares everything: Alex still gets no suggestion from them.
    await checkInConflictPattern(b, 8);
    expect((await b.put('/api/me/sharing/checkins', { audience: 'partner' })).status).toBe(200);
    expect((await b.put('/api/me/sharing/triggers', { audience: 'partner' })).status).toBe(200);
    expect((await a.get('/api/couple/plan/suggestions')).body.suggestions).toEqual([]);
    const blakes = (await b.get('/api/couple/plan/suggestions')).body;
    expect(blakes.lookedAtDays).toBe(20);
    expect(blakes.suggestions).toEqual([
      {
        id: 'conflict-then-craving',
        kind: 'conflict-then-craving',
        basedOnDays: 19,
        figures: { compared: 5, others: 14, averageAfter: 8, averageOtherwise: 1 },
        warningSign: { kind: 'situation', watch: { signal: 'conflict-high', days: 1 } },
      },
    ]);
    // Alex's own pattern is flat: nothing to suggest.
    await checkInConflictPattern(a, 1);
    expect((await a.get('/api/couple/plan/suggestions')).body).toEqual({ suggestions: [], lookedAtDays: 20 });

    // A trigger Alex logged on three days suggests a situation warning sign.
    for (const days of [3, 8, 12]) {
      const logged = await a.post('/api/me/trigger-log', {
        occurredAt: Temporal.Now.instant()
          .subtract({ hours: 24 * days })
          .toString(),
        triggerLabel: 'Payday',
        aboutRelationship: false,
        intensity: 6,
        outcome: 'partly',
      });
      expect(logged.status).toBe(201);
    }
    const withTrigger = (await a.get('/api/couple/plan/suggestions')).body.suggestions;
    expect(withTrigger).toEqual([
      expect.objectContaining({ kind: 'frequent-trigger', basedOnDays: 3, figures: { times: 3, triggerLabel: 'Payday' } }),
    ]);
    expect((await b.get('/api/couple/plan/suggestions')).body.suggestions.map((s: { kind: string }) => s.kind)).toEqual([
      'conflict-then-craving',
    ]);

    // Once Blake's section watches conflict, the suggestion is not made again.
    await writeSection(
      b,
      { ...blakeSection, warningSigns: [{ kind: 'situation', text: 'After a fight', watch: { signal: 'conflict-high', days: 1 } }] },
      null,
    );
    expect((await b.get('/api/couple/plan/suggestions')).body.suggestions).toEqual([]);
  });
});

import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../platform/local-date';
import { verifyAuditChain } from '../../platform/audit';
import { buildTestApp, enroll, newCouple, newProgram, type TestApp, type TestClient } from '../../../test/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(async () => {
  await t.close();
});

const zone = 'America/Chicago';

/** Check-ins written straight into the table (days in the past cannot be written through the API). */
async function checkinsFor(personId: string, days: Array<{ daysAgo: number; craving: number; used?: boolean }>): Promise<void> {
  const today = todayIn(zone);
  await t.database.db
    .insertInto('checkins')
    .values(
      days.map(({ daysAgo, craving, used = false }) => ({
        ownerId: personId,
        localDate: addDays(today, -daysAgo),
        mood: 3,
        craving,
        used,
        substancesUsed: [],
        sleep: 3,
        stress: 3,
        closeness: 3,
        conflict: 'none' as const,
        triggerIds: [],
        noteCiphertext: '',
        isLate: false,
        writtenOn: addDays(today, -daysAgo),
        updatedAt: new Date(),
      })),
    )
    .execute();
}

/** Ten check-ins, 13 to 4 days ago, craving rising 1 → 10: rising craving and 3 missed days. */
const risingThenSilent = Array.from({ length: 10 }, (_, i) => ({ daysAgo: 13 - i, craving: i + 1 }));

const phq9 = (level: number) => Object.fromEntries(Array.from({ length: 9 }, (_, i) => [String(i + 1), i === 8 ? 0 : level]));

async function share(client: TestClient, kind: string, audience: string): Promise<void> {
  expect((await client.put(`/api/me/sharing/${kind}`, { audience })).status).toBe(200);
}

async function world() {
  const program = await newProgram(t);
  const couple = await newCouple(t, ['Alex', 'Blake']);
  await enroll(couple, program);
  await checkinsFor(couple.a.userId!, risingThenSilent);
  await checkinsFor(couple.b.userId!, risingThenSilent);
  const flagsUrl = `/api/programs/${program.programId}/caseload/flags`;
  return { program, couple, flagsUrl };
}

async function auditKinds(actorId: string): Promise<Array<{ subjectId: string; kind: string; action: string }>> {
  const { rows } = await sql<{ subjectId: string; kind: string; action: string }>`
    select subject_id, kind, action from audit_events where actor_id = ${actorId} order by id`.execute(t.database.db);
  return rows;
}

describe('caseload flags', () => {
  it('flags only what each partner shares with the care team, and audits one row per partner naming the kinds', async () => {
    const { program, couple, flagsUrl } = await world();
    await share(couple.a, 'checkins', 'care-team');
    // Blake shares check-ins with Alex only: nothing of Blake's reaches the care team.
    await share(couple.b, 'checkins', 'partner');

    const answer = await program.clinician.get(flagsUrl);
    expect(answer.status).toBe(200);
    const [row] = answer.body.couples;
    const kindsOf = (personId: string) =>
      row.flags.filter((flag: { personId: string }) => flag.personId === personId).map((flag: { kind: string }) => flag.kind);
    expect(kindsOf(couple.a.userId!).sort()).toEqual(['missed-checkins', 'rising-craving']);
    expect(kindsOf(couple.b.userId!)).toEqual([]);
    const craving = row.flags.find((flag: { kind: string }) => flag.kind === 'rising-craving');
    expect(craving.facts).toMatchObject({ kind: 'rising-craving', checkins: 10, windowDays: 14, previousMean: null });
    expect(craving.facts.slopePerDay).toBeCloseTo(1, 5);
    expect(row.flags.find((flag: { kind: string }) => flag.kind === 'missed-checkins').facts).toEqual({
      kind: 'missed-checkins',
      days: 3,
      lastCheckin: addDays(todayIn(zone), -4),
    });
    // Blake's last activity is not shown either: no hint.
    expect(row.partners.find((p: { id: string }) => p.id === couple.b.userId).lastActivity).toBeNull();

    expect(await auditKinds(program.clinician.userId!)).toEqual([
      { subjectId: couple.a.userId, kind: 'caseload-flags:checkins', action: 'read' },
    ]);
    expect(await verifyAuditChain(t.database.db)).toBeNull();
    const log = await couple.a.get('/api/me/access-log');
    expect(log.body.events[0]).toMatchObject({ kind: 'caseload-flags', basedOn: ['checkins'], purpose: 'treatment' });
  });

  it('drops the flags at the next view once sharing is revoked', async () => {
    const { program, couple, flagsUrl } = await world();
    await share(couple.a, 'checkins', 'both');
    expect((await program.clinician.get(flagsUrl)).body.couples[0].flags).toHaveLength(2);
    await share(couple.a, 'checkins', 'private');
    expect((await program.clinician.get(flagsUrl)).body.couples[0].flags).toEqual([]);
  });

  it('flags a PHQ-9 rise beyond reliable change, and an acknowledgement dims it until a newer result', async () => {
    const { program, couple, flagsUrl } = await world();
    await share(couple.a, 'assessments-mood-anxiety', 'care-team');
    const submit = (level: number) =>
      couple.a.post('/api/me/assessments', { instrumentId: 'phq-9', submissionId: randomUUID(), answers: phq9(level) });
    expect((await submit(0)).status).toBe(201);
    expect((await submit(1)).status).toBe(201); // 8 points: more than 6
    const flags = (await program.clinician.get(flagsUrl)).body.couples[0].flags;
    expect(flags).toEqual([
      expect.objectContaining({
        kind: 'worsening-score',
        personId: couple.a.userId,
        isDimmed: false,
        acknowledgement: null,
        facts: expect.objectContaining({ instrumentId: 'phq-9', from: 0, to: 8, change: 8, threshold: 6 }),
      }),
    ]);
    expect(flags[0].facts.source).toMatch(/NHS Talking Therapies/);

    const ack = await program.clinician.post(`/api/programs/${program.programId}/caseload/acknowledgements`, {
      coupleId: couple.coupleId,
      personId: couple.a.userId,
      kind: 'worsening-score',
      note: 'Called Alex; session moved up to Thursday.',
    });
    expect(ack.status).toBe(201);
    expect(ack.body).toMatchObject({
      isDimmed: true,
      acknowledgement: { byName: 'Dr. Casey', note: 'Called Alex; session moved up to Thursday.' },
    });
    const stored = await t.database.db.selectFrom('caseloadFlagAcknowledgements').select('noteCiphertext').executeTakeFirstOrThrow();
    expect(stored.noteCiphertext).not.toContain('Thursday');
    expect((await program.clinician.get(flagsUrl)).body.couples[0].flags[0].isDimmed).toBe(true);
    const writes = (await auditKinds(program.clinician.userId!)).filter((row) => row.action === 'write');
    expect(writes).toEqual([{ subjectId: couple.a.userId, kind: 'caseload-flags', action: 'write' }]);

    expect((await submit(2)).status).toBe(201);
    const again = (await program.clinician.get(flagsUrl)).body.couples[0].flags[0];
    expect(again).toMatchObject({ isDimmed: false, facts: { to: 16 } });
    expect(again.acknowledgement.note).toBe('Called Alex; session moved up to Thursday.');
  });

  it('flags falling Trust Discussion adherence only when both partners share together with the care team', async () => {
    const { program, couple, flagsUrl } = await world();
    const db = t.database.db;
    const today = todayIn(zone);
    const version = await db
      .insertInto('contractVersions')
      .values({
        coupleId: couple.coupleId,
        version: 1,
        discussionTime: '20:00',
        itemsCiphertext: '',
        keepPastUseInSessions: false,
        createdBy: couple.a.userId,
        signedByBothAt: new Date(Date.now() - 40 * 86_400_000),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Every day of the earlier two weeks done by both; in the last two weeks, only 3 days.
    const done = [...Array.from({ length: 14 }, (_, i) => 15 + i), 1, 2, 3];
    await db
      .insertInto('trustDiscussionParts')
      .values(
        done.flatMap((daysAgo) =>
          [couple.a.userId!, couple.b.userId!].map((partnerId) => ({
            coupleId: couple.coupleId,
            partnerId,
            localDate: addDays(today, -daysAgo),
            stated: true,
            thanked: true,
            contractVersionId: version.id,
          })),
        ),
      )
      .execute();
    // Joined "today" in the test: move the pair's start back so the days are this pair's.
    await sql`update couple_members set joined_at = now() - interval '60 days' where couple_id = ${couple.coupleId}`.execute(db);

    await share(couple.a, 'together', 'care-team');
    expect((await program.clinician.get(flagsUrl)).body.couples[0].flags).toEqual([]);
    await share(couple.b, 'together', 'care-team');
    const flags = (await program.clinician.get(flagsUrl)).body.couples[0].flags;
    expect(flags).toEqual([
      expect.objectContaining({
        kind: 'adherence-falling',
        personId: null,
        facts: { kind: 'adherence-falling', recentPercent: 21, previousPercent: 100, windowDays: 14 },
      }),
    ]);
    const overview = await program.clinician.get(`/api/programs/${program.programId}/couples/${couple.coupleId}/overview`);
    expect(overview.status).toBe(200);
    expect(overview.body.together.flags).toHaveLength(1);
    expect(overview.body.together.plan).toEqual({ status: 'none', signedAt: null });
  });

  it('sorts by severity, name or last activity', async () => {
    const program = await newProgram(t);
    const quiet = await newCouple(t, ['Ana', 'Bo']);
    const flagged = await newCouple(t, ['Zoe', 'Yan']);
    await enroll(quiet, program);
    await enroll(flagged, program);
    await checkinsFor(flagged.a.userId!, risingThenSilent);
    await checkinsFor(quiet.a.userId!, [{ daysAgo: 0, craving: 1 }]);
    await share(flagged.a, 'checkins', 'care-team');
    await share(quiet.a, 'checkins', 'care-team');
    const names = async (sort: string) =>
      (await program.clinician.get(`/api/programs/${program.programId}/caseload/flags?sort=${sort}`)).body.couples.map(
        (couple: { partners: Array<{ displayName: string }> }) => couple.partners[0]!.displayName,
      );
    expect(await names('severity')).toEqual(['Zoe', 'Ana']);
    expect(await names('name')).toEqual(['Ana', 'Zoe']);
    expect(await names('activity')).toEqual(['Ana', 'Zoe']);
  });

  it('answers 404 to other clinicians, the partners and for flags that do not show; 400 with the field for bad input', async () => {
    const { program, couple, flagsUrl } = await world();
    const other = await newProgram(t, 'Elsewhere');
    expect((await other.clinician.get(flagsUrl)).status).toBe(404);
    expect((await couple.b.get(flagsUrl)).status).toBe(404);
    const ackUrl = `/api/programs/${program.programId}/caseload/acknowledgements`;
    const body = { coupleId: couple.coupleId, personId: couple.b.userId, kind: 'rising-craving', note: 'Seen.' };
    // Blake's check-ins are private: the flag does not exist for the clinician, so it cannot be acknowledged.
    expect((await program.clinician.post(ackUrl, body)).status).toBe(404);
    expect((await other.clinician.post(ackUrl, body)).status).toBe(404);
    expect((await couple.a.post(ackUrl, body)).status).toBe(404);
    const bad = await program.clinician.post(ackUrl, { ...body, note: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].pointer).toBe('/note');
    expect((await program.clinician.get(`${flagsUrl}?sort=loudest`)).body.errors[0].pointer).toBe('/sort');
    expect(
      await t.database.db.selectFrom('caseloadFlagAcknowledgements').select('id').where('coupleId', '=', couple.coupleId).execute(),
    ).toEqual([]);
  });
});

describe('couple overview', () => {
  it('shows each partner only what they share, the individual view one partner, and audits each partner shown', async () => {
    const { program, couple } = await world();
    await share(couple.a, 'checkins', 'care-team');
    const url = `/api/programs/${program.programId}/couples/${couple.coupleId}/overview`;
    const answer = await program.clinician.get(url);
    expect(answer.status).toBe(200);
    const [alex, blake] = answer.body.partners;
    expect(alex).toMatchObject({ displayName: 'Alex', shares: { checkins: true, assessments: false, lapses: true } });
    expect(alex.checkins).toHaveLength(10);
    expect(alex.checkins[0]).toEqual({ date: addDays(todayIn(zone), -13), craving: 1, mood: 3, used: false });
    expect(blake).toMatchObject({ displayName: 'Blake', checkins: null, assessments: null, lapses: [], flags: [] });
    expect(answer.body.together).toBeNull();
    expect(answer.body.homework).toEqual([]);
    expect(await auditKinds(program.clinician.userId!)).toEqual([
      { subjectId: couple.a.userId, kind: 'couple-overview:checkins', action: 'read' },
    ]);

    const one = await program.clinician.get(`${url}?personId=${couple.b.userId}`);
    expect(one.body.partners.map((p: { displayName: string }) => p.displayName)).toEqual(['Blake']);
    expect((await program.clinician.get(`${url}?personId=${program.clinician.userId}`)).status).toBe(404);
    expect((await program.clinician.get(`${url}?personId=nope`)).body.errors[0].pointer).toBe('/personId');
    const other = await newProgram(t, 'Elsewhere');
    expect((await other.clinician.get(`/api/programs/${other.programId}/couples/${couple.coupleId}/overview`)).status).toBe(404);
    expect((await couple.b.get(url)).status).toBe(404);
  });

  it('lists the homework the care team assigned, each partner shown only their own in the individual view', async () => {
    const { program, couple } = await world();
    const base = `/api/programs/${program.programId}/couples/${couple.coupleId}`;
    const assigned = await program.clinician.post(`${base}/homework`, {
      assignees: [couple.b.userId],
      kind: 'plan-review',
      target: null,
      dueDate: addDays(todayIn(zone), 3),
    });
    expect(assigned.status).toBe(201);
    const both = await program.clinician.get(`${base}/overview`);
    expect(both.body.homework).toEqual([
      expect.objectContaining({ kind: 'plan-review', assignees: [expect.objectContaining({ personId: couple.b.userId, doneAt: null })] }),
    ]);
    const before = await auditKinds(program.clinician.userId!);
    expect(before.at(-1)).toEqual({ subjectId: couple.b.userId, kind: 'couple-overview:care-homework', action: 'read' });
    // Alex shares nothing and has no homework: the individual view discloses nothing, so writes no audit row.
    expect((await program.clinician.get(`${base}/overview?personId=${couple.a.userId}`)).body.homework).toEqual([]);
    expect(await auditKinds(program.clinician.userId!)).toHaveLength(before.length);
  });
});

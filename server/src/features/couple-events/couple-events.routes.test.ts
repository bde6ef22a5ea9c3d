import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { buildTestApp, enroll, newCouple, newPerson, newProgram, type TestApp, type TestClient } from '../../../test/test-app';
import { listeningUrl, SseClient } from '../../../test/sse-client';
import { publishCoupleEvent, pruneCoupleEvents, type CoupleEvent } from '../../platform/events';

let t: TestApp;
let baseUrl: string;
const open: SseClient[] = [];

beforeAll(async () => {
  t = await buildTestApp();
  baseUrl = await listeningUrl(t.app);
});
afterAll(async () => {
  for (const client of open) {
    client.close();
  }
  await t.close();
});

async function stream(person: TestClient | null, headers: Record<string, string> = {}, path = '/api/couple/events') {
  const opened = await SseClient.open(baseUrl, person?.cookieHeader(), path, headers);
  if (opened.client) {
    open.push(opened.client);
    await opened.client.next((m) => m.event === 'ready');
  }
  return opened;
}

async function connected(person: TestClient, headers: Record<string, string> = {}, path?: string): Promise<SseClient> {
  const opened = await stream(person, headers, path);
  expect(opened.status, JSON.stringify(opened.body)).toBe(200);
  return opened.client!;
}

function publish(coupleId: string, event: CoupleEvent): Promise<void> {
  return t.database.db.transaction().execute((tx) => publishCoupleEvent(tx, coupleId, event));
}

const hark = { H: 0, A: 0, R: 0, K: 0 };
async function openJointFeatures(a: TestClient, b: TestClient): Promise<void> {
  for (const person of [a, b]) {
    const answer = await person.post('/api/me/assessments', { instrumentId: 'hark', submissionId: randomUUID(), answers: hark });
    expect(answer.status).toBe(201);
  }
  expect((await a.get('/api/couple/joint-features')).body).toEqual({ status: 'open' });
}

describe('couple event stream', () => {
  it("delivers partner A's event to partner B's open stream within a second, with the usual headers", async () => {
    const { a, b, coupleId } = await newCouple(t);
    await openJointFeatures(a, b);
    const seenByB = await connected(b);
    const seenByA = await connected(a);
    expect(seenByB.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(seenByB.headers.get('cache-control')).toBe('no-store');
    expect(seenByB.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(seenByB.headers.get('x-content-type-options')).toBe('nosniff');
    expect(seenByB.retry).toBe(3000);

    const sentAt = Date.now();
    await publish(coupleId, { type: 'contract.signed', actorId: a.userId!, data: { contractId: 'c-1', version: 2 } });
    const received = await seenByB.event('contract.signed', 1_000);
    expect(Date.now() - sentAt).toBeLessThan(1_000);
    expect(received).toEqual({
      id: expect.stringMatching(/^\d+$/),
      type: 'contract.signed',
      actorId: a.userId,
      data: { contractId: 'c-1', version: 2 },
      at: expect.any(String),
    });
    // The actor's own other screens get it too.
    expect((await seenByA.event('contract.signed')).id).toBe(received.id);
  });

  it('answers anyone but a current member without a stream: anonymous 401, stranger, clinician, ex-partner 409', async () => {
    const couple = await newCouple(t);
    const program = await newProgram(t);
    await enroll(couple, program);
    const stranger = await newPerson(t, 'Stranger');
    const exPartner = (await newCouple(t)).b;
    await exPartner.post('/api/couple/leave');

    expect((await stream(null)).status).toBe(401);
    for (const outsider of [stranger, program.clinician, exPartner]) {
      const answer = await stream(outsider);
      expect(answer.status).toBe(409);
      expect(answer.headers.get('content-type')).toContain('application/problem+json');
      expect(answer.body.code).toBe('not-in-couple');
    }
    expect((await stream(couple.a, {}, '/api/couple/events?lastEventId=abc')).status).toBe(400);
    expect((await stream(couple.a, {}, '/api/couple/events?coupleId=x')).status).toBe(400);
  });

  it("never sends one couple's events to another couple", async () => {
    const first = await newCouple(t);
    const second = await newCouple(t);
    await openJointFeatures(first.a, first.b);
    await openJointFeatures(second.a, second.b);
    const other = await connected(second.b);
    const mine = await connected(first.b);
    await publish(first.coupleId, { type: 'contract.signed', actorId: first.a.userId!, data: { contractId: 'x' } });
    await publish(second.coupleId, { type: 'pause.called', actorId: second.a.userId!, data: {} });
    await other.event('pause.called');
    await mine.event('contract.signed');
    expect(other.events.map((e) => e.type)).toEqual(['pause.called']);
    expect(mine.events.map((e) => e.type)).toEqual(['contract.signed']);
  });

  it('resumes after Last-Event-ID (header or query) with exactly the missed events, in order', async () => {
    const { a, b, coupleId } = await newCouple(t);
    await openJointFeatures(a, b);
    const first = await connected(b);
    await publish(coupleId, { type: 'trust.recorded', actorId: a.userId!, data: { n: 1 } });
    const seen = await first.event('trust.recorded');
    first.close();

    for (const n of [2, 3, 4]) {
      await publish(coupleId, { type: 'trust.recorded', actorId: a.userId!, data: { n } });
    }
    const resumed = await connected(b, { 'last-event-id': seen.id });
    await resumed.next(() => resumed.events.length >= 3);
    expect(resumed.events.map((e) => e.data.n)).toEqual([2, 3, 4]);
    expect(resumed.messages[0]).toMatchObject({ event: 'ready', id: seen.id });

    // EventSource: the query string of the first connection, and on reconnects the header, which wins.
    const byQuery = await connected(b, {}, `/api/couple/events?lastEventId=${seen.id}`);
    await byQuery.next(() => byQuery.events.length >= 3);
    expect(byQuery.events.map((e) => e.data.n)).toEqual([2, 3, 4]);
    const headerWins = await connected(b, { 'last-event-id': resumed.events[1].id }, `/api/couple/events?lastEventId=${seen.id}`);
    await headerWins.event('trust.recorded');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(headerWins.events.map((e) => e.data.n)).toEqual([4]);

    // Without Last-Event-ID the stream starts now: nothing old is replayed.
    const fresh = await connected(b);
    expect(fresh.messages.at(-1)).toMatchObject({ event: 'ready', id: resumed.events[2].id });
    await publish(coupleId, { type: 'trust.recorded', actorId: a.userId!, data: { n: 5 } });
    await fresh.event('trust.recorded');
    expect(fresh.events.map((e) => e.data.n)).toEqual([5]);
  });

  it('never replays events from before the member joined', async () => {
    const a = await newPerson(t, 'Alex');
    const b = await newPerson(t, 'Blake');
    const couple = await a.post('/api/couple');
    await publish(couple.body.id, { type: 'couple.test-before-joining', actorId: a.userId!, data: {} });
    const aStream = await connected(a, { 'last-event-id': '0' });
    await aStream.event('couple.test-before-joining');
    const invite = await a.post('/api/couple/invites');
    expect((await b.post(`/api/invites/${invite.body.token}/accept`)).status).toBe(200);
    // A, alone until now, sees the partner arrive.
    expect(await aStream.event('couple.joined')).toMatchObject({ actorId: b.userId });

    const bStream = await connected(b, { 'last-event-id': '0' });
    await bStream.event('couple.joined');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(bStream.events.map((e) => e.type)).toEqual(['couple.joined']);
  });

  it("closes a leaver's stream at once, tells the other partner, and sends the leaver nothing more", async () => {
    const { a, b, coupleId } = await newCouple(t);
    await openJointFeatures(a, b);
    const stays = await connected(a);
    const leaves = await connected(b);
    expect((await b.post('/api/couple/leave')).status).toBe(204);
    expect(await leaves.endsWithin(1_000)).toBe(true);
    expect(await stays.event('couple.left')).toMatchObject({ actorId: b.userId });
    expect(leaves.events.map((e) => e.type)).toEqual([]);

    await publish(coupleId, { type: 'couple.test-after-leaving', actorId: a.userId!, data: {} });
    await stays.event('couple.test-after-leaving');
    expect(leaves.events).toEqual([]);
    // Resuming after leaving is refused.
    expect((await stream(b, { 'last-event-id': '0' })).status).toBe(409);
    expect(stays.isEnded).toBe(false);
  });

  it('closes the stream when the session ends: log-out, log-out everywhere', async () => {
    const { a, b } = await newCouple(t);
    const loggedOut = await connected(a);
    const other = await connected(b);
    expect((await a.post('/api/auth/logout')).status).toBe(204);
    expect(await loggedOut.endsWithin(1_000)).toBe(true);
    expect(other.isEnded).toBe(false);

    const everywhere = await connected(b);
    expect((await b.post('/api/auth/logout-everywhere')).status).toBe(204);
    expect(await everywhere.endsWithin(1_000)).toBe(true);
    expect(await other.endsWithin(1_000)).toBe(true);
  });

  it('closes the stream at the next check when the session idled out', async () => {
    const { a, coupleId } = await newCouple(t);
    const idle = await connected(a);
    await sql`update sessions set last_seen_at = now() - interval '2 hours' where user_id = ${a.userId}`.execute(t.database.db);
    await publish(coupleId, { type: 'couple.test-idle', actorId: a.userId!, data: {} });
    expect(await idle.endsWithin(1_000)).toBe(true);
    expect(idle.events).toEqual([]);
  });

  it('sends nothing for a change that rolled back', async () => {
    const { a, b, coupleId } = await newCouple(t);
    await openJointFeatures(a, b);
    const seenByB = await connected(b);
    await expect(
      t.database.db.transaction().execute(async (tx) => {
        await publishCoupleEvent(tx, coupleId, { type: 'contract.signed', actorId: a.userId!, data: { contractId: 'rolled-back' } });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    await publish(coupleId, { type: 'contract.signed', actorId: a.userId!, data: { contractId: 'committed' } });
    await seenByB.event('contract.signed');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(seenByB.events.map((e) => e.data.contractId)).toEqual(['committed']);
  });

  it('holds back joint-feature events while joint features are closed; membership events still flow', async () => {
    const { a, b, coupleId } = await newCouple(t);
    const seenByB = await connected(b);
    await publish(coupleId, { type: 'pause.called', actorId: a.userId!, data: {} });
    await publish(coupleId, { type: 'couple.test-membership', actorId: a.userId!, data: {} });
    await seenByB.event('couple.test-membership');
    expect(seenByB.events.map((e) => e.type)).toEqual(['couple.test-membership']);

    await openJointFeatures(a, b);
    await publish(coupleId, { type: 'pause.called', actorId: a.userId!, data: { minutes: 20 } });
    expect((await seenByB.event('pause.called')).data).toEqual({ minutes: 20 });
    // Both screens answered: the opening itself is announced (no data), then joint events flow.
    expect(seenByB.events.map((e) => e.type)).toEqual(['couple.test-membership', 'couple.joint-features', 'pause.called']);
  });

  it('refuses free text and malformed types in an event', async () => {
    const { a, coupleId } = await newCouple(t);
    const longText = 'I felt so alone last night when you came home late and did not call me';
    await expect(publish(coupleId, { type: 'journal.written', actorId: a.userId!, data: { text: longText } })).rejects.toThrow(
      /never free text/,
    );
    await expect(publish(coupleId, { type: 'Signed!', actorId: a.userId! })).rejects.toThrow(/bad event type/);
  });

  it('prunes events older than the retention', async () => {
    const { a, coupleId } = await newCouple(t);
    await publish(coupleId, { type: 'couple.test-old', actorId: a.userId!, data: {} });
    await sql`update couple_events set created_at = now() - interval '8 days' where couple_id = ${coupleId} and type = 'couple.test-old'`.execute(
      t.database.db,
    );
    expect(await pruneCoupleEvents(t.database.db, 7)).toBeGreaterThanOrEqual(1);
    const left = await t.database.db.selectFrom('coupleEvents').select('type').where('coupleId', '=', coupleId).execute();
    expect(left.map((row) => row.type)).toEqual(['couple.joined']);
  });
});

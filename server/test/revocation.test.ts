import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataKinds, type DataKind } from '@twofold/core/sharing/data-kinds';
import { publishCoupleEvent } from '../src/platform/events';
import { todayIn } from '../src/platform/local-date';
import { routeCatalog, type Scenario } from './route-catalog';
import { buildTestApp, newCouple, type TestApp, type TestClient } from './test-app';
import { listeningUrl, SseClient } from './sse-client';

/**
 * Revocation is immediate (issue 10): after the owner revokes sharing or a partner leaves, there
 * is no stale read anywhere the partner could look — the REST reads (every
 * `GET /api/people/:partnerId/…` route of the catalogue), an event stream that was already open,
 * a cache, an export.
 *
 * Caches: the server keeps none of anyone's data (sharing settings and membership are read in the
 * statement that answers), and every API answer is `Cache-Control: no-store` without a validator,
 * so no browser or proxy holds a copy to answer from. Exports: the only one is the FHIR bundle of
 * one's OWN assessments, built while the request waits (there is no export queue, so no job
 * queued before a revocation can run after it); it is checked to carry nothing of the other.
 */
let t: TestApp;
let baseUrl: string;
const streams: SseClient[] = [];

beforeAll(async () => {
  t = await buildTestApp();
  baseUrl = await listeningUrl(t.app);
});
afterAll(async () => {
  for (const stream of streams) {
    stream.close();
  }
  await t.close();
});

const hark = { H: 0, A: 0, R: 0, K: 0 };
const gad7 = { '1': 1, '2': 0, '3': 2, '4': 0, '5': 1, '6': 0, '7': 0 };
const partnerKinds = dataKinds.filter((kind) => (kind.audiences as readonly string[]).includes('partner')).map((kind) => kind.id);

/** Every read of another person's data in the route catalogue, for `owner`. */
function peopleReads(owner: TestClient): Array<{ url: string; kind: DataKind | undefined; path: string }> {
  const scenario = { owner, today: todayIn('America/Chicago') } as unknown as Scenario;
  return routeCatalog
    .filter((row) => row.method === 'GET' && row.url.startsWith('/api/people/:partnerId/') && !row.stream)
    .map((row) => ({ url: row.request(scenario).url, kind: row.kind, path: row.url }));
}

/** What the same read answers for an id that names nobody: denied must look exactly like that. */
async function absentAnswer(viewer: TestClient, url: string, ownerId: string) {
  const answer = await viewer.get(url.replace(ownerId, randomUUID()));
  return { status: answer.status, body: { ...answer.body, instance: undefined } };
}

async function writeEverything(owner: TestClient, marker: string): Promise<void> {
  const today = todayIn('America/Chicago');
  expect((await owner.put('/api/me/support-preferences', { helps: `${marker} helps`, doesNotHelp: `${marker} does not` })).status).toBe(
    200,
  );
  const checkin = {
    mood: 2,
    craving: 4,
    used: false,
    substancesUsed: [],
    sleep: 3,
    stress: 4,
    closeness: 2,
    conflict: 'some',
    triggerIds: [],
    note: `${marker} note`,
  };
  expect((await owner.put(`/api/me/checkins/${today}`, checkin)).status).toBe(200);
  const intake = {
    inRecovery: true,
    substances: ['alcohol'],
    otherSubstance: '',
    recoveryStartDate: '2026-01-01',
    supportNote: `${marker} group`,
  };
  expect((await owner.put('/api/me/intake', intake)).status).toBe(200);
  const patterns = { 'shared-use': 'sometimes', enabling: null, 'caretaker-dependent': 'often', 'avoiding-conflict': 'unsure' };
  expect((await owner.put('/api/me/reflection', { patterns, note: `${marker} reflection` })).status).toBe(200);
  expect((await owner.post('/api/me/assessments', { instrumentId: 'gad-7', submissionId: randomUUID(), answers: gad7 })).status).toBe(201);
}

async function openStream(person: TestClient, headers: Record<string, string> = {}): Promise<SseClient> {
  const opened = await SseClient.open(baseUrl, person.cookieHeader(), '/api/couple/events', headers);
  expect(opened.status, JSON.stringify(opened.body)).toBe(200);
  streams.push(opened.client!);
  await opened.client!.next((m) => m.event === 'ready');
  return opened.client!;
}

/** A couple with joint features open, each partner sharing every kind they can with the other. */
async function sharingCouple() {
  const couple = await newCouple(t, [`Owner ${randomUUID().slice(0, 6)}`, `Partner ${randomUUID().slice(0, 6)}`]);
  for (const person of [couple.a, couple.b]) {
    expect((await person.post('/api/me/assessments', { instrumentId: 'hark', submissionId: randomUUID(), answers: hark })).status).toBe(
      201,
    );
    for (const kind of partnerKinds) {
      expect((await person.put(`/api/me/sharing/${kind}`, { audience: 'partner' })).status, kind).toBe(200);
    }
  }
  expect((await couple.a.get('/api/couple/joint-features')).body).toEqual({ status: 'open' });
  return couple;
}

/** The reads of what `writeEverything` writes: shown to the partner while shared. */
const mustShow = ['/support-preferences', '/intake', '/reflection', '/checkins', '/assessments/'];

function publish(coupleId: string, type: string, actorId: string): Promise<void> {
  return t.database.db.transaction().execute((tx) => publishCoupleEvent(tx, coupleId, { type, actorId, data: {} }));
}

describe('revoking sharing', () => {
  it('hides the owner’s data on the very next read of every route, sends nothing to the partner’s open stream, caches nothing, exports nothing', async () => {
    const { a: owner, b: partner, coupleId } = await sharingCouple();
    await writeEverything(owner, 'before-revoking');
    const stream = await openStream(partner);
    const reads = peopleReads(owner);
    expect(reads.length).toBeGreaterThanOrEqual(10);
    const shared = reads.filter((read) => read.kind !== undefined && partnerKinds.includes(read.kind));
    expect(shared.length).toBeGreaterThanOrEqual(8);
    let seen = 0;
    for (const read of shared) {
      const answer = await partner.get(read.url);
      // Shared and written: shown. (A kind with nothing written yet may answer 404 either way.)
      expect(answer.status === 200 || !mustShow.some((path) => read.path.includes(path)), read.path).toBe(true);
      seen += answer.status === 200 ? 1 : 0;
      // Nothing for a browser or proxy cache to answer from later.
      expect(answer.headers['cache-control'], read.path).toBe('no-store');
      expect(answer.headers['etag'], read.path).toBeUndefined();
      expect(answer.headers['last-modified'], read.path).toBeUndefined();
    }
    expect(seen).toBeGreaterThanOrEqual(8);
    expect(JSON.stringify((await partner.get(`/api/people/${owner.userId}/support-preferences`)).body)).toContain('before-revoking helps');

    for (const kind of partnerKinds) {
      expect((await owner.put(`/api/me/sharing/${kind}`, { audience: 'private' })).status).toBe(200);
    }
    // The very next request of each route of a revoked kind: exactly what an id that names nobody answers.
    // (Kinds told entry by entry, like lapse reports, have no setting to revoke; none of the markers is in them.)
    for (const read of reads) {
      const answer = await partner.get(read.url);
      expect(JSON.stringify(answer.body), read.path).not.toContain('before-revoking');
      if (read.kind === undefined || !partnerKinds.includes(read.kind)) {
        continue;
      }
      expect({ status: answer.status, body: { ...answer.body, instance: undefined } }, read.path).toEqual(
        await absentAnswer(partner, read.url, owner.userId!),
      );
      expect(answer.status, read.path).toBe(404);
    }

    // The owner keeps writing; the partner's stream, open all along, gets nothing of it.
    await writeEverything(owner, 'after-revoking');
    await publish(coupleId, 'couple.test-control', partner.userId!);
    await stream.event('couple.test-control');
    expect(stream.events.map((event) => event.type)).toEqual(['couple.test-control']);
    expect(stream.messages.map((m) => m.data).join('\n')).not.toMatch(/before-revoking|after-revoking/);
    expect(stream.isEnded).toBe(false);

    // The partner's export is built at request time from the partner's own rows only.
    const exported = await partner.get('/api/me/assessments/fhir');
    expect(exported.status).toBe(200);
    const ownerAssessments = (await owner.get('/api/me/assessments')).body.assessments as Array<{ id: string }>;
    expect(ownerAssessments.length).toBeGreaterThanOrEqual(2);
    const text = JSON.stringify(exported.body);
    for (const secret of [owner.userId!, ...ownerAssessments.map((row) => row.id), 'before-revoking', 'after-revoking']) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('leaving the couple', () => {
  it('ends the leaver’s open stream at once; the one left behind gets a plain notice and nothing of the leaver after it', async () => {
    const { a: leaver, b: stays, coupleId } = await sharingCouple();
    await writeEverything(leaver, 'leaver-before');
    await writeEverything(stays, 'stays-before');
    const leaverStream = await openStream(leaver);
    const staysStream = await openStream(stays);
    // Joint events flow while both are in (the positive control).
    await publish(coupleId, 'trust.recorded', leaver.userId!);
    await staysStream.event('trust.recorded');
    await leaverStream.event('trust.recorded');

    expect((await leaver.post('/api/couple/leave')).status).toBe(204);
    expect(await leaverStream.endsWithin(1_000)).toBe(true);
    expect((await staysStream.event('couple.left')).actorId).toBe(leaver.userId);

    // A joint event of the old couple written in the same moment (a write racing the leaving) is held back now.
    await publish(coupleId, 'trust.recorded', leaver.userId!);
    await writeEverything(leaver, 'leaver-after');
    await publish(coupleId, 'couple.test-control', stays.userId!);
    await staysStream.event('couple.test-control');
    expect(staysStream.events.map((event) => event.type)).toEqual(['trust.recorded', 'couple.left', 'couple.test-control']);
    expect(leaverStream.events.map((event) => event.type)).toEqual(['trust.recorded']);
    expect(staysStream.messages.map((m) => m.data).join('\n')).not.toMatch(/leaver-before|leaver-after/);

    // Reconnecting from the start replays no joint event of the old pair: only membership facts.
    const resumed = await openStream(stays, { 'last-event-id': '0' });
    await publish(coupleId, 'couple.test-control-2', stays.userId!);
    await resumed.event('couple.test-control-2');
    expect(resumed.events.every((event) => String(event.type).startsWith('couple.'))).toBe(true);
    // The leaver's old session cannot open or resume the couple's stream.
    for (const headers of [{}, { 'last-event-id': '0' }] as Array<Record<string, string>>) {
      const refused = await SseClient.open(baseUrl, leaver.cookieHeader(), '/api/couple/events', headers);
      expect(refused.status).toBe(409);
    }
  });

  it('the ex-partner’s old session and the one left behind see nothing of each other on any route, and exports carry nothing of the other', async () => {
    const { a: leaver, b: stays } = await sharingCouple();
    await writeEverything(leaver, 'leaver-data');
    await writeEverything(stays, 'stays-data');
    for (const read of peopleReads(stays).filter((r) => mustShow.some((path) => r.path.includes(path)))) {
      expect((await leaver.get(read.url)).status, read.path).toBe(200);
    }
    const leaverCookie = leaver.sessionCookie();
    expect((await leaver.post('/api/couple/leave')).status).toBe(204);
    // The same session as before leaving (no new log-in).
    expect(leaver.sessionCookie()).toBe(leaverCookie);

    for (const [viewer, owner] of [
      [leaver, stays],
      [stays, leaver],
    ] as const) {
      for (const read of peopleReads(owner)) {
        const answer = await viewer.get(read.url);
        expect(answer.status, read.path).toBe(404);
        expect({ status: answer.status, body: { ...answer.body, instance: undefined } }, read.path).toEqual(
          await absentAnswer(viewer, read.url, owner.userId!),
        );
      }
      const exported = JSON.stringify((await viewer.get('/api/me/assessments/fhir')).body);
      expect(exported).not.toContain(owner.userId!);
      expect(exported).not.toMatch(/leaver-data|stays-data/);
    }
    expect((await leaver.get('/api/couple')).body.code).toBe('not-in-couple');
    const joint = await leaver.get('/api/couple/joint-features');
    expect(joint.status).toBe(409);
    const staysView = await stays.get('/api/couple');
    expect(staysView.body.partners.map((p: { id: string }) => p.id)).toEqual([stays.userId]);
  });
});

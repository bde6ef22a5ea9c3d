import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type DatabaseConnection } from 'kysely';
import { ConfigError, loadConfig } from '../src/platform/config';
import { publishCoupleEvent } from '../src/platform/events';
import { buildTestApp, newPerson, newProgram, type TestApp, type TestClient } from './test-app';
import { listeningUrl, SseClient } from './sse-client';

/**
 * Idle timeouts and lifetimes per role (issue 10): 15 minutes idle for clinicians and program
 * admins, SESSION_IDLE_MINUTES (30 by default) for partners, and an absolute lifetime (12 hours
 * for staff, SESSION_MAX_HOURS for partners). The clock is the database's (`now()` decides every
 * check), so the tests move a session's `last_seen_at` / `created_at` back instead of waiting:
 * a staff session 16 minutes idle must be refused, which a 30-minute staff timeout would not do.
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

async function idleFor(app: TestApp, person: TestClient, minutes: number): Promise<void> {
  const moved =
    await sql`update sessions set last_seen_at = now() - make_interval(mins => ${minutes}) where user_id = ${person.userId}`.execute(
      app.database.db,
    );
  expect(Number(moved.numAffectedRows)).toBe(1);
}

async function startedHoursAgo(app: TestApp, person: TestClient, hours: number): Promise<void> {
  await sql`update sessions set created_at = now() - make_interval(hours => ${hours}), last_seen_at = now() where user_id = ${person.userId}`.execute(
    app.database.db,
  );
}

/** A clinician who is also a partner in a couple space of their own (so the couple routes answer 200). */
async function clinicianInACouple(app: TestApp) {
  const program = await newProgram(app);
  const partner = await newPerson(app, 'Partner of the clinician');
  await program.clinician.post('/api/couple');
  const invite = await program.clinician.post('/api/couple/invites');
  expect((await partner.post(`/api/invites/${invite.body.token}/accept`)).status).toBe(200);
  return { ...program, partner };
}

describe('idle timeout per role', () => {
  it('ends a clinician’s and a program admin’s session after 15 idle minutes, a partner’s only after 30', async () => {
    const { admin, clinician, partner } = await clinicianInACouple(t);
    for (const staff of [admin, clinician]) {
      await idleFor(t, staff, 14);
      expect((await staff.get('/api/me')).status).toBe(200);
      await idleFor(t, staff, 16);
      const ended = await staff.get('/api/me');
      expect(ended.status).toBe(401);
      expect(ended.body.code).toBe('unauthenticated');
    }
    await idleFor(t, partner, 16);
    expect((await partner.get('/api/me')).status).toBe(200);
    await idleFor(t, partner, 29);
    expect((await partner.get('/api/me')).status).toBe(200);
    await idleFor(t, partner, 31);
    expect((await partner.get('/api/me')).status).toBe(401);
  });

  it('applies the same rule on the one-statement session check of hot routes (GET /api/couple)', async () => {
    const { clinician, partner } = await clinicianInACouple(t);
    await idleFor(t, clinician, 14);
    expect((await clinician.get('/api/couple')).status).toBe(200);
    await idleFor(t, partner, 16);
    expect((await partner.get('/api/couple')).status).toBe(200);
    await idleFor(t, clinician, 16);
    const ended = await clinician.get('/api/couple');
    expect(ended.status).toBe(401);
    expect(ended.body.code).toBe('unauthenticated');
  });

  it('closes a staff member’s open event stream at the next check after 15 idle minutes; a partner’s stays open', async () => {
    const { clinician, partner } = await clinicianInACouple(t);
    const open = async (person: TestClient) => {
      const opened = await SseClient.open(baseUrl, person.cookieHeader());
      expect(opened.status).toBe(200);
      streams.push(opened.client!);
      await opened.client!.next((m) => m.event === 'ready');
      return opened.client!;
    };
    const staffStream = await open(clinician);
    const partnerStream = await open(partner);
    const coupleId = (await partner.get('/api/couple')).body.id as string;
    await idleFor(t, clinician, 16);
    await idleFor(t, partner, 16);
    // An event makes the hub re-check every stream of the couple before delivering it.
    await t.database.db
      .transaction()
      .execute((tx) => publishCoupleEvent(tx, coupleId, { type: 'couple.test-idle', actorId: partner.userId! }));
    expect(await partnerStream.event('couple.test-idle')).toMatchObject({ type: 'couple.test-idle' });
    expect(await staffStream.endsWithin(2_000)).toBe(true);
    expect(staffStream.events).toEqual([]);
    expect(partnerStream.isEnded).toBe(false);
    partnerStream.close();
  });

  it('follows the role as it is now: a clinician whose role ended gets the partner timeout, a new clinician the staff one', async () => {
    const { clinician } = await clinicianInACouple(t);
    await sql`update program_staff set active = false where user_id = ${clinician.userId}`.execute(t.database.db);
    await idleFor(t, clinician, 20);
    expect((await clinician.get('/api/me')).status).toBe(200);

    const program = await newProgram(t, 'Another program');
    const invite = await program.admin.post(`/api/programs/${program.programId}/clinician-invites`);
    const newcomer = await newPerson(t, 'New clinician');
    await idleFor(t, newcomer, 20);
    expect((await newcomer.get('/api/me')).status).toBe(200);
    expect((await newcomer.post(`/api/invites/${invite.body.token}/accept`)).status).toBe(200);
    await idleFor(t, newcomer, 16);
    expect((await newcomer.get('/api/me')).status).toBe(401);
  });
});

describe('the cost of the rule', () => {
  it('keeps GET /api/couple one statement for a partner and for a clinician (the role is read in it)', async () => {
    const { clinician, partner } = await clinicianInACouple(t);
    // Count every statement the app sends through its database handle.
    const executor = t.database.db.getExecutor() as unknown as {
      provideConnection<T>(consumer: (connection: DatabaseConnection) => Promise<T>): Promise<T>;
    };
    const original = executor.provideConnection;
    const provide = original.bind(executor);
    // The event hub's own statements (stream re-checks and deliveries, on timers) are not the request's.
    const isHub = (text: string) => text.includes('couple_events') || text.includes('couple_members m on m.user_id = s.user_id');
    let statements = 0;
    executor.provideConnection = (consumer) =>
      provide((connection) =>
        consumer({
          executeQuery: (query) => {
            statements += isHub(query.sql) ? 0 : 1;
            return connection.executeQuery(query);
          },
          streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
        }),
      );
    try {
      for (const person of [partner, clinician]) {
        await idleFor(t, person, 0);
        statements = 0;
        expect((await person.get('/api/couple')).status).toBe(200);
        expect(statements).toBe(1);
        // Over a minute since the last request: the one extra write of last_seen_at, as before.
        await idleFor(t, person, 2);
        statements = 0;
        expect((await person.get('/api/couple')).status).toBe(200);
        expect(statements).toBe(2);
      }
    } finally {
      executor.provideConnection = original;
    }
  });
});

describe('absolute lifetime per role', () => {
  it('ends a staff session 12 hours after log-in however active it is; a partner’s lives SESSION_MAX_HOURS (7 days)', async () => {
    const { clinician, partner } = await clinicianInACouple(t);
    await startedHoursAgo(t, clinician, 11);
    expect((await clinician.get('/api/me')).status).toBe(200);
    await startedHoursAgo(t, clinician, 13);
    expect((await clinician.get('/api/me')).status).toBe(401);
    await startedHoursAgo(t, partner, 13);
    expect((await partner.get('/api/me')).status).toBe(200);
    await startedHoursAgo(t, partner, 24 * 7 - 1);
    expect((await partner.get('/api/me')).status).toBe(200);
    await startedHoursAgo(t, partner, 24 * 7 + 1);
    expect((await partner.get('/api/me')).status).toBe(401);
  });
});

describe('session settings', () => {
  it('lets a deployment choose the partners’ idle timeout, and a stricter staff one', async () => {
    const custom = await buildTestApp({ SESSION_IDLE_MINUTES: '60', SESSION_STAFF_IDLE_MINUTES: '10' });
    try {
      const { clinician, partner } = await clinicianInACouple(custom);
      await idleFor(custom, partner, 45);
      expect((await partner.get('/api/me')).status).toBe(200);
      await idleFor(custom, partner, 61);
      expect((await partner.get('/api/me')).status).toBe(401);
      await idleFor(custom, clinician, 11);
      expect((await clinician.get('/api/me')).status).toBe(401);
    } finally {
      await custom.close();
    }
  });

  it('refuses a staff idle timeout over 15 minutes and lifetimes that contradict each other, naming the variable', () => {
    const problems = (env: Record<string, string>) => {
      try {
        loadConfig(env);
        return '';
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as Error).message;
      }
    };
    expect(problems({ SESSION_STAFF_IDLE_MINUTES: '30' })).toContain('SESSION_STAFF_IDLE_MINUTES');
    expect(problems({ SESSION_STAFF_IDLE_MINUTES: '0' })).toContain('SESSION_STAFF_IDLE_MINUTES');
    expect(problems({ SESSION_STAFF_MAX_HOURS: '48' })).toContain('SESSION_STAFF_MAX_HOURS');
    expect(problems({ SESSION_MAX_HOURS: '6' })).toContain('SESSION_STAFF_MAX_HOURS');
    expect(problems({ SESSION_IDLE_MINUTES: '120', SESSION_MAX_HOURS: '1', SESSION_STAFF_MAX_HOURS: '1' })).toContain(
      'SESSION_IDLE_MINUTES',
    );
    expect(loadConfig({}).sessionPolicy).toEqual({ idleMinutes: 30, maxHours: 168, staffIdleMinutes: 15, staffMaxHours: 12 });
  });
});

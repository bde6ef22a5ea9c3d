import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Temporal } from 'temporal-polyfill';
import { clock } from '../../platform/local-date';
import { buildTestApp, enroll, newCouple, newPerson, newProgram, type TestApp, type TestClient } from '../../../test/test-app';

/**
 * Sessions with the care team through the API. The test people live in America/Chicago; a partner
 * moves to Europe/Madrid to see times on their own clock. The clock is fixed at 2026-11-20.
 */
let t: TestApp;
const realNow = clock.now;
beforeAll(async () => {
  t = await buildTestApp();
  clock.now = () => Temporal.Instant.from('2026-11-20T15:00:00Z');
});
afterAll(async () => {
  clock.now = realNow;
  await t.close();
});
afterEach(() => {
  clock.now = () => Temporal.Instant.from('2026-11-20T15:00:00Z');
});

async function enrolledCouple() {
  const program = await newProgram(t);
  const couple = await newCouple(t, ['Alex', 'Blake']);
  await enroll(couple, program);
  const base = `/api/programs/${program.programId}/couples/${couple.coupleId}`;
  return { ...program, ...couple, base };
}

const joint = { format: 'joint', start: { date: '2026-11-24', time: '17:30' }, durationMinutes: 60, place: 'Riverside clinic, room 3' };
const individualFor = (partnerId: string) => ({
  format: 'individual',
  partnerId,
  start: { date: '2026-11-25', time: '09:00' },
  videoUrl: 'https://video.example.org/room/42',
});
const ids = (answer: { body: { sessions: Array<{ id: string }> } }) => answer.body.sessions.map((session) => session.id);

describe('scheduling', () => {
  it('a clinician schedules a joint session on their own clock; each partner sees it on theirs', async () => {
    const c = await enrolledCouple();
    const made = await c.clinician.post(`${c.base}/sessions`, joint);
    expect(made.status).toBe(201);
    // 17:30 in Chicago (UTC-6 in November) is 23:30 UTC.
    expect(made.body).toMatchObject({
      format: 'joint',
      startsAt: '2026-11-24T23:30:00.000Z',
      endsAt: '2026-11-25T00:30:00.000Z',
      local: { date: '2026-11-24', time: '17:30', endTime: '18:30', timeZone: 'America/Chicago' },
      status: 'scheduled',
      place: 'Riverside clinic, room 3',
      videoUrl: null,
      clinician: { id: c.clinician.userId, displayName: 'Dr. Casey' },
      can: { reschedule: true, cancel: true, recordAttendance: true },
    });
    expect(made.body.participants.map((p: { displayName: string }) => p.displayName)).toEqual(['Alex', 'Blake']);

    expect((await c.b.patch('/api/me', { timeZone: 'Europe/Madrid' })).status).toBe(200);
    const blakes = await c.b.get('/api/me/care-sessions');
    expect(blakes.status).toBe(200);
    expect(blakes.body.sessions).toEqual([
      expect.objectContaining({
        id: made.body.id,
        local: { date: '2026-11-25', time: '00:30', endTime: '01:30', timeZone: 'Europe/Madrid' },
        can: { reschedule: false, cancel: false, recordAttendance: false },
      }),
    ]);
    expect(ids(await c.a.get('/api/me/care-sessions'))).toEqual([made.body.id]);
  });

  it("a partner never sees the other partner's individual sessions, nor their attendance", async () => {
    const c = await enrolledCouple();
    const together = await c.clinician.post(`${c.base}/sessions`, joint);
    const alexAlone = await c.clinician.post(`${c.base}/sessions`, individualFor(c.a.userId!));
    const blakeAlone = await c.clinician.post(`${c.base}/sessions`, individualFor(c.b.userId!));
    expect([together.status, alexAlone.status, blakeAlone.status]).toEqual([201, 201, 201]);
    expect(alexAlone.body.participants).toEqual([{ personId: c.a.userId, displayName: 'Alex', attendance: null }]);

    expect(ids(await c.a.get('/api/me/care-sessions'))).toEqual([together.body.id, alexAlone.body.id]);
    expect(ids(await c.b.get('/api/me/care-sessions'))).toEqual([together.body.id, blakeAlone.body.id]);

    await c.clinician.put(`/api/programs/${c.programId}/sessions/${together.body.id}/attendance`, {
      attendance: [
        { personId: c.a.userId, attendance: 'attended' },
        { personId: c.b.userId, attendance: 'missed' },
      ],
    });
    const seenByAlex = (await c.a.get('/api/me/care-sessions')).body.sessions[0];
    expect(seenByAlex.participants).toEqual([
      { personId: c.a.userId, displayName: 'Alex', attendance: 'attended' },
      { personId: c.b.userId, displayName: 'Blake', attendance: null },
    ]);
    // Nothing of the other's individual session leaks through the clinician's routes either.
    expect((await c.a.get(`${c.base}/sessions`)).status).toBe(404);
    expect((await c.a.post(`/api/programs/${c.programId}/sessions/${blakeAlone.body.id}/cancel`)).status).toBe(404);
    const feed = await c.a.post('/api/me/calendar-feed');
    const ics = await new TestClientless(t).fetch(feed.body.url);
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).not.toContain(blakeAlone.body.id);
  });

  it('when a partner leaves the couple, joint sessions yet to come disappear for both; past ones and individual ones stay', async () => {
    const c = await enrolledCouple();
    const past = await c.clinician.post(`${c.base}/sessions`, { ...joint, start: { date: '2026-11-18', time: '17:30' } });
    const coming = await c.clinician.post(`${c.base}/sessions`, joint);
    const blakeAlone = await c.clinician.post(`${c.base}/sessions`, individualFor(c.b.userId!));
    const feed = await c.a.post('/api/me/calendar-feed');
    expect(ids(await c.a.get('/api/me/care-sessions'))).toEqual([past.body.id, coming.body.id]);
    expect((await c.a.post('/api/couple/leave')).status).toBe(204);
    expect(ids(await c.a.get('/api/me/care-sessions'))).toEqual([past.body.id]);
    expect(ids(await c.b.get('/api/me/care-sessions'))).toEqual([past.body.id, blakeAlone.body.id]);
    const ics = (await t.app.inject({ method: 'GET', url: new URL(feed.body.url).pathname })).body;
    expect(ics).not.toContain(coming.body.id);
    // The care team still sees it, to cancel it.
    expect(ids(await c.clinician.get(`${c.base}/sessions`))).toContain(coming.body.id);
  });

  it('schedules only partners who accepted the program', async () => {
    const program = await newProgram(t);
    const couple = await newCouple(t, ['Alex', 'Blake']);
    const invite = await program.clinician.post(`/api/programs/${program.programId}/couple-invites`);
    await couple.a.post(`/api/invites/${invite.body.token}/accept`);
    const base = `/api/programs/${program.programId}/couples/${couple.coupleId}`;
    const jointTry = await program.clinician.post(`${base}/sessions`, joint);
    expect(jointTry.status).toBe(400);
    expect(jointTry.body.errors).toEqual([expect.objectContaining({ pointer: '/format' })]);
    const blakeTry = await program.clinician.post(`${base}/sessions`, individualFor(couple.b.userId!));
    expect(blakeTry.status).toBe(400);
    expect(blakeTry.body.errors).toEqual([expect.objectContaining({ pointer: '/partnerId' })]);
    expect((await program.clinician.post(`${base}/sessions`, individualFor(couple.a.userId!))).status).toBe(201);
    // When Alex leaves the program, their session no longer shows to the clinician and cannot be changed.
    const listed = await program.clinician.get(`${base}/sessions`);
    expect(listed.body.sessions).toHaveLength(1);
    await couple.a.delete(`/api/programs/${program.programId}/enrollment`);
    expect((await program.clinician.get(`${base}/sessions`)).status).toBe(404);
    expect((await program.clinician.post(`/api/programs/${program.programId}/sessions/${listed.body.sessions[0].id}/cancel`)).status).toBe(
      404,
    );
    // Alex still sees their own session.
    expect((await couple.a.get('/api/me/care-sessions')).body.sessions).toHaveLength(1);
  });

  it('refuses bad input with the field at fault and saves nothing', async () => {
    const c = await enrolledCouple();
    const cases: Array<[unknown, string]> = [
      [{ ...joint, place: null }, '/place'],
      [{ ...joint, format: 'individual' }, '/partnerId'],
      [{ ...joint, partnerId: c.a.userId }, '/partnerId'],
      [{ ...joint, durationMinutes: 5 }, '/durationMinutes'],
      [{ ...joint, start: { date: '2026-02-30', time: '10:00' } }, '/start/date'],
      [{ ...joint, start: { date: '2026-11-24', time: '24:00' } }, '/start/time'],
      [{ ...joint, start: { date: '2031-11-24', time: '10:00' } }, '/start/date'],
      [{ ...joint, place: null, videoUrl: 'http://video.example.org/x' }, '/videoUrl'],
      [{ ...individualFor(c.a.userId!), partnerId: (await newPerson(t)).userId }, '/partnerId'],
    ];
    for (const [body, pointer] of cases) {
      const answer = await c.clinician.post(`${c.base}/sessions`, body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.headers['content-type']).toContain('application/problem+json');
      expect(answer.body.errors.map((e: { pointer: string }) => e.pointer)).toContain(pointer);
    }
    expect((await c.clinician.get(`${c.base}/sessions`)).body.sessions).toEqual([]);
  });

  it('keeps a time skipped by the spring-forward change moving forward', async () => {
    const c = await enrolledCouple();
    clock.now = () => Temporal.Instant.from('2026-03-01T15:00:00Z');
    // 02:30 does not exist in Chicago on 2026-03-08: it becomes 03:30 CDT (08:30 UTC).
    const made = await c.clinician.post(`${c.base}/sessions`, { ...joint, start: { date: '2026-03-08', time: '02:30' } });
    expect(made.body).toMatchObject({ startsAt: '2026-03-08T08:30:00.000Z', local: { date: '2026-03-08', time: '03:30' } });
  });
});

describe('rescheduling, cancelling and attendance', () => {
  it('moves, records attendance and cancels; a cancelled session cannot change', async () => {
    const c = await enrolledCouple();
    const made = await c.clinician.post(`${c.base}/sessions`, joint);
    const item = `/api/programs/${c.programId}/sessions/${made.body.id}`;
    const moved = await c.clinician.put(item, {
      start: { date: '2026-11-26', time: '10:00' },
      durationMinutes: 90,
      place: null,
      videoUrl: 'https://video.example.org/room/7',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ startsAt: '2026-11-26T16:00:00.000Z', durationMinutes: 90, place: null });

    const recorded = await c.clinician.put(`${item}/attendance`, { attendance: [{ personId: c.a.userId, attendance: 'late' }] });
    expect(recorded.body.participants).toEqual([
      { personId: c.a.userId, displayName: 'Alex', attendance: 'late' },
      { personId: c.b.userId, displayName: 'Blake', attendance: null },
    ]);
    const stranger = await newPerson(t);
    const wrong = await c.clinician.put(`${item}/attendance`, { attendance: [{ personId: stranger.userId, attendance: 'attended' }] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ pointer: '/attendance/0/personId' })]);

    const cancelled = await c.clinician.post(`${item}/cancel`);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', can: { reschedule: false, cancel: false, recordAttendance: false } });
    expect((await c.clinician.post(`${item}/cancel`)).status).toBe(409);
    expect((await c.clinician.put(`${item}/attendance`, { attendance: [{ personId: c.a.userId, attendance: 'attended' }] })).status).toBe(
      409,
    );
    expect((await c.a.get('/api/me/care-sessions')).body.sessions[0].status).toBe('cancelled');
  });

  it('answers 404 to a clinician of another program and to the partners on every clinician route', async () => {
    const c = await enrolledCouple();
    const made = await c.clinician.post(`${c.base}/sessions`, joint);
    const elsewhere = await newProgram(t, 'Elsewhere');
    const item = `/api/programs/${c.programId}/sessions/${made.body.id}`;
    const otherProgramItem = `/api/programs/${elsewhere.programId}/sessions/${made.body.id}`;
    for (const who of [elsewhere.clinician, c.a, c.b, c.admin] as TestClient[]) {
      expect((await who.get(`${c.base}/sessions`)).status).not.toBe(200);
      expect((await who.post(`${item}/cancel`)).status).not.toBe(200);
    }
    expect((await elsewhere.clinician.get(`${c.base}/sessions`)).status).toBe(404);
    expect((await elsewhere.clinician.post(`${otherProgramItem}/cancel`)).status).toBe(404);
    expect((await elsewhere.clinician.get(`/api/programs/${elsewhere.programId}/couples/${c.coupleId}/sessions`)).status).toBe(404);
    expect((await c.b.get(`${c.base}/sessions`)).status).toBe(404);
    // The program admin is not the couple's clinician: no clinical scheduling, and the couple does not exist for them.
    expect((await c.admin.get(`${c.base}/sessions`)).status).toBe(404);
    expect((await c.clinician.get('/api/me/care-sessions')).body.sessions).toEqual([]);
  });

  it("a clinician's reads of a couple's sessions are in each partner's access log", async () => {
    const c = await enrolledCouple();
    await c.clinician.post(`${c.base}/sessions`, joint);
    await c.clinician.get(`${c.base}/sessions`);
    for (const partner of [c.a, c.b]) {
      const log = await partner.get('/api/me/access-log');
      expect(log.body.events).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ kind: 'care-sessions', viewer: expect.objectContaining({ relation: 'clinician' }) }),
        ]),
      );
    }
  });
});

/** Fetches a URL of this app without any cookie, as a calendar app does. */
class TestClientless {
  constructor(private readonly test: TestApp) {}
  async fetch(url: string): Promise<string> {
    const answer = await this.test.app.inject({ method: 'GET', url: new URL(url).pathname });
    expect(answer.statusCode).toBe(200);
    return answer.body;
  }
}

describe('calendar feeds', () => {
  it('a secret address serves my sessions as .ics in neutral words; a new one revokes the old', async () => {
    const c = await enrolledCouple();
    const made = await c.clinician.post(`${c.base}/sessions`, joint);
    await c.clinician.post(`${c.base}/sessions`, individualFor(c.a.userId!));
    expect((await c.a.get('/api/me/calendar-feed')).body).toEqual({ active: false, createdAt: null });
    const feed = await c.a.post('/api/me/calendar-feed');
    expect(feed.status).toBe(201);
    expect(feed.body.url).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\/sessions\.ics$/);
    expect((await c.a.get('/api/me/calendar-feed')).body.active).toBe(true);

    const path = new URL(feed.body.url).pathname;
    const answer = await t.app.inject({ method: 'GET', url: path });
    expect(answer.statusCode).toBe(200);
    expect(answer.headers['content-type']).toContain('text/calendar');
    expect(answer.headers['cache-control']).toBe('no-store');
    const ics = answer.body;
    expect(ics).toContain('BEGIN:VCALENDAR');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics).toContain(`UID:${made.body.id}@twofold`);
    expect(ics).toContain('DTSTART:20261124T233000Z');
    expect(ics.match(/SUMMARY:Twofold session/g)).toHaveLength(2);
    for (const word of [
      'Alex',
      'Blake',
      'Casey',
      'Riverside',
      'video.example.org',
      'joint',
      'individual',
      'Program',
      'therapy',
      'recovery',
    ]) {
      expect(ics.toLowerCase()).not.toContain(word.toLowerCase());
    }

    // Cancelling shows as a cancelled event with a higher sequence, so calendars drop it.
    await c.clinician.post(`/api/programs/${c.programId}/sessions/${made.body.id}/cancel`);
    const after = (await t.app.inject({ method: 'GET', url: path })).body;
    expect(after).toMatch(/STATUS:CANCELLED/);
    expect(after).toMatch(/SEQUENCE:1/);

    const renewed = await c.a.post('/api/me/calendar-feed');
    expect((await t.app.inject({ method: 'GET', url: path })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: new URL(renewed.body.url).pathname })).statusCode).toBe(200);
    expect((await c.a.delete('/api/me/calendar-feed')).status).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: new URL(renewed.body.url).pathname })).statusCode).toBe(404);
    expect((await c.a.delete('/api/me/calendar-feed')).status).toBe(404);
  });

  it("a clinician's feed has the sessions they run, and stops when they are deactivated", async () => {
    const c = await enrolledCouple();
    await c.clinician.post(`${c.base}/sessions`, joint);
    const feed = await c.clinician.post('/api/me/calendar-feed');
    const path = new URL(feed.body.url).pathname;
    expect((await t.app.inject({ method: 'GET', url: path })).body.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    await t.database.db.updateTable('programStaff').set({ active: false }).where('userId', '=', c.clinician.userId!).execute();
    const empty = await t.app.inject({ method: 'GET', url: path });
    expect(empty.statusCode).toBe(200);
    expect(empty.body).not.toContain('BEGIN:VEVENT');
  });

  it('a made-up or malformed address is not found', async () => {
    expect((await t.app.inject({ method: 'GET', url: `/api/calendar/${'A'.repeat(43)}/sessions.ics` })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/calendar/short/sessions.ics' })).statusCode).toBe(400);
  });
});

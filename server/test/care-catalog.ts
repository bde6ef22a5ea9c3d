import { addDays, todayIn } from '../src/platform/local-date';
import type { ActorName, Row, Scenario } from './route-catalog';
import type { TestClient } from './test-app';

/**
 * The rows of the route catalogue for the care team's sessions, calendar feeds and homework
 * (issue 8), and the scenario's items: a joint session and an individual session of the owner,
 * homework for the owner, and the owner's calendar feed. Clinician routes answer only the
 * clinician of the program (everyone else 404, like an unknown couple); /api/me routes act on the
 * person's own items only (the partner gets 404 for the owner's homework). The feed address is a
 * bearer secret: whoever holds it gets the feed, without a session, as calendar apps do.
 */
export interface CareItems {
  coupleId: string;
  jointSessionId: string;
  ownerSessionId: string;
  homeworkId: string;
  feedToken: string;
}

const noSuchItem = '00000000-0000-4000-8000-000000000000';
const itemsOf = (s: Scenario): CareItems =>
  s.care ?? {
    coupleId: noSuchItem,
    jointSessionId: noSuchItem,
    ownerSessionId: noSuchItem,
    homeworkId: noSuchItem,
    feedToken: 'A'.repeat(43),
  };

/** A day some weeks ahead (sessions are scheduled within two years of today). */
const ahead = (days: number) => addDays(todayIn('America/Chicago'), days);

export const sessionExample = {
  format: 'joint',
  partnerId: null,
  start: { date: ahead(30), time: '17:30' },
  durationMinutes: 50,
  place: 'Riverside clinic, room 3',
  videoUrl: null,
};
export const rescheduleExample = {
  start: { date: ahead(31), time: '10:00' },
  durationMinutes: 60,
  place: 'Riverside clinic, room 4',
  videoUrl: null,
};
export const homeworkExample = {
  assignees: [] as string[],
  kind: 'skill-practice',
  target: 'breathing',
  dueDate: ahead(35),
  instructions: 'Twice this week, after work',
};

/** One joint session, one individual session of the owner, homework for the owner, and the owner's feed. */
export async function buildCare(clinician: TestClient, owner: TestClient, programId: string, coupleId: string): Promise<CareItems> {
  const base = `/api/programs/${programId}/couples/${coupleId}`;
  const joint = await clinician.post(`${base}/sessions`, sessionExample);
  const individual = await clinician.post(`${base}/sessions`, { ...sessionExample, format: 'individual', partnerId: owner.userId });
  const homework = await clinician.post(`${base}/homework`, { ...homeworkExample, assignees: [owner.userId] });
  const feed = await owner.post('/api/me/calendar-feed');
  for (const answer of [joint, individual, homework, feed]) {
    if (answer.status !== 201) {
      throw new Error(`care scenario answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    }
  }
  return {
    coupleId,
    jointSessionId: joint.body.id,
    ownerSessionId: individual.body.id,
    homeworkId: homework.body.id,
    feedToken: new URL(feed.body.url).pathname.split('/')[3]!,
  };
}

const all = (status: number): Record<ActorName, number> => ({
  anonymous: status,
  stranger: status,
  clinicianOutside: status,
  clinicianInProgram: status,
  partner: status,
  partnerWithSharing: status,
  owner: status,
});
const signedIn = (status: number): Record<ActorName, number> => ({ ...all(status), anonymous: 401 });
const ownerOnly = (ok: number): Record<ActorName, number> => ({ ...signedIn(404), owner: ok });
/** Only the clinician of the program: outside it (partners included) the program does not exist. */
const clinicianOnly = (ok: number): Record<ActorName, number> => ({ ...signedIn(404), clinicianInProgram: ok });

const couple = (s: Scenario) => `/api/programs/${s.programId}/couples/${itemsOf(s).coupleId}`;
const session = (s: Scenario, id = itemsOf(s).jointSessionId) => `/api/programs/${s.programId}/sessions/${id}`;

export const careRows: Row[] = [
  {
    method: 'POST',
    url: '/api/programs/:programId/couples/:coupleId/sessions',
    isolated: false,
    request: (s) => ({ url: `${couple(s)}/sessions`, body: sessionExample }),
    expect: clinicianOnly(201),
  },
  {
    method: 'GET',
    url: '/api/programs/:programId/couples/:coupleId/sessions',
    isolated: false,
    request: (s) => ({ url: `${couple(s)}/sessions` }),
    expect: clinicianOnly(200),
  },
  {
    method: 'PUT',
    url: '/api/programs/:programId/sessions/:sessionId',
    isolated: false,
    request: (s) => ({ url: session(s, itemsOf(s).ownerSessionId), body: rescheduleExample }),
    expect: clinicianOnly(200),
  },
  {
    method: 'POST',
    url: '/api/programs/:programId/sessions/:sessionId/cancel',
    // A cancelled session changes what other rows find.
    isolated: true,
    request: (s) => ({ url: `${session(s)}/cancel` }),
    expect: clinicianOnly(200),
  },
  {
    method: 'PUT',
    url: '/api/programs/:programId/sessions/:sessionId/attendance',
    isolated: false,
    request: (s) => ({ url: `${session(s)}/attendance`, body: { attendance: [{ personId: s.owner.userId, attendance: 'attended' }] } }),
    expect: clinicianOnly(200),
  },
  {
    method: 'GET',
    url: '/api/me/care-sessions',
    isolated: false,
    request: () => ({ url: '/api/me/care-sessions' }),
    expect: signedIn(200),
  },
  {
    method: 'GET',
    url: '/api/me/calendar-feed',
    isolated: false,
    request: () => ({ url: '/api/me/calendar-feed' }),
    expect: signedIn(200),
  },
  {
    method: 'POST',
    url: '/api/me/calendar-feed',
    // A new address revokes the owner's one the feed row uses.
    isolated: true,
    request: () => ({ url: '/api/me/calendar-feed' }),
    expect: signedIn(201),
  },
  {
    method: 'DELETE',
    url: '/api/me/calendar-feed',
    isolated: true,
    request: () => ({ url: '/api/me/calendar-feed' }),
    // Only the owner has a feed in the scenario; nobody can stop another person's.
    expect: ownerOnly(204),
  },
  {
    method: 'GET',
    url: '/api/calendar/:token/sessions.ics',
    isolated: false,
    request: (s) => ({ url: `/api/calendar/${itemsOf(s).feedToken}/sessions.ics` }),
    // The secret address is the key, with or without a session (calendar apps send no cookie).
    expect: all(200),
  },
  {
    method: 'POST',
    url: '/api/programs/:programId/couples/:coupleId/homework',
    isolated: false,
    request: (s) => ({ url: `${couple(s)}/homework`, body: { ...homeworkExample, assignees: [s.owner.userId] } }),
    expect: clinicianOnly(201),
  },
  {
    method: 'GET',
    url: '/api/programs/:programId/couples/:coupleId/homework',
    isolated: false,
    request: (s) => ({ url: `${couple(s)}/homework` }),
    expect: clinicianOnly(200),
  },
  {
    method: 'POST',
    url: '/api/programs/:programId/homework/:homeworkId/withdraw',
    isolated: true,
    request: (s) => ({ url: `/api/programs/${s.programId}/homework/${itemsOf(s).homeworkId}/withdraw` }),
    expect: clinicianOnly(200),
  },
  { method: 'GET', url: '/api/me/homework', isolated: false, request: () => ({ url: '/api/me/homework' }), expect: signedIn(200) },
  {
    method: 'PUT',
    url: '/api/me/homework/:homeworkId/done',
    isolated: false,
    request: (s) => ({ url: `/api/me/homework/${itemsOf(s).homeworkId}/done` }),
    expect: ownerOnly(200),
  },
  {
    method: 'DELETE',
    url: '/api/me/homework/:homeworkId/done',
    isolated: false,
    request: (s) => ({ url: `/api/me/homework/${itemsOf(s).homeworkId}/done` }),
    expect: ownerOnly(200),
  },
];

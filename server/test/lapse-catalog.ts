import type { ActorName, Row, Scenario } from './route-catalog';
import type { TestClient } from './test-app';

/**
 * The rows of the route catalogue for lapse reports (issue 7), and the scenario's reports. The
 * owner has two: one untold (its words are the owner's secret: nobody else may ever see them) and
 * one told to both the partner and the care team (plain words), so the people routes have
 * something to disclose. The kind `lapses` is never shared as a whole; single reports are told.
 */
export interface LapseItems {
  untoldId: string;
  toldId: string;
  /** An "I'm struggling" note the partner sent the owner. */
  noteId: string;
}

const noSuchItem = '00000000-0000-4000-8000-000000000000';
const itemsOf = (s: Scenario): LapseItems => s.lapses ?? { untoldId: noSuchItem, toldId: noSuchItem, noteId: noSuchItem };

export const lapseExample = {
  date: '2026-11-20',
  time: '21:30',
  substances: ['alcohol'],
  whatHappened: 'A glass of wine at dinner',
  triggerIds: [],
  warningSigns: ['Skipping my Tuesday group'],
  whatIDidAfter: 'Called my sponsor',
  tellPartner: false,
  tellCareTeam: false,
};

export async function buildLapses(owner: TestClient, secret: string, partner: TestClient): Promise<LapseItems> {
  const untold = await owner.post('/api/me/lapses', { ...lapseExample, whatHappened: secret });
  const told = await owner.post('/api/me/lapses', { ...lapseExample, date: '2026-11-18', tellPartner: true, tellCareTeam: true });
  const note = await partner.post('/api/me/struggling/partner-note', { message: 'Rough evening. Could we talk?' });
  if (untold.status !== 201 || told.status !== 201 || note.status !== 201) {
    throw new Error(`lapse items not written: ${untold.status} ${told.status} ${note.status}`);
  }
  return { untoldId: untold.body.id, toldId: told.body.id, noteId: note.body.id };
}

/** Joint: the two partners of the scenario's couple (joint features open); 409 for anyone else. */
const joint = (ok: number): Record<ActorName, number> => ({
  anonymous: 401,
  stranger: 409,
  clinicianOutside: 409,
  clinicianInProgram: 409,
  partner: ok,
  partnerWithSharing: ok,
  owner: ok,
});

const signedIn = (status: number): Record<ActorName, number> => ({
  anonymous: 401,
  stranger: status,
  clinicianOutside: status,
  clinicianInProgram: status,
  partner: status,
  partnerWithSharing: status,
  owner: status,
});
/** Acting on one of the owner's own reports: only the owner finds it. */
const ownerOnly = (ok: number): Record<ActorName, number> => ({ ...signedIn(404), owner: ok });
/** Reading reports the owner told: the partner (told by name) and the owner's clinician. */
const told: Record<ActorName, number> = {
  anonymous: 401,
  stranger: 404,
  clinicianOutside: 404,
  clinicianInProgram: 200,
  partner: 200,
  partnerWithSharing: 200,
  owner: 200,
};

export const lapseRows: Row[] = [
  { method: 'GET', url: '/api/me/lapses', isolated: false, request: () => ({ url: '/api/me/lapses' }), expect: signedIn(200) },
  {
    method: 'POST',
    url: '/api/me/lapses',
    isolated: false,
    request: () => ({ url: '/api/me/lapses', body: { ...lapseExample, date: '2026-11-01' } }),
    expect: signedIn(201),
  },
  {
    method: 'GET',
    url: '/api/me/lapses/:id',
    isolated: false,
    request: (s) => ({ url: `/api/me/lapses/${itemsOf(s).untoldId}` }),
    expect: ownerOnly(200),
  },
  {
    method: 'PUT',
    url: '/api/me/lapses/:id/telling',
    isolated: false,
    // Keeps it untold: the partner must still not see its words afterwards.
    request: (s) => ({ url: `/api/me/lapses/${itemsOf(s).untoldId}/telling`, body: { partner: false, careTeam: false } }),
    expect: ownerOnly(200),
  },
  {
    method: 'PUT',
    url: '/api/me/lapses/:id/reflection',
    isolated: false,
    request: (s) => ({
      url: `/api/me/lapses/${itemsOf(s).untoldId}/reflection`,
      body: { learned: 'Evenings alone are hard', change: 'Call someone at 8 pm' },
    }),
    expect: ownerOnly(200),
  },
  {
    method: 'DELETE',
    url: '/api/me/lapses/:id',
    isolated: true,
    request: (s) => ({ url: `/api/me/lapses/${itemsOf(s).untoldId}` }),
    expect: ownerOnly(204),
  },
  {
    method: 'GET',
    url: '/api/people/:partnerId/lapses',
    isolated: false,
    kind: 'lapses',
    request: (s) => ({ url: `/api/people/${s.owner.userId}/lapses` }),
    expect: told,
  },
  {
    method: 'GET',
    url: '/api/people/:partnerId/lapses/:id',
    isolated: false,
    kind: 'lapses',
    request: (s) => ({ url: `/api/people/${s.owner.userId}/lapses/${itemsOf(s).toldId}` }),
    expect: told,
  },
  // "I'm struggling" and the warning-sign watch: only ever about the caller.
  { method: 'GET', url: '/api/me/struggling', isolated: false, request: () => ({ url: '/api/me/struggling' }), expect: signedIn(200) },
  {
    method: 'POST',
    url: '/api/me/struggling/partner-note',
    isolated: false,
    request: () => ({ url: '/api/me/struggling/partner-note', body: { message: 'Having a hard time. A hug would help.' } }),
    // Only to a current partner while joint features are open (the stranger's couple has them closed).
    expect: joint(201),
  },
  {
    method: 'GET',
    url: '/api/me/struggling-notes',
    isolated: false,
    request: () => ({ url: '/api/me/struggling-notes' }),
    expect: signedIn(200),
  },
  {
    method: 'PUT',
    url: '/api/me/struggling-notes/:id/read',
    isolated: false,
    request: (s) => ({ url: `/api/me/struggling-notes/${itemsOf(s).noteId}/read` }),
    // Only its recipient (the owner) marks it.
    expect: ownerOnly(204),
  },
  {
    method: 'GET',
    url: '/api/me/warning-sign-watch',
    isolated: false,
    request: () => ({ url: '/api/me/warning-sign-watch' }),
    expect: signedIn(200),
  },
];

import type { ActorName, Row, Scenario } from './route-catalog';
import type { TestClient } from './test-app';

/**
 * The rows of the route catalogue for session notes and the progress report (issue 8), and the
 * scenario's notes: the program's clinician wrote an individual note about the owner (unsigned,
 * edited and then signed by the rows in order) and a joint note, signed and shared with the couple.
 * The partner must never see the individual note; only the clinician in the program reads notes.
 */
export interface SessionNoteItems {
  coupleId: string;
  individualId: string;
  jointId: string;
}

const noSuchItem = '00000000-0000-4000-8000-000000000000';
const itemsOf = (s: Scenario): SessionNoteItems =>
  s.sessionNotes ?? { coupleId: noSuchItem, individualId: noSuchItem, jointId: noSuchItem };
const notesUrl = (s: Scenario) => `/api/programs/${s.programId}/couples/${itemsOf(s).coupleId}/notes`;

export const individualNoteText = 'Individual session: talked about evenings alone and the Tuesday group.';

export async function buildSessionNotes(
  clinician: TestClient,
  programId: string,
  coupleId: string,
  ownerId: string,
): Promise<SessionNoteItems> {
  const url = `/api/programs/${programId}/couples/${coupleId}/notes`;
  const individual = await clinician.post(url, {
    scope: 'individual',
    partnerId: ownerId,
    sessionDate: '2026-11-20',
    body: individualNoteText,
  });
  const joint = await clinician.post(url, {
    scope: 'joint',
    sessionDate: '2026-11-20',
    body: 'Joint session: practised reflective listening.',
  });
  const signed = await clinician.post(`${url}/${joint.body.id}/signature`);
  const shared = await clinician.put(`${url}/${joint.body.id}/sharing`, { sharedWithCouple: true });
  if (individual.status !== 201 || joint.status !== 201 || signed.status !== 200 || shared.status !== 200) {
    throw new Error(`session notes not written: ${individual.status} ${joint.status} ${signed.status} ${shared.status}`);
  }
  return { coupleId, individualId: individual.body.id, jointId: joint.body.id };
}

/** Only the clinician in the program; 404 for everyone else signed in (a couple that does not exist). */
const clinicianOnly = (ok: number): Record<ActorName, number> => ({
  anonymous: 401,
  stranger: 404,
  clinicianOutside: 404,
  clinicianInProgram: ok,
  partner: 404,
  partnerWithSharing: 404,
  owner: 404,
});

export const sessionNoteRows: Row[] = [
  {
    method: 'GET',
    url: '/api/programs/:programId/couples/:coupleId/notes',
    isolated: false,
    request: (s) => ({ url: notesUrl(s) }),
    expect: clinicianOnly(200),
  },
  {
    method: 'POST',
    url: '/api/programs/:programId/couples/:coupleId/notes',
    isolated: false,
    request: (s) => ({
      url: notesUrl(s),
      body: { scope: 'individual', partnerId: s.owner.userId, sessionDate: '2026-11-21', body: 'A short individual check-in.' },
    }),
    expect: clinicianOnly(201),
  },
  {
    method: 'PUT',
    url: '/api/programs/:programId/couples/:coupleId/notes/:noteId',
    isolated: false,
    request: (s) => ({ url: `${notesUrl(s)}/${itemsOf(s).individualId}`, body: { body: `${individualNoteText} Edited.`, baseVersion: 1 } }),
    expect: clinicianOnly(200),
  },
  {
    method: 'GET',
    url: '/api/programs/:programId/couples/:coupleId/notes/:noteId/versions',
    isolated: false,
    request: (s) => ({ url: `${notesUrl(s)}/${itemsOf(s).individualId}/versions` }),
    expect: clinicianOnly(200),
  },
  {
    method: 'POST',
    url: '/api/programs/:programId/couples/:coupleId/notes/:noteId/signature',
    isolated: false,
    request: (s) => ({ url: `${notesUrl(s)}/${itemsOf(s).individualId}/signature` }),
    expect: clinicianOnly(200),
  },
  {
    method: 'POST',
    url: '/api/programs/:programId/couples/:coupleId/notes/:noteId/addenda',
    isolated: false,
    request: (s) => ({ url: `${notesUrl(s)}/${itemsOf(s).jointId}/addenda`, body: { body: 'Called them on Monday.' } }),
    expect: clinicianOnly(201),
  },
  {
    method: 'PUT',
    url: '/api/programs/:programId/couples/:coupleId/notes/:noteId/sharing',
    isolated: false,
    request: (s) => ({ url: `${notesUrl(s)}/${itemsOf(s).jointId}/sharing`, body: { sharedWithCouple: true } }),
    expect: clinicianOnly(200),
  },
  {
    method: 'GET',
    url: '/api/programs/:programId/couples/:coupleId/report.pdf',
    isolated: false,
    request: (s) => ({
      url: `/api/programs/${s.programId}/couples/${itemsOf(s).coupleId}/report.pdf?from=2026-10-01&to=2026-11-30&partnerId=${s.owner.userId}`,
    }),
    expect: clinicianOnly(200),
  },
  {
    method: 'GET',
    url: '/api/couple/session-notes',
    isolated: false,
    request: () => ({ url: '/api/couple/session-notes' }),
    // Each person's own couple's shared notes (the stranger's couple has none); clinicians have no couple.
    expect: {
      anonymous: 401,
      stranger: 200,
      clinicianOutside: 409,
      clinicianInProgram: 409,
      partner: 200,
      partnerWithSharing: 200,
      owner: 200,
    },
  },
];

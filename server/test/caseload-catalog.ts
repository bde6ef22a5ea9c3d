import type { ActorName, Row, Scenario } from './route-catalog';

/**
 * The rows of the route catalogue for the caseload flags and the couple overview (issue 8): the
 * program's clinician only; a clinician of another program, the partners and strangers 404.
 * The acknowledged flag is the owner's lapse told to the care team (lapse-catalog.ts), which shows
 * as a flag for the clinician whatever the sharing settings (lapses are told one by one).
 */
const noSuchItem = '00000000-0000-4000-8000-000000000000';
const coupleOf = (s: Scenario) => s.together?.coupleId ?? noSuchItem;

const clinicianOnly = (ok: number): Record<ActorName, number> => ({
  anonymous: 401,
  stranger: 404,
  clinicianOutside: 404,
  clinicianInProgram: ok,
  partner: 404,
  partnerWithSharing: 404,
  owner: 404,
});

export const caseloadRows: Row[] = [
  {
    method: 'GET',
    url: '/api/programs/:programId/caseload/flags',
    isolated: false,
    kind: 'checkins',
    request: (s) => ({ url: `/api/programs/${s.programId}/caseload/flags?sort=severity` }),
    expect: clinicianOnly(200),
  },
  {
    method: 'POST',
    url: '/api/programs/:programId/caseload/acknowledgements',
    isolated: false,
    request: (s) => ({
      url: `/api/programs/${s.programId}/caseload/acknowledgements`,
      body: { coupleId: coupleOf(s), personId: s.owner.userId, kind: 'lapse-told', note: 'Spoke with them on the phone.' },
    }),
    expect: clinicianOnly(201),
  },
  {
    method: 'GET',
    url: '/api/programs/:programId/couples/:coupleId/overview',
    isolated: false,
    kind: 'checkins',
    request: (s) => ({ url: `/api/programs/${s.programId}/couples/${coupleOf(s)}/overview` }),
    expect: clinicianOnly(200),
  },
];

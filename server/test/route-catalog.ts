import { newCouple, newPerson, newProgram, enroll, TestClient, type TestApp } from './test-app';

/**
 * Every API route with a valid example request and, for each kind of actor, the status it must
 * answer. Used by the authorization matrix and the bad-input tests; a route added to the app
 * without a row here fails both.
 */

export type ActorName = 'anonymous' | 'stranger' | 'clinicianOutside' | 'clinicianInProgram' | 'partner' | 'partnerWithSharing' | 'owner';
// The order matters for routes that change state: the owner goes last.
export const actorOrder: ActorName[] = [
  'anonymous',
  'stranger',
  'clinicianOutside',
  'clinicianInProgram',
  'partner',
  'partnerWithSharing',
  'owner',
];

export interface Scenario {
  t: TestApp;
  clients: Record<Exclude<ActorName, 'partnerWithSharing'>, TestClient>;
  owner: TestClient;
  programId: string;
  lone: { inviteId: string; inviteToken: string };
  noticeId: string;
  emails: Map<string, string>;
}

export const ownerSecret = 'owner-secret: long baths and a phone call with my sister';

export interface Row {
  method: string;
  url: string;
  mutates: boolean;
  request: (s: Scenario) => { url: string; body?: unknown };
  expect: Record<ActorName, number>;
}

const all = (status: number, anonymous = status): Record<ActorName, number> => ({
  anonymous,
  stranger: status,
  clinicianOutside: status,
  clinicianInProgram: status,
  partner: status,
  partnerWithSharing: status,
  owner: status,
});
const signedIn = (status: number) => all(status, 401);
const staffOnly = (clinician: number, partnerSide: number) => ({
  anonymous: 401,
  stranger: partnerSide,
  clinicianOutside: 404,
  clinicianInProgram: clinician,
  partner: partnerSide,
  partnerWithSharing: partnerSide,
  owner: partnerSide,
});

export const routeCatalog: Row[] = [
  { method: 'GET', url: '/api/health', mutates: false, request: () => ({ url: '/api/health' }), expect: all(200) },
  { method: 'GET', url: '/api/crisis-resources', mutates: false, request: () => ({ url: '/api/crisis-resources' }), expect: all(200) },
  { method: 'GET', url: '/api/csrf-token', mutates: false, request: () => ({ url: '/api/csrf-token' }), expect: all(200) },
  { method: 'GET', url: '/api/openapi.json', mutates: false, request: () => ({ url: '/api/openapi.json' }), expect: all(200) },
  {
    method: 'POST',
    url: '/api/auth/signup',
    mutates: true,
    request: () => ({
      url: '/api/auth/signup',
      body: { email: 'matrix@example.org', password: 'a long enough passphrase', displayName: 'M' },
    }),
    expect: all(202),
  },
  {
    method: 'POST',
    url: '/api/auth/confirm',
    mutates: false,
    request: () => ({ url: '/api/auth/confirm', body: { token: 'not-a-real-token-at-all' } }),
    expect: all(410),
  },
  {
    method: 'POST',
    url: '/api/auth/login',
    mutates: false,
    request: (s) => ({ url: '/api/auth/login', body: { email: s.emails.get('owner'), password: 'wrong password here' } }),
    expect: all(401),
  },
  {
    method: 'POST',
    url: '/api/auth/logout',
    mutates: true,
    request: () => ({ url: '/api/auth/logout' }),
    expect: { ...signedIn(204), partnerWithSharing: 401 },
  },
  {
    method: 'POST',
    url: '/api/auth/logout-everywhere',
    mutates: true,
    request: () => ({ url: '/api/auth/logout-everywhere' }),
    expect: { ...signedIn(204), partnerWithSharing: 401 },
  },
  { method: 'GET', url: '/api/me', mutates: false, request: () => ({ url: '/api/me' }), expect: signedIn(200) },
  { method: 'PATCH', url: '/api/me', mutates: true, request: () => ({ url: '/api/me', body: { locale: 'es' } }), expect: signedIn(200) },
  {
    method: 'GET',
    url: '/api/couple',
    mutates: false,
    request: () => ({ url: '/api/couple' }),
    expect: { ...signedIn(200), clinicianOutside: 409, clinicianInProgram: 409 },
  },
  {
    method: 'POST',
    url: '/api/couple',
    mutates: true,
    request: () => ({ url: '/api/couple' }),
    expect: { ...signedIn(409), clinicianOutside: 201, clinicianInProgram: 201 },
  },
  { method: 'POST', url: '/api/couple/invites', mutates: true, request: () => ({ url: '/api/couple/invites' }), expect: signedIn(409) },
  {
    method: 'DELETE',
    url: '/api/couple/invites/:id',
    mutates: true,
    request: (s) => ({ url: `/api/couple/invites/${s.lone.inviteId}` }),
    expect: { ...signedIn(404), clinicianOutside: 409, clinicianInProgram: 409 },
  },
  {
    method: 'POST',
    url: '/api/couple/leave',
    mutates: true,
    request: () => ({ url: '/api/couple/leave' }),
    expect: { ...signedIn(204), clinicianOutside: 409, clinicianInProgram: 409, partnerWithSharing: 409 },
  },
  {
    method: 'DELETE',
    url: '/api/couple/notices/:id',
    mutates: true,
    request: (s) => ({ url: `/api/couple/notices/${s.noticeId}` }),
    expect: { ...signedIn(404), owner: 204 },
  },
  {
    method: 'GET',
    url: '/api/invites/:token',
    mutates: false,
    request: (s) => ({ url: `/api/invites/${s.lone.inviteToken}` }),
    expect: all(200),
  },
  {
    method: 'POST',
    url: '/api/invites/:token/accept',
    mutates: true,
    request: (s) => ({ url: `/api/invites/${s.lone.inviteToken}/accept` }),
    // The first person without a partner may use the link; after that it is spent for everyone.
    expect: {
      anonymous: 401,
      stranger: 409,
      clinicianOutside: 200,
      clinicianInProgram: 410,
      partner: 410,
      partnerWithSharing: 410,
      owner: 410,
    },
  },
  {
    method: 'POST',
    url: '/api/programs',
    mutates: true,
    request: () => ({ url: '/api/programs', body: { name: 'New Program' } }),
    expect: signedIn(201),
  },
  {
    method: 'GET',
    url: '/api/programs/:programId',
    mutates: false,
    request: (s) => ({ url: `/api/programs/${s.programId}` }),
    expect: staffOnly(200, 404),
  },
  {
    method: 'POST',
    url: '/api/programs/:programId/clinician-invites',
    mutates: true,
    request: (s) => ({ url: `/api/programs/${s.programId}/clinician-invites` }),
    expect: staffOnly(403, 404),
  },
  {
    method: 'POST',
    url: '/api/programs/:programId/couple-invites',
    mutates: true,
    request: (s) => ({ url: `/api/programs/${s.programId}/couple-invites` }),
    expect: staffOnly(201, 404),
  },
  {
    method: 'GET',
    url: '/api/programs/:programId/caseload',
    mutates: false,
    request: (s) => ({ url: `/api/programs/${s.programId}/caseload` }),
    expect: staffOnly(200, 404),
  },
  {
    method: 'POST',
    url: '/api/programs/:programId/enrollment',
    mutates: true,
    request: (s) => ({ url: `/api/programs/${s.programId}/enrollment` }),
    expect: { ...signedIn(404), clinicianOutside: 409, clinicianInProgram: 409 },
  },
  {
    method: 'DELETE',
    url: '/api/programs/:programId/enrollment',
    mutates: true,
    request: (s) => ({ url: `/api/programs/${s.programId}/enrollment` }),
    expect: { ...signedIn(404), partner: 204, owner: 204 },
  },
  { method: 'GET', url: '/api/me/sharing', mutates: false, request: () => ({ url: '/api/me/sharing' }), expect: signedIn(200) },
  {
    method: 'PUT',
    url: '/api/me/sharing/:kind',
    mutates: true,
    request: () => ({ url: '/api/me/sharing/support-preferences', body: { audience: 'partner' } }),
    expect: signedIn(200),
  },
  {
    method: 'GET',
    url: '/api/me/support-preferences',
    mutates: false,
    request: () => ({ url: '/api/me/support-preferences' }),
    expect: signedIn(200),
  },
  {
    method: 'PUT',
    url: '/api/me/support-preferences',
    mutates: true,
    request: () => ({ url: '/api/me/support-preferences', body: { helps: 'x', doesNotHelp: 'y' } }),
    expect: signedIn(200),
  },
  {
    method: 'GET',
    url: '/api/people/:partnerId/support-preferences',
    mutates: false,
    request: (s) => ({ url: `/api/people/${s.owner.userId}/support-preferences` }),
    expect: {
      anonymous: 401,
      stranger: 404,
      clinicianOutside: 404,
      clinicianInProgram: 404,
      partner: 404,
      partnerWithSharing: 200,
      owner: 200,
    },
  },
  { method: 'GET', url: '/api/me/access-log', mutates: false, request: () => ({ url: '/api/me/access-log' }), expect: signedIn(200) },
];

export async function buildScenario(t: TestApp): Promise<Scenario> {
  const couple = await newCouple(t, ['Owner', 'Partner']);
  const strangers = await newCouple(t, ['Stranger', 'Stranger2']);
  const program = await newProgram(t);
  const elsewhere = await newProgram(t, 'Elsewhere');
  await enroll(couple, program);
  const lone = await newPerson(t, 'Lone');
  await lone.post('/api/couple');
  const loneInvite = await lone.post('/api/couple/invites');
  await couple.a.put('/api/me/support-preferences', { helps: ownerSecret, doesNotHelp: ownerSecret });
  const notice = await t.database.db
    .insertInto('coupleNotices')
    .values({ coupleId: couple.coupleId, userId: couple.a.userId!, code: 'partner-left' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const clients = {
    anonymous: new TestClient(t.app),
    stranger: strangers.a,
    clinicianOutside: elsewhere.clinician,
    clinicianInProgram: program.clinician,
    partner: couple.b,
    owner: couple.a,
  };
  const emails = new Map(Object.entries(clients).flatMap(([name, client]) => (client.email ? [[name, client.email] as const] : [])));
  return {
    t,
    clients,
    owner: couple.a,
    programId: program.programId,
    lone: { inviteId: loneInvite.body.id, inviteToken: loneInvite.body.token },
    noticeId: notice.id,
    emails,
  };
}

import { randomUUID } from 'node:crypto';
import type { DataKind } from '@twofold/core/sharing/data-kinds';
import { addDays, todayIn } from '../src/platform/local-date';
import { newCouple, newPerson, newProgram, enroll, TestClient, type TestApp } from './test-app';
import { buildTogether, harkNegative, joint, togetherRows, type TogetherItems } from './together-catalog';
import { buildLapses, lapseRows, type LapseItems } from './lapse-catalog';
import { buildPlan, planRows, type PlanItems } from './plan-catalog';
import { buildReminders, reminderRows, type ReminderItems } from './reminders-catalog';
import { caseloadRows } from './caseload-catalog';
import { buildCare, careRows, type CareItems } from './care-catalog';
import { buildSessionNotes, sessionNoteRows, type SessionNoteItems } from './session-notes-catalog';

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
  /** Ids of the owner's own items, for routes that act on one item. */
  items: { triggerEntryId: string; supportContactId: string; journalEntryId: string; goalId: string; stepId: string; careAlertId: string };
  today: string;
  clients: Record<Exclude<ActorName, 'partnerWithSharing'>, TestClient>;
  owner: TestClient;
  programId: string;
  lone: { inviteId: string; inviteToken: string };
  noticeId: string;
  emails: Map<string, string>;
  /** The couple's joint items (issue 5), written in buildScenario; optional for scenarios built elsewhere. */
  together?: TogetherItems;
  /** The owner's lapse reports (issue 7); optional for scenarios built elsewhere. */
  lapses?: LapseItems;
  /** The couple's Continuing Recovery Plan (issue 7), signed by both; optional for scenarios built elsewhere. */
  plan?: PlanItems;
  /** The owner's reminder and device (issue 9); optional for scenarios built elsewhere. */
  reminders?: ReminderItems;
  /** The couple's sessions, the owner's homework and calendar feed (issue 8); optional for scenarios built elsewhere. */
  care?: CareItems;
  /** The program's session notes about the owner and the couple (issue 8); optional for scenarios built elsewhere. */
  sessionNotes?: SessionNoteItems;
  /** The owner's couple, the program's admin, a consent the owner gave and revoked (issue 8); optional for scenarios built elsewhere. */
  coupleId?: string;
  admin?: TestClient;
  consentId?: string;
}

export const ownerSecret = 'owner-secret: long baths and a phone call with my sister';

export interface Row {
  method: string;
  url: string;
  /** Changes shared state (sessions, membership, deletes an item): runs on a scenario of its own. */
  isolated: boolean;
  /** The kind the owner shares before the partnerWithSharing request (default: support-preferences). */
  kind?: DataKind;
  request: (s: Scenario) => { url: string; body?: unknown };
  expect: Record<ActorName, number>;
  /**
   * The answer is a server-sent event stream that stays open (GET /api/couple/events): `inject`
   * would wait for its end for ever. Send it through a listening server (test/sse-client.ts),
   * read the status and headers, and close it; never through `inject`.
   */
  stream?: true;
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

const intakeExample = {
  inRecovery: true,
  substances: ['alcohol'],
  otherSubstance: '',
  recoveryStartDate: '2026-01-01',
  supportNote: 'Tuesday group',
};
const checkinExample = {
  mood: 4,
  craving: 3,
  used: false,
  substancesUsed: [],
  sleep: 3,
  stress: 2,
  closeness: 4,
  conflict: 'some',
  triggerIds: [],
  note: 'ok',
};
const triggerEntryExample = {
  occurredAt: '2026-11-20T18:30:00Z',
  triggerLabel: 'Argument about money',
  situation: 'Bills on the table',
  people: 'Us two',
  place: 'Kitchen',
  feeling: 'Cornered',
  aboutRelationship: true,
  intensity: 6,
  whatIDid: 'Went for a walk',
  outcome: 'helped',
};
const copingRunExample = {
  tool: 'breathing',
  urgeBefore: 7,
  urgeAfter: 4,
  urgeDuring: [],
  durationSeconds: 180,
  startedAt: '2026-11-20T18:40:00Z',
};
const gad7AllZero = { '1': 0, '2': 0, '3': 0, '4': 0, '5': 0, '6': 0, '7': 0 };
/** PHQ-9 with item 9 ("thoughts that you would be better off dead…") at "several days". */
export const phq9WithItem9 = { '1': 1, '2': 1, '3': 0, '4': 2, '5': 0, '6': 1, '7': 0, '8': 0, '9': 1 };
const harkPositive = { H: 0, A: 1, R: 0, K: 0 };
const goalExample = { title: 'Walk every morning', why: 'Clear head', dueDate: null, steps: [{ title: 'Buy shoes', dueDate: null }] };

export const routeCatalog: Row[] = [
  { method: 'GET', url: '/api/health', isolated: false, request: () => ({ url: '/api/health' }), expect: all(200) },
  { method: 'GET', url: '/api/crisis-resources', isolated: false, request: () => ({ url: '/api/crisis-resources' }), expect: all(200) },
  { method: 'GET', url: '/api/csrf-token', isolated: false, request: () => ({ url: '/api/csrf-token' }), expect: all(200) },
  { method: 'GET', url: '/api/openapi.json', isolated: false, request: () => ({ url: '/api/openapi.json' }), expect: all(200) },
  {
    method: 'POST',
    url: '/api/auth/signup',
    isolated: false,
    request: () => ({
      url: '/api/auth/signup',
      body: { email: 'matrix@example.org', password: 'a long enough passphrase', displayName: 'M' },
    }),
    expect: all(202),
  },
  {
    method: 'POST',
    url: '/api/auth/confirm',
    isolated: false,
    request: () => ({ url: '/api/auth/confirm', body: { token: 'not-a-real-token-at-all' } }),
    expect: all(410),
  },
  {
    method: 'POST',
    url: '/api/auth/login',
    isolated: false,
    request: (s) => ({ url: '/api/auth/login', body: { email: s.emails.get('owner'), password: 'wrong password here' } }),
    expect: all(401),
  },
  {
    method: 'POST',
    url: '/api/auth/logout',
    isolated: true,
    request: () => ({ url: '/api/auth/logout' }),
    expect: { ...signedIn(204), partnerWithSharing: 401 },
  },
  {
    method: 'POST',
    url: '/api/auth/logout-everywhere',
    isolated: true,
    request: () => ({ url: '/api/auth/logout-everywhere' }),
    expect: { ...signedIn(204), partnerWithSharing: 401 },
  },
  { method: 'GET', url: '/api/me', isolated: false, request: () => ({ url: '/api/me' }), expect: signedIn(200) },
  { method: 'PATCH', url: '/api/me', isolated: false, request: () => ({ url: '/api/me', body: { locale: 'es' } }), expect: signedIn(200) },
  // Sign-in security: password reset and change, two-step sign-in (TOTP).
  {
    method: 'POST',
    url: '/api/auth/login/two-factor',
    isolated: false,
    // Without the password step first there is nothing to finish.
    request: () => ({ url: '/api/auth/login/two-factor', body: { code: '123456' } }),
    expect: all(401),
  },
  {
    method: 'POST',
    url: '/api/auth/password-reset',
    isolated: false,
    request: (s) => ({ url: '/api/auth/password-reset', body: { email: s.emails.get('owner') } }),
    expect: all(202),
  },
  {
    method: 'POST',
    url: '/api/auth/password-reset/confirm',
    isolated: false,
    request: () => ({
      url: '/api/auth/password-reset/confirm',
      body: { token: 'not-a-real-token-at-all', password: 'a long enough passphrase' },
    }),
    expect: all(410),
  },
  {
    method: 'POST',
    url: '/api/me/password',
    isolated: false,
    request: () => ({ url: '/api/me/password', body: { currentPassword: 'wrong password here', newPassword: 'a long enough passphrase' } }),
    expect: signedIn(401),
  },
  { method: 'GET', url: '/api/me/two-factor', isolated: false, request: () => ({ url: '/api/me/two-factor' }), expect: signedIn(200) },
  {
    method: 'POST',
    url: '/api/me/two-factor',
    isolated: false,
    request: () => ({ url: '/api/me/two-factor' }),
    // The clinicians have it on already.
    expect: { ...signedIn(201), clinicianOutside: 409, clinicianInProgram: 409 },
  },
  {
    method: 'POST',
    url: '/api/me/two-factor/confirm',
    isolated: false,
    // After the row above: a wrong first code for those setting it up; nothing to confirm for the clinicians.
    request: () => ({ url: '/api/me/two-factor/confirm', body: { code: '000000' } }),
    expect: { ...signedIn(401), clinicianOutside: 409, clinicianInProgram: 409 },
  },
  {
    method: 'POST',
    url: '/api/me/two-factor/disable',
    isolated: false,
    request: () => ({ url: '/api/me/two-factor/disable', body: { password: 'wrong password here', code: '123456' } }),
    expect: signedIn(401),
  },
  {
    method: 'GET',
    url: '/api/couple',
    isolated: false,
    request: () => ({ url: '/api/couple' }),
    expect: { ...signedIn(200), clinicianOutside: 409, clinicianInProgram: 409 },
  },
  {
    method: 'POST',
    url: '/api/couple',
    isolated: true,
    request: () => ({ url: '/api/couple' }),
    expect: { ...signedIn(409), clinicianOutside: 201, clinicianInProgram: 201 },
  },
  { method: 'POST', url: '/api/couple/invites', isolated: false, request: () => ({ url: '/api/couple/invites' }), expect: signedIn(409) },
  {
    method: 'DELETE',
    url: '/api/couple/invites/:id',
    isolated: false,
    request: (s) => ({ url: `/api/couple/invites/${s.lone.inviteId}` }),
    expect: { ...signedIn(404), clinicianOutside: 409, clinicianInProgram: 409 },
  },
  {
    method: 'POST',
    url: '/api/couple/leave',
    isolated: true,
    request: () => ({ url: '/api/couple/leave' }),
    expect: { ...signedIn(204), clinicianOutside: 409, clinicianInProgram: 409, partnerWithSharing: 409 },
  },
  {
    method: 'DELETE',
    url: '/api/couple/notices/:id',
    isolated: false,
    request: (s) => ({ url: `/api/couple/notices/${s.noticeId}` }),
    expect: { ...signedIn(404), owner: 204 },
  },
  {
    method: 'GET',
    url: '/api/invites/:token',
    isolated: false,
    request: (s) => ({ url: `/api/invites/${s.lone.inviteToken}` }),
    expect: all(200),
  },
  {
    method: 'POST',
    url: '/api/invites/:token/accept',
    isolated: true,
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
    isolated: false,
    request: () => ({ url: '/api/programs', body: { name: 'New Program' } }),
    // Program staff must use two-step sign-in: only the clinicians have it on.
    expect: { ...signedIn(403), clinicianOutside: 201, clinicianInProgram: 201 },
  },
  {
    method: 'GET',
    url: '/api/programs/:programId',
    isolated: false,
    request: (s) => ({ url: `/api/programs/${s.programId}` }),
    expect: staffOnly(200, 404),
  },
  {
    method: 'POST',
    url: '/api/programs/:programId/clinician-invites',
    isolated: false,
    request: (s) => ({ url: `/api/programs/${s.programId}/clinician-invites` }),
    expect: staffOnly(403, 404),
  },
  {
    method: 'POST',
    url: '/api/programs/:programId/couple-invites',
    isolated: false,
    request: (s) => ({ url: `/api/programs/${s.programId}/couple-invites` }),
    expect: staffOnly(201, 404),
  },
  {
    method: 'GET',
    url: '/api/programs/:programId/caseload',
    isolated: false,
    request: (s) => ({ url: `/api/programs/${s.programId}/caseload` }),
    expect: staffOnly(200, 404),
  },
  {
    method: 'POST',
    url: '/api/programs/:programId/enrollment',
    isolated: false,
    request: (s) => ({ url: `/api/programs/${s.programId}/enrollment` }),
    expect: { ...signedIn(404), clinicianOutside: 409, clinicianInProgram: 409 },
  },
  {
    method: 'DELETE',
    url: '/api/programs/:programId/enrollment',
    isolated: true,
    request: (s) => ({ url: `/api/programs/${s.programId}/enrollment` }),
    expect: { ...signedIn(404), partner: 204, owner: 204 },
  },
  // Program admin (issue 8): admins only; a clinician is told it is not theirs to do, anyone outside gets 404.
  {
    method: 'GET',
    url: '/api/programs/:programId/admin',
    isolated: false,
    request: (s) => ({ url: `/api/programs/${s.programId}/admin` }),
    expect: staffOnly(403, 404),
  },
  {
    method: 'PATCH',
    url: '/api/programs/:programId/clinicians/:userId',
    isolated: false,
    // Scenarios built elsewhere (the fuzzing world) have no clients: a random id then names nobody.
    request: (s) => ({
      url: `/api/programs/${s.programId}/clinicians/${s.clients.clinicianInProgram?.userId ?? randomUUID()}`,
      body: { active: true },
    }),
    expect: staffOnly(403, 404),
  },
  {
    method: 'PUT',
    url: '/api/programs/:programId/couples/:coupleId/clinicians',
    isolated: false,
    request: (s) => ({
      url: `/api/programs/${s.programId}/couples/${s.coupleId ?? randomUUID()}/clinicians`,
      body: { clinicianIds: [s.clients.clinicianInProgram?.userId ?? randomUUID()] },
    }),
    expect: staffOnly(403, 404),
  },
  // Consent records (issue 8): each person's own; a program they are not in does not exist for them.
  { method: 'GET', url: '/api/me/consents', isolated: false, request: () => ({ url: '/api/me/consents' }), expect: signedIn(200) },
  {
    method: 'POST',
    url: '/api/me/consents',
    isolated: true,
    request: (s) => ({
      url: '/api/me/consents',
      body: { programId: s.programId, kinds: ['coping'], purpose: 'treatment', until: addDays(s.today, 180) },
    }),
    expect: { ...signedIn(404), partner: 201, partnerWithSharing: 201, owner: 201 },
  },
  {
    method: 'DELETE',
    url: '/api/me/consents/:consentId',
    isolated: false,
    request: (s) => ({ url: `/api/me/consents/${s.consentId ?? randomUUID()}` }),
    expect: { ...signedIn(404), owner: 200 },
  },
  { method: 'GET', url: '/api/me/sharing', isolated: false, request: () => ({ url: '/api/me/sharing' }), expect: signedIn(200) },
  {
    method: 'PUT',
    url: '/api/me/sharing/:kind',
    isolated: false,
    request: () => ({ url: '/api/me/sharing/support-preferences', body: { audience: 'partner' } }),
    expect: signedIn(200),
  },
  {
    method: 'GET',
    url: '/api/me/support-preferences',
    isolated: false,
    request: () => ({ url: '/api/me/support-preferences' }),
    expect: signedIn(200),
  },
  {
    method: 'PUT',
    url: '/api/me/support-preferences',
    isolated: false,
    request: () => ({ url: '/api/me/support-preferences', body: { helps: 'x', doesNotHelp: 'y' } }),
    expect: signedIn(200),
  },
  {
    method: 'GET',
    url: '/api/people/:partnerId/support-preferences',
    isolated: false,
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
  { method: 'GET', url: '/api/me/access-log', isolated: false, request: () => ({ url: '/api/me/access-log' }), expect: signedIn(200) },

  // Personal recovery: each partner's own space.
  ...mine('/api/me/intake', intakeExample),
  readShared('/api/people/:partnerId/intake', 'intake'),
  ...mine('/api/me/reflection', {
    patterns: { 'shared-use': 'sometimes', enabling: null, 'caretaker-dependent': 'often', 'avoiding-conflict': 'unsure' },
    note: 'mine',
  }),
  readShared('/api/people/:partnerId/reflection', 'relationship-reflection'),
  {
    method: 'PUT',
    url: '/api/me/checkins/:date',
    isolated: false,
    request: (s) => ({ url: `/api/me/checkins/${s.today}`, body: checkinExample }),
    expect: signedIn(200),
  },
  {
    method: 'GET',
    url: '/api/me/checkins',
    isolated: false,
    request: (s) => ({ url: `/api/me/checkins?from=2026-01-01&to=${s.today}` }),
    expect: signedIn(200),
  },
  readShared('/api/people/:partnerId/checkins', 'checkins', (s) => `?from=2026-01-01&to=${s.today}`),
  {
    method: 'GET',
    url: '/api/me/recovery-summary',
    isolated: false,
    request: () => ({ url: '/api/me/recovery-summary' }),
    expect: signedIn(200),
  },
  readShared('/api/people/:partnerId/recovery-summary', 'milestones'),
  {
    method: 'POST',
    url: '/api/people/:partnerId/encouragements',
    isolated: false,
    kind: 'milestones',
    request: (s) => ({ url: `/api/people/${s.owner.userId}/encouragements`, body: { message: 'So proud of you.', milestoneDays: 30 } }),
    // Only the partner, and only while the owner shares their milestones; never the owner to themselves.
    expect: { ...signedIn(404), partnerWithSharing: 204 },
  },
  { method: 'GET', url: '/api/me/triggers', isolated: false, request: () => ({ url: '/api/me/triggers' }), expect: signedIn(200) },
  {
    method: 'POST',
    url: '/api/me/triggers',
    isolated: false,
    request: () => ({ url: '/api/me/triggers', body: { label: 'Payday' } }),
    expect: signedIn(201),
  },
  { method: 'GET', url: '/api/me/trigger-log', isolated: false, request: () => ({ url: '/api/me/trigger-log' }), expect: signedIn(200) },
  {
    method: 'POST',
    url: '/api/me/trigger-log',
    isolated: false,
    request: () => ({ url: '/api/me/trigger-log', body: triggerEntryExample }),
    expect: signedIn(201),
  },
  ownItem('DELETE', '/api/me/trigger-log/:id', (s) => `/api/me/trigger-log/${s.items.triggerEntryId}`, 204),
  readShared('/api/people/:partnerId/trigger-log', 'triggers'),
  {
    method: 'POST',
    url: '/api/me/coping-runs',
    isolated: false,
    request: () => ({ url: '/api/me/coping-runs', body: copingRunExample }),
    expect: signedIn(201),
  },
  { method: 'GET', url: '/api/me/coping-runs', isolated: false, request: () => ({ url: '/api/me/coping-runs' }), expect: signedIn(200) },
  readShared('/api/people/:partnerId/coping-runs', 'coping'),
  {
    method: 'GET',
    url: '/api/me/support-contacts',
    isolated: false,
    request: () => ({ url: '/api/me/support-contacts' }),
    expect: signedIn(200),
  },
  {
    method: 'POST',
    url: '/api/me/support-contacts',
    isolated: false,
    request: () => ({ url: '/api/me/support-contacts', body: { name: 'Jo', relation: 'sponsor', phone: '+1 555 0100' } }),
    expect: signedIn(201),
  },
  ownItem('DELETE', '/api/me/support-contacts/:id', (s) => `/api/me/support-contacts/${s.items.supportContactId}`, 204),
  { method: 'GET', url: '/api/me/journal', isolated: false, request: () => ({ url: '/api/me/journal?q=day' }), expect: signedIn(200) },
  {
    method: 'POST',
    url: '/api/me/journal',
    isolated: false,
    request: () => ({ url: '/api/me/journal', body: { title: 'Tuesday', body: 'A better day.' } }),
    expect: signedIn(201),
  },
  ownItem('PUT', '/api/me/journal/:id', (s) => `/api/me/journal/${s.items.journalEntryId}`, 200, {
    title: 'Edited',
    body: 'Edited words.',
  }),
  ownItem('PUT', '/api/me/journal/:id/sharing', (s) => `/api/me/journal/${s.items.journalEntryId}/sharing`, 200, {
    sharedWithCareTeam: false,
  }),
  ownItem('DELETE', '/api/me/journal/:id', (s) => `/api/me/journal/${s.items.journalEntryId}`, 204),
  {
    method: 'GET',
    url: '/api/people/:partnerId/journal',
    isolated: false,
    request: (s) => ({ url: `/api/people/${s.owner.userId}/journal` }),
    // Only the owner's clinicians, and they get only entries shared with the care team (none here).
    expect: { ...signedIn(404), clinicianInProgram: 200 },
  },
  { method: 'GET', url: '/api/me/goals', isolated: false, request: () => ({ url: '/api/me/goals' }), expect: signedIn(200) },
  {
    method: 'POST',
    url: '/api/me/goals',
    isolated: false,
    request: () => ({ url: '/api/me/goals', body: goalExample }),
    expect: signedIn(201),
  },
  ownItem('PUT', '/api/me/goals/:id', (s) => `/api/me/goals/${s.items.goalId}`, 200, goalExample, true),
  ownItem('PUT', '/api/me/goals/:id/done', (s) => `/api/me/goals/${s.items.goalId}/done`, 200, { done: true }),
  ownItem('PUT', '/api/me/goals/:id/steps/:stepId/done', (s) => `/api/me/goals/${s.items.goalId}/steps/${s.items.stepId}/done`, 200, {
    done: true,
  }),
  ownItem('DELETE', '/api/me/goals/:id', (s) => `/api/me/goals/${s.items.goalId}`, 204),
  readShared('/api/people/:partnerId/goals', 'goals'),
  // Insights (issue 9): my own, and a partner's when they share them.
  { method: 'GET', url: '/api/me/insights', isolated: false, request: () => ({ url: '/api/me/insights' }), expect: signedIn(200) },
  readShared('/api/people/:partnerId/insights', 'insights'),
  // Weekly summaries (issue 9): only ever one's own; there is no route to anyone else's.
  {
    method: 'GET',
    url: '/api/me/weekly-summaries',
    isolated: false,
    request: () => ({ url: '/api/me/weekly-summaries' }),
    expect: signedIn(200),
  },

  // Assessments and safety.
  {
    method: 'GET',
    url: '/api/assessments/instruments',
    isolated: false,
    request: () => ({ url: '/api/assessments/instruments' }),
    expect: signedIn(200),
  },
  { method: 'GET', url: '/api/me/assessments', isolated: false, request: () => ({ url: '/api/me/assessments' }), expect: signedIn(200) },
  {
    method: 'POST',
    url: '/api/me/assessments',
    isolated: false,
    request: () => ({ url: '/api/me/assessments', body: { instrumentId: 'gad-7', submissionId: randomUUID(), answers: gad7AllZero } }),
    expect: signedIn(201),
  },
  {
    method: 'GET',
    url: '/api/me/assessments/fhir',
    isolated: false,
    request: () => ({ url: '/api/me/assessments/fhir' }),
    expect: signedIn(200),
  },
  {
    ...readShared('/api/people/:partnerId/assessments/:family', 'assessments-mood-anxiety'),
    request: (s) => ({ url: `/api/people/${s.owner.userId}/assessments/mood-anxiety` }),
  },
  {
    method: 'GET',
    url: '/api/me/assessment-schedules',
    isolated: false,
    request: () => ({ url: '/api/me/assessment-schedules' }),
    expect: signedIn(200),
  },
  {
    method: 'PUT',
    url: '/api/me/assessment-schedules/:instrumentId',
    isolated: false,
    request: () => ({ url: '/api/me/assessment-schedules/gad-7', body: { everyDays: 14 } }),
    expect: signedIn(200),
  },
  ownItem('DELETE', '/api/me/assessment-schedules/:instrumentId', () => '/api/me/assessment-schedules/phq-9', 204),
  {
    method: 'PUT',
    url: '/api/programs/:programId/people/:personId/assessment-schedules/:instrumentId',
    isolated: false,
    request: (s) => ({ url: `/api/programs/${s.programId}/people/${s.owner.userId}/assessment-schedules/csi-4`, body: { everyDays: 30 } }),
    expect: staffOnly(204, 404),
  },
  {
    method: 'GET',
    url: '/api/me/safety-screen',
    isolated: false,
    request: () => ({ url: '/api/me/safety-screen' }),
    expect: signedIn(200),
  },
  {
    method: 'POST',
    url: '/api/me/safety-screen/reopen',
    isolated: true,
    request: () => ({ url: '/api/me/safety-screen/reopen' }),
    // The scenario's couple answered its safety screens negative (joint features open): nobody has
    // a positive screen to reopen. The reopening itself is walked in assessments.routes.test.ts.
    expect: signedIn(409), // nothing to reopen
  },
  {
    method: 'POST',
    url: '/api/programs/:programId/people/:personId/safety-screen/reopen',
    isolated: true,
    request: (s) => ({ url: `/api/programs/${s.programId}/people/${s.owner.userId}/safety-screen/reopen` }),
    // Nothing closed to reopen (see above): the clinician in the program gets the conflict.
    expect: staffOnly(409, 404), // nothing to reopen
  },
  {
    method: 'GET',
    url: '/api/couple/events',
    isolated: false,
    stream: true,
    request: () => ({ url: '/api/couple/events?lastEventId=0' }),
    // Each person's own couple's stream (the stranger's is their own couple's); clinicians have none.
    expect: { ...signedIn(200), clinicianOutside: 409, clinicianInProgram: 409 },
  },
  {
    method: 'GET',
    url: '/api/couple/joint-features',
    isolated: false,
    request: () => ({ url: '/api/couple/joint-features' }),
    expect: { ...signedIn(200), clinicianOutside: 409, clinicianInProgram: 409 },
  },
  {
    method: 'GET',
    url: '/api/couple/attachment',
    isolated: false,
    kind: 'assessments-attachment',
    request: () => ({ url: '/api/couple/attachment' }),
    expect: signedIn(200),
  },
  {
    method: 'GET',
    url: '/api/programs/:programId/alerts',
    isolated: false,
    request: (s) => ({ url: `/api/programs/${s.programId}/alerts` }),
    expect: staffOnly(200, 404),
  },
  {
    method: 'POST',
    url: '/api/programs/:programId/alerts/:alertId/acknowledge',
    isolated: false,
    request: (s) => ({ url: `/api/programs/${s.programId}/alerts/${s.items.careAlertId}/acknowledge` }),
    expect: staffOnly(204, 404),
  },
  ...togetherRows,
  ...lapseRows,
  ...planRows,
  ...reminderRows,
  ...caseloadRows,
  ...careRows,
  ...sessionNoteRows,
  // Communication (issue 5). The skills library, practice log and "I" statement helper are for
  // anyone signed in; the rest is joint. The shared scenario walks one exercise, one pause and one
  // connection question in row order: the partner starts and holds the floor, the owner listens.
  {
    method: 'GET',
    url: '/api/communication/skills',
    isolated: false,
    request: () => ({ url: '/api/communication/skills?locale=es' }),
    expect: signedIn(200),
  },
  {
    method: 'GET',
    url: '/api/communication/practices',
    isolated: false,
    request: () => ({ url: '/api/communication/practices' }),
    expect: signedIn(200),
  },
  {
    method: 'POST',
    url: '/api/communication/practices',
    isolated: false,
    request: () => ({ url: '/api/communication/practices', body: { skillId: 'time-out' } }),
    expect: signedIn(201),
  },
  {
    method: 'POST',
    url: '/api/communication/check-draft',
    isolated: false,
    request: () => ({ url: '/api/communication/check-draft', body: { draft: 'You never listen.', locale: 'en' } }),
    expect: signedIn(200),
  },
  { method: 'GET', url: '/api/couple/exercise', isolated: false, request: () => ({ url: '/api/couple/exercise' }), expect: joint(200) },
  { method: 'GET', url: '/api/couple/exercises', isolated: false, request: () => ({ url: '/api/couple/exercises' }), expect: joint(200) },
  {
    method: 'POST',
    url: '/api/couple/exercise',
    isolated: false,
    request: () => ({ url: '/api/couple/exercise', body: { topic: 'Weekend plans', turnSeconds: 120, firstSpeaker: 'me' } }),
    // The partner starts it; one exercise at a time, so the next starts are refused.
    expect: { ...joint(409), partner: 201 },
  },
  {
    method: 'POST',
    url: '/api/couple/exercise/paraphrase',
    isolated: false,
    request: () => ({ url: '/api/couple/exercise/paraphrase', body: { text: 'You would like a quiet Saturday.' } }),
    // Only the listener (the owner) paraphrases.
    expect: { ...joint(403), owner: 200 },
  },
  {
    method: 'POST',
    url: '/api/couple/exercise/confirm',
    isolated: false,
    request: () => ({ url: '/api/couple/exercise/confirm', body: { verdict: 'yes' } }),
    // Only the speaker (the partner) confirms, once.
    expect: { ...joint(409), partner: 200, owner: 403 },
  },
  {
    method: 'POST',
    url: '/api/couple/exercise/pass',
    isolated: false,
    request: () => ({ url: '/api/couple/exercise/pass', body: {} }),
    // The partner passes the floor; then the owner holds it but nobody has paraphrased yet.
    expect: { ...joint(403), partner: 200, owner: 409 },
  },
  {
    method: 'POST',
    url: '/api/couple/exercise/end',
    isolated: false,
    request: () => ({ url: '/api/couple/exercise/end', body: {} }),
    expect: { ...joint(409), partner: 200 },
  },
  { method: 'GET', url: '/api/couple/pause', isolated: false, request: () => ({ url: '/api/couple/pause' }), expect: joint(200) },
  {
    method: 'POST',
    url: '/api/couple/pause',
    isolated: false,
    request: () => ({ url: '/api/couple/pause' }),
    // The first call starts the pause; later calls get the running one.
    expect: { ...joint(200), partner: 201 },
  },
  {
    method: 'POST',
    url: '/api/couple/pause/ready',
    isolated: false,
    request: () => ({ url: '/api/couple/pause/ready' }),
    expect: joint(200),
  },
  {
    method: 'PUT',
    url: '/api/couple/pause-settings',
    isolated: false,
    request: () => ({ url: '/api/couple/pause-settings', body: { coolDownMinutes: 30 } }),
    expect: joint(200),
  },
  {
    method: 'GET',
    url: '/api/couple/connection-question',
    isolated: false,
    request: () => ({ url: '/api/couple/connection-question' }),
    expect: joint(200),
  },
  {
    method: 'POST',
    url: '/api/couple/connection-question/answer',
    isolated: false,
    request: () => ({ url: '/api/couple/connection-question/answer', body: { answer: 'Our walk by the river.' } }),
    // Once a day each: the partner's second answer is refused.
    expect: { ...joint(201), partnerWithSharing: 409 },
  },
];

/** GET and PUT of one of "my" documents: everyone signed in has their own. */
function mine(url: string, body: unknown): Row[] {
  return [
    { method: 'GET', url, isolated: false, request: () => ({ url }), expect: signedIn(200) },
    { method: 'PUT', url, isolated: false, request: () => ({ url, body }), expect: signedIn(200) },
  ];
}

/** Reading the owner's data of one kind: the owner, and the partner only while it is shared. */
function readShared(url: string, kind: DataKind, query: (s: Scenario) => string = () => ''): Row {
  return {
    method: 'GET',
    url,
    isolated: false,
    kind,
    request: (s) => ({ url: url.replace(':partnerId', s.owner.userId!) + query(s) }),
    expect: {
      anonymous: 401,
      stranger: 404,
      clinicianOutside: 404,
      clinicianInProgram: 404,
      partner: 404,
      partnerWithSharing: 200,
      owner: 200,
    },
  };
}

/** Acting on one of the owner's items through a /api/me route: only the owner finds it. */
function ownItem(method: string, url: string, path: (s: Scenario) => string, ok: number, body?: unknown, replacesItems = false): Row {
  return {
    method,
    url,
    isolated: method === 'DELETE' || replacesItems,
    request: (s) => ({ url: path(s), ...(body === undefined ? {} : { body }) }),
    expect: { ...signedIn(404), owner: ok },
  };
}

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
  const own = couple.a;
  await own.put('/api/me/intake', { ...intakeExample, supportNote: ownerSecret });
  await own.put('/api/me/reflection', {
    patterns: { 'shared-use': null, enabling: null, 'caretaker-dependent': null, 'avoiding-conflict': null },
    note: ownerSecret,
  });
  const today = todayIn('America/Chicago');
  await own.put(`/api/me/checkins/${today}`, { ...checkinExample, note: ownerSecret });
  const triggerEntry = await own.post('/api/me/trigger-log', { ...triggerEntryExample, situation: ownerSecret });
  const contact = await own.post('/api/me/support-contacts', { name: ownerSecret, relation: 'sister', phone: '555' });
  await own.post('/api/me/coping-runs', copingRunExample);
  const journalEntry = await own.post('/api/me/journal', { title: 'Private', body: ownerSecret });
  const goal = await own.post('/api/me/goals', { ...goalExample, why: ownerSecret });
  await own.post('/api/me/assessments', { instrumentId: 'phq-9', submissionId: randomUUID(), answers: phq9WithItem9 });
  await own.post('/api/me/assessments', { instrumentId: 'hark', submissionId: randomUUID(), answers: harkPositive });
  // Then both partners' latest safety screens are negative, so the couple's joint features are open.
  await own.post('/api/me/assessments', { instrumentId: 'hark', submissionId: randomUUID(), answers: harkNegative });
  await couple.b.post('/api/me/assessments', { instrumentId: 'hark', submissionId: randomUUID(), answers: harkNegative });
  const together = await buildTogether(own, couple.b, today, ownerSecret);
  const lapses = await buildLapses(own, ownerSecret, couple.b);
  const plan = await buildPlan(own, couple.b);
  const reminders = await buildReminders(t, own);
  const care = await buildCare(program.clinician, own, program.programId, couple.coupleId);
  const sessionNotes = await buildSessionNotes(program.clinician, program.programId, couple.coupleId, own.userId!);
  await own.put('/api/me/assessment-schedules/phq-9', { everyDays: 14 });
  const careAlert = await t.database.db
    .selectFrom('careAlerts')
    .select('id')
    .where('personId', '=', own.userId!)
    .where('programId', '=', program.programId)
    .executeTakeFirstOrThrow();
  const items = {
    triggerEntryId: triggerEntry.body.id,
    supportContactId: contact.body.id,
    journalEntryId: journalEntry.body.id,
    goalId: goal.body.id,
    stepId: goal.body.steps[0].id,
    careAlertId: careAlert.id,
  };
  // A consent the owner gave and took back: it stays on their record (and changes no setting now).
  const consent = await own.post('/api/me/consents', { programId: program.programId, kinds: ['coping'], purpose: 'care-coordination' });
  const consentId = consent.body.consents[0].id as string;
  await own.delete(`/api/me/consents/${consentId}`);
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
    items,
    today,
    clients,
    owner: couple.a,
    programId: program.programId,
    lone: { inviteId: loneInvite.body.id, inviteToken: loneInvite.body.token },
    noticeId: notice.id,
    emails,
    together,
    lapses,
    plan,
    reminders,
    care,
    sessionNotes,
    coupleId: couple.coupleId,
    admin: program.admin,
    consentId,
  };
}

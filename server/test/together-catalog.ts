import type { ActorName, Row, Scenario } from './route-catalog';
import type { TestClient } from './test-app';

/**
 * The rows of the route catalogue for the couple's joint work (issue 5), and the scenario's joint
 * items. Joint routes answer both partners of the scenario's couple (its joint features are open:
 * both safety screens negative) whatever their sharing settings; a person in another couple whose
 * joint features are closed gets 409 joint-features-closed; people without a couple 409 not-in-couple.
 */

export interface TogetherItems {
  /** The couple: both partners share `together` with the care team of its program. */
  coupleId: string;
  contractVersionId: string;
  /** The owner's commitment. */
  commitmentId: string;
  /** The owner's appreciation NOT told to the partner: its words are the owner's secret. */
  untoldAppreciationId: string;
  /** The owner's boundary. */
  boundaryId: string;
  goalId: string;
  milestoneId: string;
  /** A shared activity, done, so both can rate it. */
  activityId: string;
}

/**
 * A scenario built elsewhere (the BOLA fuzz world) may have no joint items: its rows then name an
 * id that exists nowhere, which every actor gets as 404 (or the joint-features answer first).
 */
const noSuchItem = '00000000-0000-4000-8000-000000000000';
function itemsOf(s: Scenario): TogetherItems {
  return (
    s.together ?? {
      coupleId: noSuchItem,
      contractVersionId: noSuchItem,
      commitmentId: noSuchItem,
      untoldAppreciationId: noSuchItem,
      boundaryId: noSuchItem,
      goalId: noSuchItem,
      milestoneId: noSuchItem,
      activityId: noSuchItem,
    }
  );
}

/** HARK all "no": a negative relationship-safety screen. */
export const harkNegative = { H: 0, A: 0, R: 0, K: 0 };

/** Joint routes: the two partners of the scenario's couple (joint features open) and nobody else. */
export const joint = (ok: number): Record<ActorName, number> => ({
  anonymous: 401,
  stranger: 409,
  clinicianOutside: 409,
  clinicianInProgram: 409,
  partner: ok,
  partnerWithSharing: ok,
  owner: ok,
});

/**
 * Joint routes on one item: an id that is not the actor's couple's answers 404 before the
 * joint-features gate is asked, so the stranger (another couple, joint features closed) gets 404.
 */
const jointItem = (ok: number): Record<ActorName, number> => ({ ...joint(ok), stranger: 404 });

const contractTermsExample = { discussionTime: '20:30', otherItems: ['Thursday group together'], keepPastUseInSessions: true };

const commitmentExample = { text: 'I will call my sponsor before Friday', dueDate: '2026-12-31' };

const boundaryExample = { kind: 'need', text: 'I need quiet time after work', reviewDate: '2027-01-15' };
const coupleGoalExample = { title: 'A weekend away', targetDate: null, milestones: [{ title: 'Save the money' }] };
const activityExample = { title: 'Walk by the river', plannedFor: null };

export const togetherRows: Row[] = [
  { method: 'GET', url: '/api/couple/contract', isolated: false, request: () => ({ url: '/api/couple/contract' }), expect: joint(200) },
  {
    method: 'PUT',
    url: '/api/couple/contract',
    // A new version would make the scenario's signed version outdated.
    isolated: true,
    request: () => ({ url: '/api/couple/contract', body: { ...contractTermsExample, discussionTime: '07:45' } }),
    expect: joint(200),
  },
  {
    method: 'GET',
    url: '/api/couple/contract/versions',
    isolated: false,
    request: () => ({ url: '/api/couple/contract/versions' }),
    expect: joint(200),
  },
  {
    method: 'POST',
    url: '/api/couple/contract/versions/:id/sign',
    isolated: false,
    // Signed by both already: signing again is harmless.
    request: (s) => ({ url: `/api/couple/contract/versions/${itemsOf(s).contractVersionId}/sign` }),
    expect: jointItem(200),
  },
  {
    method: 'GET',
    url: '/api/couple/trust-discussions',
    isolated: false,
    request: (s) => ({ url: `/api/couple/trust-discussions?from=2026-01-01&to=${s.today}` }),
    expect: joint(200),
  },
  {
    method: 'PUT',
    url: '/api/couple/trust-discussions/:date/mine',
    isolated: false,
    request: (s) => ({ url: `/api/couple/trust-discussions/${s.today}/mine`, body: { stated: false, thanked: false } }),
    expect: joint(200),
  },
  {
    method: 'GET',
    url: '/api/couple/commitments',
    isolated: false,
    request: () => ({ url: '/api/couple/commitments' }),
    expect: joint(200),
  },
  {
    method: 'POST',
    url: '/api/couple/commitments',
    isolated: false,
    request: () => ({ url: '/api/couple/commitments', body: commitmentExample }),
    expect: joint(201),
  },
  {
    method: 'PUT',
    url: '/api/couple/commitments/:id',
    isolated: false,
    // Only the partner who made it changes it.
    request: (s) => ({ url: `/api/couple/commitments/${itemsOf(s).commitmentId}`, body: commitmentExample }),
    expect: { ...jointItem(403), owner: 200 },
  },
  {
    method: 'DELETE',
    url: '/api/couple/commitments/:id',
    isolated: true,
    request: (s) => ({ url: `/api/couple/commitments/${itemsOf(s).commitmentId}` }),
    expect: { ...jointItem(403), owner: 204 },
  },
  {
    method: 'PUT',
    url: '/api/couple/commitments/:id/outcome',
    isolated: false,
    // Only the partner who made it says how it went.
    request: (s) => ({ url: `/api/couple/commitments/${itemsOf(s).commitmentId}/outcome`, body: { outcome: 'kept' } }),
    expect: { ...jointItem(403), owner: 200 },
  },
  {
    method: 'POST',
    url: '/api/couple/commitments/:id/acknowledge',
    isolated: false,
    // Only the other partner acknowledges it.
    request: (s) => ({ url: `/api/couple/commitments/${itemsOf(s).commitmentId}/acknowledge` }),
    expect: { ...jointItem(200), owner: 403 },
  },
  {
    method: 'GET',
    url: '/api/couple/appreciations',
    isolated: false,
    request: (s) => ({ url: `/api/couple/appreciations?from=2026-01-01&to=${s.today}` }),
    expect: joint(200),
  },
  {
    method: 'POST',
    url: '/api/couple/appreciations',
    isolated: false,
    request: (s) => ({
      url: '/api/couple/appreciations',
      body: { kind: 'appreciation', date: s.today, text: 'You made coffee', told: true },
    }),
    expect: joint(201),
  },
  {
    method: 'PUT',
    url: '/api/couple/appreciations/:id',
    // Rewrites the owner's secret words: on a scenario of its own.
    isolated: true,
    // The owner's untold entry does not exist for the partner.
    request: (s) => ({
      url: `/api/couple/appreciations/${itemsOf(s).untoldAppreciationId}`,
      body: { kind: 'caring-day', date: s.today, text: 'I cooked dinner' },
    }),
    expect: { ...jointItem(404), owner: 200 },
  },
  {
    method: 'DELETE',
    url: '/api/couple/appreciations/:id',
    isolated: true,
    request: (s) => ({ url: `/api/couple/appreciations/${itemsOf(s).untoldAppreciationId}` }),
    expect: { ...jointItem(404), owner: 204 },
  },
  {
    method: 'POST',
    url: '/api/couple/appreciations/:id/tell',
    // Telling reveals the owner's words: on a scenario of its own.
    isolated: true,
    // The owner's untold entry does not exist for the partner.
    request: (s) => ({ url: `/api/couple/appreciations/${itemsOf(s).untoldAppreciationId}/tell` }),
    expect: { ...jointItem(404), owner: 200 },
  },
  {
    method: 'GET',
    url: '/api/couple/boundaries',
    isolated: false,
    request: () => ({ url: '/api/couple/boundaries' }),
    expect: joint(200),
  },
  {
    method: 'POST',
    url: '/api/couple/boundaries',
    isolated: false,
    request: () => ({ url: '/api/couple/boundaries', body: boundaryExample }),
    expect: joint(201),
  },
  {
    method: 'PUT',
    url: '/api/couple/boundaries/:id',
    isolated: false,
    // Only the partner who stated it changes it.
    request: (s) => ({ url: `/api/couple/boundaries/${itemsOf(s).boundaryId}`, body: boundaryExample }),
    expect: { ...jointItem(403), owner: 200 },
  },
  {
    method: 'GET',
    url: '/api/couple/enabling-guide',
    isolated: false,
    request: () => ({ url: '/api/couple/enabling-guide' }),
    expect: joint(200),
  },
  {
    method: 'GET',
    url: '/api/programs/:programId/couples/:coupleId/together',
    isolated: false,
    // Both partners share `together` with the care team: their program's clinician reads it, nobody else.
    request: (s) => ({ url: `/api/programs/${s.programId}/couples/${itemsOf(s).coupleId}/together` }),
    expect: {
      anonymous: 401,
      stranger: 404,
      clinicianOutside: 404,
      clinicianInProgram: 200,
      partner: 404,
      partnerWithSharing: 404,
      owner: 404,
    },
  },
  {
    method: 'PUT',
    url: '/api/couple/boundaries/:id/response',
    isolated: false,
    // Only the other partner answers it.
    request: (s) => ({ url: `/api/couple/boundaries/${itemsOf(s).boundaryId}/response`, body: { response: 'acknowledged' } }),
    expect: { ...jointItem(200), owner: 403 },
  },
  { method: 'GET', url: '/api/couple/goals', isolated: false, request: () => ({ url: '/api/couple/goals' }), expect: joint(200) },
  {
    method: 'POST',
    url: '/api/couple/goals',
    isolated: false,
    request: () => ({ url: '/api/couple/goals', body: coupleGoalExample }),
    expect: joint(201),
  },
  {
    method: 'PUT',
    url: '/api/couple/goals/:id',
    isolated: false,
    // Only the partner who wrote it changes it.
    request: (s) => ({ url: `/api/couple/goals/${itemsOf(s).goalId}`, body: { title: 'A weekend away', targetDate: '2027-06-01' } }),
    expect: { ...jointItem(403), owner: 200 },
  },
  {
    method: 'DELETE',
    url: '/api/couple/goals/:id',
    isolated: true,
    request: (s) => ({ url: `/api/couple/goals/${itemsOf(s).goalId}` }),
    expect: { ...jointItem(403), owner: 204 },
  },
  {
    method: 'POST',
    url: '/api/couple/goals/:id/milestones',
    isolated: false,
    // Either partner adds a milestone to a shared goal.
    request: (s) => ({ url: `/api/couple/goals/${itemsOf(s).goalId}/milestones`, body: { title: 'Book the cabin' } }),
    expect: jointItem(201),
  },
  {
    method: 'PUT',
    url: '/api/couple/goals/:id/milestones/:milestoneId/done',
    isolated: false,
    request: (s) => ({
      url: `/api/couple/goals/${itemsOf(s).goalId}/milestones/${itemsOf(s).milestoneId}/done`,
      body: { done: true },
    }),
    expect: jointItem(200),
  },
  {
    method: 'GET',
    url: '/api/couple/activities',
    isolated: false,
    request: () => ({ url: '/api/couple/activities' }),
    expect: joint(200),
  },
  {
    method: 'POST',
    url: '/api/couple/activities',
    isolated: false,
    request: () => ({ url: '/api/couple/activities', body: activityExample }),
    expect: joint(201),
  },
  {
    method: 'PUT',
    url: '/api/couple/activities/:id',
    isolated: false,
    // Only the partner who planned it changes it.
    request: (s) => ({ url: `/api/couple/activities/${itemsOf(s).activityId}`, body: activityExample }),
    expect: { ...jointItem(403), owner: 200 },
  },
  {
    method: 'DELETE',
    url: '/api/couple/activities/:id',
    isolated: true,
    request: (s) => ({ url: `/api/couple/activities/${itemsOf(s).activityId}` }),
    expect: { ...jointItem(403), owner: 204 },
  },
  {
    method: 'PUT',
    url: '/api/couple/activities/:id/done',
    isolated: false,
    request: (s) => ({ url: `/api/couple/activities/${itemsOf(s).activityId}/done`, body: { done: true } }),
    expect: jointItem(200),
  },
  {
    method: 'PUT',
    url: '/api/couple/activities/:id/ratings/mine',
    isolated: false,
    request: (s) => ({ url: `/api/couple/activities/${itemsOf(s).activityId}/ratings/mine`, body: { rating: 4 } }),
    expect: jointItem(200),
  },
  {
    method: 'GET',
    url: '/api/couple/celebrations',
    isolated: false,
    request: () => ({ url: '/api/couple/celebrations' }),
    expect: joint(200),
  },
];

/** The couple's joint items: a contract in force (the owner is in recovery by their intake). */
export async function buildTogether(owner: TestClient, partner: TestClient, today: string, secret: string): Promise<TogetherItems> {
  for (const person of [owner, partner]) {
    await person.put('/api/me/sharing/together', { audience: 'care-team' });
  }
  const couple = await owner.get('/api/couple');
  const contract = await owner.put('/api/couple/contract', {
    ...contractTermsExample,
    myPart: { intention: 'I intend to stay sober today.', medication: '', meetings: 'Tuesday group' },
  });
  const contractVersionId = contract.body.latest.id as string;
  await owner.post(`/api/couple/contract/versions/${contractVersionId}/sign`);
  await partner.post(`/api/couple/contract/versions/${contractVersionId}/sign`);
  const commitment = await owner.post('/api/couple/commitments', commitmentExample);
  const untold = await owner.post('/api/couple/appreciations', { kind: 'appreciation', date: today, text: secret, told: false });
  const boundary = await owner.post('/api/couple/boundaries', boundaryExample);
  const goal = await owner.post('/api/couple/goals', coupleGoalExample);
  const activity = await owner.post('/api/couple/activities', activityExample);
  await owner.put(`/api/couple/activities/${activity.body.id}/done`, { done: true });
  return {
    coupleId: couple.body.id,
    contractVersionId,
    commitmentId: commitment.body.id,
    untoldAppreciationId: untold.body.id,
    boundaryId: boundary.body.id,
    goalId: goal.body.id,
    milestoneId: goal.body.milestones[0].id,
    activityId: activity.body.id,
  };
}

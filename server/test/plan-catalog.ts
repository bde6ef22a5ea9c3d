import type { ActorName, Row, Scenario } from './route-catalog';
import type { TestClient } from './test-app';

/**
 * The rows of the route catalogue for the Continuing Recovery Plan (issue 7), and the scenario's
 * plan: a version in force, signed by both partners. Joint like the Recovery Contract: both
 * partners of the scenario's couple (joint features open) and nobody else; another couple's
 * person gets 409 joint-features-closed, or 404 for a version id that is not theirs (asked
 * before the gate). The plan is joint, so nothing in it is the owner's secret.
 */
export interface PlanItems {
  /** The version in force (and the newest). */
  planVersionId: string;
}

const noSuchItem = '00000000-0000-4000-8000-000000000000';
const itemsOf = (s: Scenario): PlanItems => s.plan ?? { planVersionId: noSuchItem };

const joint = (ok: number): Record<ActorName, number> => ({
  anonymous: 401,
  stranger: 409,
  clinicianOutside: 409,
  clinicianInProgram: 409,
  partner: ok,
  partnerWithSharing: ok,
  owner: ok,
});
const jointItem = (ok: number): Record<ActorName, number> => ({ ...joint(ok), stranger: 404 });

export const planSectionExample = {
  warningSigns: [{ kind: 'behaviour', text: 'Skipping my Tuesday group', watch: { signal: 'sleep-poor', days: 3 } }],
  highRiskSituations: ['Friday after work'],
  iWillDo: ['Call my sponsor'],
  partnerCanDo: ['Ask me to go for a walk'],
  partnerWillNot: ['Check my phone'],
};
export const planSharedExample = {
  lapseResponses: { firstHour: ['Stay safe and call a support'], firstDay: ['Talk with our counsellor'], firstWeek: ['Review the plan'] },
  supports: [{ name: 'Sam', role: 'sponsor', phone: '+1 555 010 2000', email: '' }],
  groups: [{ groupId: 'smart', name: '', who: 'both', attendance: 'wants-to-try' }],
  reviewDate: '2027-03-01',
};

export const planRows: Row[] = [
  { method: 'GET', url: '/api/couple/plan', isolated: false, request: () => ({ url: '/api/couple/plan' }), expect: joint(200) },
  {
    method: 'PUT',
    url: '/api/couple/plan/my-section',
    // A new version would make the scenario's version outdated.
    isolated: true,
    request: () => ({ url: '/api/couple/plan/my-section', body: { section: { ...planSectionExample, iWillDo: ['Text my sponsor'] } } }),
    expect: joint(200),
  },
  {
    method: 'PUT',
    url: '/api/couple/plan/shared',
    isolated: true,
    request: () => ({ url: '/api/couple/plan/shared', body: { shared: { ...planSharedExample, reviewDate: '2027-06-01' } } }),
    expect: joint(200),
  },
  {
    method: 'GET',
    url: '/api/couple/plan/versions',
    isolated: false,
    request: () => ({ url: '/api/couple/plan/versions' }),
    expect: joint(200),
  },
  {
    method: 'POST',
    url: '/api/couple/plan/versions/:id/sign',
    isolated: false,
    // Signed by both already: signing again is harmless.
    request: (s) => ({ url: `/api/couple/plan/versions/${itemsOf(s).planVersionId}/sign` }),
    expect: jointItem(200),
  },
  {
    method: 'GET',
    url: '/api/couple/plan/suggestions',
    isolated: false,
    request: () => ({ url: '/api/couple/plan/suggestions' }),
    expect: joint(200),
  },
];

/** The couple's plan: the owner's section and the shared part, signed by both. */
export async function buildPlan(owner: TestClient, partner: TestClient): Promise<PlanItems> {
  await owner.put('/api/couple/plan/my-section', { baseVersionId: null, section: planSectionExample });
  const shared = await partner.put('/api/couple/plan/shared', { shared: planSharedExample });
  const planVersionId = shared.body?.latest?.id as string | undefined;
  if (shared.status !== 200 || !planVersionId) {
    throw new Error(`plan not written: ${shared.status} ${JSON.stringify(shared.body)}`);
  }
  await owner.post(`/api/couple/plan/versions/${planVersionId}/sign`);
  const signed = await partner.post(`/api/couple/plan/versions/${planVersionId}/sign`);
  if (signed.status !== 200 || signed.body.signedByBothAt === null) {
    throw new Error(`plan not signed: ${signed.status}`);
  }
  return { planVersionId };
}

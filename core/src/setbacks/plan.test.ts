import { describe, expect, it } from 'vitest';
import { decideSignature, dialable, emptyShared, isSameShared, planReviewState, planVersionStatus, toStoredShared, whoOf } from './plan';
import { mySectionInputSchema, planSharedInputSchema } from './plan.schemas';

const alex = 'a0000000-0000-4000-8000-000000000001';
const blake = 'b0000000-0000-4000-8000-000000000002';

describe('decideSignature', () => {
  const cases = [
    { name: 'first signature', signers: [], latest: 'v2', version: 'v2', expected: { outcome: 'signed', signedByBoth: false } },
    {
      name: 'second signature completes the pair',
      signers: [blake],
      latest: 'v2',
      version: 'v2',
      expected: { outcome: 'signed', signedByBoth: true },
    },
    { name: 'signing again', signers: [alex], latest: 'v2', version: 'v2', expected: { outcome: 'already-signed', signedByBoth: false } },
    {
      name: 'signing again once both signed',
      signers: [alex, blake],
      latest: 'v2',
      version: 'v2',
      expected: { outcome: 'already-signed', signedByBoth: true },
    },
    { name: 'an outdated version', signers: [], latest: 'v3', version: 'v2', expected: { outcome: 'outdated' } },
    { name: 'an outdated version already signed', signers: [alex], latest: 'v3', version: 'v2', expected: { outcome: 'outdated' } },
  ] as const;
  it.each(cases)('$name', ({ signers, latest, version, expected }) => {
    expect(decideSignature({ versionId: version, latestId: latest, signers, actorId: alex, partnerId: blake })).toEqual(expected);
  });
});

describe('planVersionStatus', () => {
  it.each([
    { id: 'v1', signedByBothAt: '2026-03-01T10:00:00.000Z', active: 'v1', latest: 'v1', expected: 'in-force' },
    { id: 'v2', signedByBothAt: null, active: 'v1', latest: 'v2', expected: 'waiting' },
    { id: 'v1', signedByBothAt: '2026-03-01T10:00:00.000Z', active: 'v2', latest: 'v2', expected: 'replaced' },
    { id: 'v1', signedByBothAt: null, active: null, latest: 'v2', expected: 'replaced' },
  ])('$id (active $active, latest $latest) is $expected', ({ id, signedByBothAt, active, latest, expected }) => {
    expect(planVersionStatus({ id, signedByBothAt }, active, latest)).toBe(expected);
  });
});

describe('planReviewState', () => {
  const today = '2026-06-10';
  it.each([
    { name: 'no plan in force', activeId: null, activeReviewDate: null, latestId: 'v1', expected: 'none' },
    { name: 'a plan with no review date', activeId: 'v1', activeReviewDate: null, latestId: 'v1', expected: 'none' },
    { name: 'the date still ahead', activeId: 'v1', activeReviewDate: '2026-06-11', latestId: 'v1', expected: 'upcoming' },
    { name: 'the date is today', activeId: 'v1', activeReviewDate: today, latestId: 'v1', expected: 'due' },
    { name: 'the date has passed', activeId: 'v1', activeReviewDate: '2026-05-01', latestId: 'v1', expected: 'due' },
    { name: 'a new draft waits for signatures', activeId: 'v1', activeReviewDate: '2026-05-01', latestId: 'v2', expected: 'in-progress' },
  ])('$name → $expected', ({ activeId, activeReviewDate, latestId, expected }) => {
    expect(planReviewState({ activeId, activeReviewDate, latestId, today })).toBe(expected);
  });
});

describe('the shared part in its stored form', () => {
  const shared = planSharedInputSchema.parse({
    lapseResponses: { firstHour: ['Call my sponsor'] },
    supports: [{ name: 'Sam', role: 'sponsor', phone: '+1 (555) 010-2000' }],
    groups: [
      { groupId: 'aa', name: 'ignored for a listed group', who: 'me', attendance: 'attends' },
      { groupId: 'other', name: 'Tuesday walking group', who: 'both', attendance: 'wants-to-try' },
    ],
    reviewDate: '2026-09-01',
  });

  it('names people by id, so both partners read the same thing', () => {
    const byAlex = toStoredShared(shared, alex, blake);
    expect(byAlex.groups).toEqual([
      { groupId: 'aa', name: '', people: [alex], attendance: 'attends' },
      { groupId: 'other', name: 'Tuesday walking group', people: [alex, blake], attendance: 'wants-to-try' },
    ]);
    expect(whoOf(byAlex.groups[0]!.people, alex)).toBe('me');
    expect(whoOf(byAlex.groups[0]!.people, blake)).toBe('my-partner');
    expect(whoOf(byAlex.groups[1]!.people, blake)).toBe('both');
    // "both" written by either partner is stored the same way.
    const byBlake = toStoredShared({ ...shared, groups: [shared.groups[1]!] }, blake, alex);
    expect(byBlake.groups[0]!.people).toEqual(byAlex.groups[1]!.people);
  });

  it('tells an unchanged shared part from a changed one', () => {
    const stored = toStoredShared(shared, alex, blake);
    expect(isSameShared(stored, toStoredShared(shared, alex, blake))).toBe(true);
    expect(isSameShared(stored, { ...stored, reviewDate: '2026-10-01' })).toBe(false);
    expect(
      isSameShared(emptyShared, toStoredShared(planSharedInputSchema.parse({ lapseResponses: {}, reviewDate: null }), alex, blake)),
    ).toBe(true);
  });
});

describe('plan input rules', () => {
  it('asks for a way to reach each support', () => {
    const result = planSharedInputSchema.safeParse({
      lapseResponses: {},
      supports: [{ name: 'Clinic', role: 'clinic' }],
      reviewDate: null,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['supports', 0, 'phone']);
  });

  it('refuses a phone number with letters and an e-mail that is not one', () => {
    const support = (phone: string, email: string) =>
      planSharedInputSchema.safeParse({ lapseResponses: {}, supports: [{ name: 'X', role: 'other', phone, email }], reviewDate: null })
        .success;
    expect(support('555-CALL-NOW', '')).toBe(false);
    expect(support('', 'not-an-address')).toBe(false);
    expect(support('+44 20 7946 0958', '')).toBe(true);
    expect(support('', 'help@example.org')).toBe(true);
  });

  it('keeps the watch of a warning sign within 1 to 14 days, on a known signal', () => {
    const section = (watch: unknown) =>
      mySectionInputSchema.safeParse({ baseVersionId: null, section: { warningSigns: [{ kind: 'feeling', text: 'Restless', watch }] } })
        .success;
    expect(section({ signal: 'sleep-poor', days: 3 })).toBe(true);
    expect(section({ signal: 'sleep-poor', days: 0 })).toBe(false);
    expect(section({ signal: 'sleep-poor', days: 15 })).toBe(false);
    expect(section({ signal: 'partner-late-home', days: 2 })).toBe(false);
  });

  it('has no field through which a section names its owner', () => {
    const result = mySectionInputSchema.safeParse({ baseVersionId: null, section: {}, partnerId: blake });
    expect(result.success).toBe(false);
  });
});

describe('dialable', () => {
  it.each([
    ['1-800-662-4357', '18006624357'],
    ['+1 (555) 010-2000', '+15550102000'],
    ['988', '988'],
  ])('%s → %s', (phone, expected) => {
    expect(dialable(phone)).toBe(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { signState, streakMilestone, versionStatus } from './contract-state';

const people = { me: { id: 'me', name: 'Alex' }, partner: { id: 'partner', name: 'Blake' } };
const signed = (...ids: string[]) => ({ signatures: ids.map((partnerId) => ({ partnerId, signedAt: '2026-11-25T10:00:00.000Z' })) });

describe('contract sign states', () => {
  it('tells who signed, from this phone', () => {
    expect(signState(signed(), people)).toBe('unsigned');
    expect(signState(signed('me'), people)).toBe('signed-by-me');
    expect(signState(signed('partner'), people)).toBe('signed-by-partner');
    expect(signState(signed('partner', 'me'), people)).toBe('signed-by-both');
  });

  it('ignores a signature of someone who is not in the couple any more', () => {
    expect(signState(signed('someone-else', 'me'), people)).toBe('signed-by-me');
  });

  it('says which version is in force, waiting, or replaced', () => {
    const contract = { active: { id: 'v1' }, latest: { id: 'v2' } };
    expect(versionStatus({ id: 'v1' }, contract)).toBe('in-force');
    expect(versionStatus({ id: 'v2' }, contract)).toBe('waiting');
    expect(versionStatus({ id: 'v0' }, contract)).toBe('replaced');
    expect(versionStatus({ id: 'v2' }, { active: { id: 'v2' }, latest: { id: 'v2' } })).toBe('in-force');
  });
});

describe('streak milestones', () => {
  it('celebrates the largest milestone reached', () => {
    expect(streakMilestone(0)).toBeNull();
    expect(streakMilestone(6)).toBeNull();
    expect(streakMilestone(7)).toBe(7);
    expect(streakMilestone(13)).toBe(7);
    expect(streakMilestone(30)).toBe(30);
    expect(streakMilestone(400)).toBe(365);
  });
});

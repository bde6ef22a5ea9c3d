import { describe, expect, it } from 'vitest';
import { audiences, type Audience } from '@twofold/core/sharing/data-kinds';
import { isJointVisibleToCareTeam } from './together';

describe('isJointVisibleToCareTeam', () => {
  it('lets the care team see joint items only when both partners share them with it', () => {
    for (const first of audiences) {
      for (const second of audiences) {
        const both = (a: Audience) => a === 'care-team' || a === 'both';
        expect(isJointVisibleToCareTeam([first, second]), `${first} + ${second}`).toBe(both(first) && both(second));
      }
    }
    expect(isJointVisibleToCareTeam(['care-team', 'private'])).toBe(false);
    expect(isJointVisibleToCareTeam(['care-team', 'care-team'])).toBe(true);
  });
});

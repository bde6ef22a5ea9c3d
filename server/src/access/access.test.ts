import { describe, expect, it } from 'vitest';
import { allowedAudiences, audiences, dataKindIds, type Audience } from '@twofold/core/sharing/data-kinds';
import { isVisible, type Relation } from './access';

// Every relation × every audience × every kind in the registry.
const expected: Record<Relation | 'none', Record<Audience, boolean>> = {
  self: { private: true, partner: true, 'care-team': true, both: true },
  partner: { private: false, partner: true, 'care-team': false, both: true },
  clinician: { private: false, partner: false, 'care-team': true, both: true },
  none: { private: false, partner: false, 'care-team': false, both: false },
};

describe('isVisible', () => {
  // A clinician also needs the owner's current consent for the kind (42 CFR Part 2 spirit); for
  // anyone else a consent changes nothing.
  for (const hasConsent of [true, false]) {
    for (const kind of dataKindIds) {
      for (const [relation, byAudience] of Object.entries(expected)) {
        for (const audience of audiences) {
          // A kind that may not be shared with this audience stays private, e.g. the journal.
          const shared = allowedAudiences(kind).includes(audience) && byAudience[audience];
          const want = relation === 'self' || (shared && (relation !== 'clinician' || hasConsent));
          const consent = hasConsent ? 'with' : 'without';
          it(`${kind}: ${relation} ${want ? 'sees' : 'does not see'} data shared with ${audience}, ${consent} a consent`, () => {
            expect(isVisible(relation === 'none' ? null : (relation as Relation), audience, kind, hasConsent)).toBe(want);
          });
        }
      }
    }
  }

  it('never shows the journal as a whole to the partner or the care team', () => {
    expect(isVisible('partner', 'both', 'journal')).toBe(false);
    expect(isVisible('clinician', 'both', 'journal', true)).toBe(false);
  });

  it('denies a kind that is not in the registry', () => {
    expect(isVisible('partner', 'both', 'journal' as never)).toBe(false);
  });
});

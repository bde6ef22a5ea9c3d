import { describe, expect, it } from 'vitest';
import type { PlanSection, PlanShared } from '@twofold/core/setbacks/plan.schemas';
import { planProposalLink, readPlanProposal } from './plan-link';
import {
  sectionDraftOf,
  sectionInputOf,
  sharedDraftOf,
  sharedInputOf,
  toLines,
  withLine,
  withProposal,
  withWarningSign,
} from './plan-form';

const me = 'a0000000-0000-4000-8000-000000000001';
const partner = 'b0000000-0000-4000-8000-000000000002';

const section: PlanSection = {
  partnerId: me,
  warningSigns: [
    { kind: 'thought', text: 'Just one' },
    { kind: 'behaviour', text: 'Staying up late', watch: { signal: 'sleep-poor', days: 2 } },
  ],
  highRiskSituations: ['Payday'],
  iWillDo: ['Call Sam'],
  partnerCanDo: [],
  partnerWillNot: ['Check my phone'],
};

describe('the section form', () => {
  it('round-trips a section, watch included, dropping empty lines and signs', () => {
    const draft = sectionDraftOf(section);
    expect(draft.iWillDo).toBe('Call Sam');
    const edited = {
      ...draft,
      iWillDo: 'Call Sam\n\n  Walk  \n',
      warningSigns: [...draft.warningSigns, { kind: 'feeling' as const, text: ' ', signal: '' as const, days: 3 }],
    };
    expect(sectionInputOf(edited)).toEqual({
      warningSigns: section.warningSigns,
      highRiskSituations: ['Payday'],
      iWillDo: ['Call Sam', 'Walk'],
      partnerCanDo: [],
      partnerWillNot: ['Check my phone'],
    });
  });

  it('adds a proposed change as a new "what I will do" line, once', () => {
    const draft = withProposal(sectionDraftOf(section), ' Text Sam before Friday dinner ');
    expect(toLines(draft.iWillDo)).toEqual(['Call Sam', 'Text Sam before Friday dinner']);
    expect(withProposal(draft, 'Text Sam before Friday dinner')).toBe(draft);
    expect(toLines(withProposal(sectionDraftOf(undefined), 'Walk').iWillDo)).toEqual(['Walk']);
  });

  it('adds an example line once', () => {
    expect(withLine('Check my phone', 'Check my phone')).toBe('Check my phone');
    expect(withLine('', 'Count my drinks')).toBe('Count my drinks');
  });

  it('adds a suggested warning sign to the section as it is, without naming the owner', () => {
    const input = withWarningSign(section, { kind: 'situation', text: 'After a fight', watch: { signal: 'conflict-high', days: 1 } });
    expect(input).not.toHaveProperty('partnerId');
    expect(input.warningSigns).toHaveLength(3);
    expect(withWarningSign(undefined, { kind: 'feeling', text: 'Stressed' }).warningSigns).toEqual([{ kind: 'feeling', text: 'Stressed' }]);
  });
});

describe('the shared form', () => {
  const shared: PlanShared = {
    lapseResponses: { firstHour: ['Stay safe'], firstDay: [], firstWeek: ['Review'] },
    supports: [{ name: 'Sam', role: 'sponsor', phone: '555 0100', email: '' }],
    groups: [
      {
        groupId: 'aa',
        name: 'Alcoholics Anonymous (AA)',
        finderUrl: 'https://www.aa.org/find-aa',
        people: [partner],
        attendance: 'attends',
      },
      { groupId: 'other', name: 'Walking group', finderUrl: null, people: [me, partner], attendance: 'wants-to-try' },
    ],
    reviewDate: '2027-01-10',
  };

  it('shows who goes from my side and sends it back the same way', () => {
    const draft = sharedDraftOf(shared, me);
    expect(draft.groups.map((group) => group.who)).toEqual(['my-partner', 'both']);
    expect(sharedInputOf(draft)).toEqual({
      lapseResponses: { firstHour: ['Stay safe'], firstDay: [], firstWeek: ['Review'] },
      supports: [{ name: 'Sam', role: 'sponsor', phone: '555 0100', email: '' }],
      groups: [
        { groupId: 'aa', name: '', who: 'my-partner', attendance: 'attends' },
        { groupId: 'other', name: 'Walking group', who: 'both', attendance: 'wants-to-try' },
      ],
      reviewDate: '2027-01-10',
    });
  });

  it('drops an empty support row and an empty review date', () => {
    const draft = { ...sharedDraftOf(undefined, me), supports: [{ name: ' ', role: 'other' as const, phone: '', email: '' }] };
    expect(sharedInputOf(draft)).toMatchObject({ supports: [], reviewDate: null });
  });
});

describe('planProposalLink', () => {
  it('links to the plan with the proposed text in location state, which the plan page reads back', () => {
    const link = planProposalLink('Call Sam before payday');
    expect(link).toEqual({ to: '/us/plan', state: { proposeChange: { text: 'Call Sam before payday' } } });
    expect(readPlanProposal(link.state)).toBe('Call Sam before payday');
    expect(readPlanProposal(null)).toBeNull();
    expect(readPlanProposal({ proposeChange: { text: '  ' } })).toBeNull();
    expect(readPlanProposal({ proposeChange: 'text' })).toBeNull();
  });
});

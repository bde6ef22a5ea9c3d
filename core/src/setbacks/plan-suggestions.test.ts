import { describe, expect, it } from 'vitest';
import {
  maxTriggerSuggestions,
  minCheckinDays,
  suggestWarningSigns,
  type SuggestionCheckin,
  type SuggestionInput,
  type SuggestionTriggerEntry,
} from './plan-suggestions';

/** Consecutive days from 2026-03-01, each built by `make(index)`. */
function days(count: number, make: (index: number) => Partial<SuggestionCheckin>): SuggestionCheckin[] {
  return Array.from({ length: count }, (_, index) => {
    const date = new Date(Date.UTC(2026, 2, 1 + index)).toISOString().slice(0, 10);
    return { date, craving: 2, sleep: 4, stress: 2, conflict: 'none', ...make(index) };
  });
}

/** Every 4th day high conflict, and the day after it craving 7 (otherwise 2). */
const conflictPattern = (count: number) =>
  days(count, (index) => ({ conflict: index % 4 === 0 ? 'high' : 'none', craving: index % 4 === 1 ? 7 : 2 }));

function entries(label: string, triggerId: string, dates: string[]): SuggestionTriggerEntry[] {
  return dates.map((date) => ({ triggerId, label, date }));
}

const none: Pick<SuggestionInput, 'triggerEntries' | 'existing'> = { triggerEntries: [], existing: [] };

describe('suggestWarningSigns', () => {
  const cases: Array<{ name: string; input: SuggestionInput; kinds: string[] }> = [
    { name: 'no data at all', input: { checkins: [], ...none }, kinds: [] },
    {
      name: 'a strong conflict pattern, but fewer days than the minimum',
      input: { checkins: conflictPattern(minCheckinDays - 1), ...none },
      kinds: [],
    },
    { name: 'a conflict pattern over enough days', input: { checkins: conflictPattern(20), ...none }, kinds: ['conflict-then-craving'] },
    {
      name: 'enough days, but only two high-conflict days',
      input: {
        checkins: days(20, (index) => ({
          conflict: index === 3 || index === 9 ? 'high' : 'none',
          craving: index === 4 || index === 10 ? 9 : 1,
        })),
        ...none,
      },
      kinds: [],
    },
    {
      name: 'high conflict with no higher craving the next day',
      input: { checkins: days(20, (index) => ({ conflict: index % 4 === 0 ? 'high' : 'none', craving: 3 })), ...none },
      kinds: [],
    },
    {
      name: 'craving higher only by less than a point',
      input: {
        checkins: days(20, (index) => ({ conflict: index % 4 === 0 ? 'high' : 'none', craving: index % 4 === 1 ? 2.5 : 2 })),
        ...none,
      },
      kinds: [],
    },
    {
      name: 'high conflict with gaps: the next day must be checked in',
      // Every high-conflict day is the last before a missing day, so no pair exists for it.
      input: {
        checkins: days(40, (index) => ({ conflict: index % 4 === 0 ? 'high' : 'none', craving: 8 })).filter((_, index) => index % 4 !== 1),
        ...none,
      },
      kinds: [],
    },
    {
      name: 'poor sleep on days with higher craving',
      input: { checkins: days(21, (index) => ({ sleep: index % 3 === 0 ? 1 : 4, craving: index % 3 === 0 ? 6 : 2 })), ...none },
      kinds: ['poor-sleep-craving'],
    },
    {
      name: 'high stress on days with higher craving',
      input: { checkins: days(21, (index) => ({ stress: index % 3 === 0 ? 5 : 2, craving: index % 3 === 0 ? 6 : 2 })), ...none },
      kinds: ['stress-craving'],
    },
    {
      name: 'a conflict pattern already watched by one of my warning signs',
      input: {
        checkins: conflictPattern(20),
        triggerEntries: [],
        existing: [{ kind: 'situation', text: 'After a big argument', watch: { signal: 'conflict-high', days: 1 } }],
      },
      kinds: [],
    },
    {
      name: 'a trigger logged on three different days',
      input: { checkins: [], triggerEntries: entries('Payday', 't1', ['2026-03-01', '2026-03-08', '2026-03-15']), existing: [] },
      kinds: ['frequent-trigger'],
    },
    {
      name: 'a trigger logged three times on only two days',
      input: { checkins: [], triggerEntries: entries('Payday', 't1', ['2026-03-01', '2026-03-01', '2026-03-15']), existing: [] },
      kinds: [],
    },
    {
      name: 'a frequent trigger my warning signs already name',
      input: {
        checkins: [],
        triggerEntries: entries('Payday', 't1', ['2026-03-01', '2026-03-08', '2026-03-15']),
        existing: [{ kind: 'situation', text: 'Friday after payday' }],
      },
      kinds: [],
    },
  ];

  it.each(cases)('$name → $kinds', ({ input, kinds }) => {
    expect(suggestWarningSigns(input).map((suggestion) => suggestion.kind)).toEqual(kinds);
  });

  it('says what the conflict finding rests on, and maps it to the conflict watch', () => {
    const [suggestion] = suggestWarningSigns({ checkins: conflictPattern(20), ...none });
    // 20 days, 19 of them followed by a checked-in day; high conflict on days 0, 4, 8, 12, 16.
    expect(suggestion).toEqual({
      id: 'conflict-then-craving',
      kind: 'conflict-then-craving',
      basedOnDays: 19,
      figures: { compared: 5, others: 14, averageAfter: 7, averageOtherwise: 2 },
      warningSign: { kind: 'situation', watch: { signal: 'conflict-high', days: 1 } },
    });
  });

  it('counts a day checked in twice once', () => {
    const checkins = conflictPattern(13);
    expect(suggestWarningSigns({ checkins: [...checkins, checkins[0]!], ...none })).toEqual([]);
  });

  it('offers at most three triggers, the most frequent first, each without a watch', () => {
    const dates = (n: number) => Array.from({ length: n }, (_, index) => `2026-03-${String(index + 1).padStart(2, '0')}`);
    const suggestions = suggestWarningSigns({
      checkins: [],
      triggerEntries: [
        ...entries('Payday', 'a', dates(3)),
        ...entries('Visiting my brother', 'b', dates(6)),
        ...entries('Work drinks', 'c', dates(4)),
        ...entries('Being alone at night', 'd', dates(5)),
      ],
      existing: [],
    });
    expect(suggestions).toHaveLength(maxTriggerSuggestions);
    expect(suggestions.map((suggestion) => [suggestion.figures.triggerLabel, suggestion.figures.times])).toEqual([
      ['Visiting my brother', 6],
      ['Being alone at night', 5],
      ['Work drinks', 4],
    ]);
    expect(suggestions[0]).toMatchObject({ id: 'frequent-trigger:b', basedOnDays: 6, warningSign: { kind: 'situation' } });
    expect(suggestions[0]!.warningSign.watch).toBeUndefined();
  });
});

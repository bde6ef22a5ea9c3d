import { describe, expect, it } from 'vitest';
import type { ApimFit, Estimate } from './apim';
import type { Insight } from './insights';
import { chooseSuggestion, chooseSummaryInsight, cravingRose, isClearInsight, isoWeekday, weekEndedBefore } from './weekly-summary';

const estimate = (value: number, lower: number, upper: number, partialR: number): Estimate => ({
  estimate: value,
  standardError: 0.5,
  lower,
  upper,
  p: 0.5,
  partialR,
});
const ok = (days: number, actor: Estimate, partner: Estimate | null = null): ApimFit => ({
  status: 'ok',
  days,
  actor,
  partner,
  confidence: 0.95,
});
const vague = estimate(0.1, -0.5, 0.7, 0.05);

describe('the week a summary covers', () => {
  it('numbers weekdays Monday 1 to Sunday 7', () => {
    expect(isoWeekday('2026-11-23')).toBe(1);
    expect(isoWeekday('2026-11-29')).toBe(7);
  });

  it('is last Monday to last Sunday, whatever day of the week it is now', () => {
    expect(weekEndedBefore('2026-11-30')).toEqual({ start: '2026-11-23', end: '2026-11-29' });
    expect(weekEndedBefore('2026-12-06')).toEqual({ start: '2026-11-23', end: '2026-11-29' });
    // Across a month, a year and a DST change (calendar days, not hours).
    expect(weekEndedBefore('2027-01-04')).toEqual({ start: '2026-12-28', end: '2027-01-03' });
    expect(weekEndedBefore('2026-11-02')).toEqual({ start: '2026-10-26', end: '2026-11-01' });
  });
});

describe('the insight a summary shows', () => {
  it('prefers a clear link, the strongest by partial correlation', () => {
    const insights: Insight[] = [
      { id: 'conflict-next-day-craving', fit: ok(40, estimate(1, 0.2, 1.8, 0.3)) },
      { id: 'stress-next-day-craving', fit: ok(60, vague, estimate(-0.8, -1.2, -0.4, -0.45)) },
      { id: 'closeness-same-day-mood', fit: ok(80, vague) },
    ];
    expect(chooseSummaryInsight(insights)?.id).toBe('stress-next-day-craving');
    expect(isClearInsight(insights[1]!)).toBe(true);
  });

  it('falls back to the fitted question with the most days, as "no clear link yet"', () => {
    const insights: Insight[] = [
      { id: 'conflict-next-day-craving', fit: { status: 'not-enough-events', days: 50, variable: 'actor', events: 2, needed: 4 } },
      { id: 'stress-next-day-craving', fit: ok(30, vague) },
      { id: 'closeness-same-day-mood', fit: ok(45, vague) },
    ];
    const chosen = chooseSummaryInsight(insights)!;
    expect(chosen.id).toBe('closeness-same-day-mood');
    expect(isClearInsight(chosen)).toBe(false);
  });

  it('never presents an insight below the minimum sample as a finding', () => {
    const insights: Insight[] = [
      { id: 'conflict-next-day-craving', fit: { status: 'not-enough-days', days: 9, needed: 14 } },
      { id: 'stress-next-day-craving', fit: { status: 'not-enough-days', days: 9, needed: 14 } },
    ];
    const chosen = chooseSummaryInsight(insights)!;
    expect(chosen.fit.status).toBe('not-enough-days');
    expect(isClearInsight(chosen)).toBe(false);
    expect(chooseSummaryInsight([])).toBeNull();
  });
});

describe('the suggestion from the skills library', () => {
  const week = { start: '2026-11-23', end: '2026-11-29' };
  const calm = { week, highConflictDays: 0, craving: { thisWeek: 2, previousWeek: 2 }, toolsThatHelped: [] };

  it('after a high-conflict week, a communication skill: the time-out from three such days, else "I" statements', () => {
    expect(chooseSuggestion({ ...calm, highConflictDays: 2 })).toEqual({
      kind: 'communication-skill',
      id: 'i-statements',
      reason: 'high-conflict-week',
    });
    expect(chooseSuggestion({ ...calm, highConflictDays: 4, toolsThatHelped: ['breathing'] })).toMatchObject({ id: 'time-out' });
  });

  it('when craving rose, the tool that helped me before, else urge surfing', () => {
    const rose = { thisWeek: 4, previousWeek: 2.5 };
    expect(chooseSuggestion({ ...calm, craving: rose, toolsThatHelped: ['grounding', 'breathing'] })).toEqual({
      kind: 'coping-tool',
      id: 'grounding',
      reason: 'helped-before',
    });
    expect(chooseSuggestion({ ...calm, craving: rose })).toEqual({ kind: 'coping-tool', id: 'urge-surfing', reason: 'craving-rose' });
  });

  it('counts craving as up from a point above last week, or at 5 and more', () => {
    expect(cravingRose({ thisWeek: 3, previousWeek: 2 })).toBe(true);
    expect(cravingRose({ thisWeek: 2.9, previousWeek: 2 })).toBe(false);
    expect(cravingRose({ thisWeek: 5, previousWeek: null })).toBe(true);
    expect(cravingRose({ thisWeek: null, previousWeek: 8 })).toBe(false);
  });

  it('in a quiet week, the skill of the week, in turn through the library', () => {
    const first = chooseSuggestion(calm);
    const next = chooseSuggestion({ ...calm, week: { start: '2026-11-30', end: '2026-12-06' } });
    expect(first.reason).toBe('weekly-practice');
    expect(first.kind).toBe('communication-skill');
    expect(next.id).not.toBe(first.id);
  });
});

import { describe, expect, it } from 'vitest';
import { computeCounters, reachedMilestones } from '../checkins/counters';
import { useDaysWithLapses } from './lapse-effects';

const startDate = '2026-01-01';
const today = '2026-03-01'; // day 60 of recovery
const counters = (useDates: string[]) => computeCounters({ today, startDate, useDates });

describe('the lapse effects on counters', () => {
  it('without any use: 60 days since the start, all of them sober', () => {
    expect(counters(useDaysWithLapses([], []))).toEqual({ daysSinceLastUse: 60, totalSoberDays: 60, lastUseDate: null });
  });

  it('a lapse on a day with no check-in counts as a use day: the run starts again, total loses one day', () => {
    expect(counters(useDaysWithLapses([], ['2026-02-20']))).toEqual({
      daysSinceLastUse: 9,
      totalSoberDays: 59,
      lastUseDate: '2026-02-20',
    });
  });

  it('a lapse on a day whose check-in said "no use" still counts as a use day', () => {
    // The check-in of 2026-02-25 said no use (it is not among the use days); the lapse report names that day.
    expect(counters(useDaysWithLapses(['2026-02-01'], ['2026-02-25']))).toMatchObject({ lastUseDate: '2026-02-25', totalSoberDays: 58 });
  });

  it('a lapse on a day the check-in already reported use is counted once', () => {
    expect(counters(useDaysWithLapses(['2026-02-20'], ['2026-02-20', '2026-02-20']))).toEqual({
      daysSinceLastUse: 9,
      totalSoberDays: 59,
      lastUseDate: '2026-02-20',
    });
  });

  it('a lapse today: 0 days since last use, and every earlier sober day is kept', () => {
    expect(counters(useDaysWithLapses([], [today]))).toEqual({ daysSinceLastUse: 0, totalSoberDays: 59, lastUseDate: today });
  });

  it('an older lapse than the last reported use does not move "days since last use"', () => {
    expect(counters(useDaysWithLapses(['2026-02-25'], ['2026-01-10']))).toEqual({
      daysSinceLastUse: 4,
      totalSoberDays: 58,
      lastUseDate: '2026-02-25',
    });
  });

  it('a lapse before the recovery start date or after today changes nothing', () => {
    expect(counters(useDaysWithLapses([], ['2025-12-31', '2026-03-02']))).toEqual(counters([]));
  });

  it('milestones already reached stay reached, on the days they were reached', () => {
    const before = reachedMilestones({ today, startDate, useDates: [] });
    const after = reachedMilestones({ today, startDate, useDates: useDaysWithLapses([], ['2026-02-20']) });
    // The 1-, 7- and 30-day milestones of the first run are still there as "total" milestones.
    const totals = (list: typeof before) => list.filter((m) => m.counter === 'total').map((m) => `${m.days}@${m.reachedOn}`);
    expect(totals(after)).toEqual(expect.arrayContaining(['1@2026-01-01', '7@2026-01-07', '30@2026-01-30']));
    expect(totals(before)).toContain('60@2026-03-01');
    // Total sober days: 59 now, so the 60-day one is not claimed; the current run has reached 7 days.
    expect(totals(after)).not.toContain('60@2026-03-01');
    expect(after.filter((m) => m.counter === 'current').map((m) => m.days)).toEqual([7, 1]);
  });

  it('several lapses: each lapse day costs one day, no more', () => {
    const lapses = ['2026-01-15', '2026-02-01', '2026-02-02'];
    expect(counters(useDaysWithLapses([], lapses))).toEqual({ daysSinceLastUse: 27, totalSoberDays: 57, lastUseDate: '2026-02-02' });
  });
});

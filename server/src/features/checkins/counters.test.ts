import { describe, expect, it } from 'vitest';
import { computeCounters, milestoneThresholds, nextThreshold, reachedMilestones } from './counters';

describe('counters', () => {
  it('count the start date as day 1', () => {
    expect(computeCounters({ today: '2026-03-01', startDate: '2026-03-01', useDates: [] })).toEqual({
      daysSinceLastUse: 1,
      totalSoberDays: 1,
      lastUseDate: null,
    });
  });

  it('keep total sober days through a lapse, and restart days since last use', () => {
    const input = { today: '2026-03-31', startDate: '2026-03-01', useDates: ['2026-03-20'] };
    expect(computeCounters(input)).toEqual({ daysSinceLastUse: 11, totalSoberDays: 30, lastUseDate: '2026-03-20' });
  });

  it('show 0 days since last use on a day with use', () => {
    expect(computeCounters({ today: '2026-03-10', startDate: '2026-03-01', useDates: ['2026-03-10'] })).toMatchObject({
      daysSinceLastUse: 0,
      totalSoberDays: 9,
    });
  });

  it('ignore use before the start date and count a use day once', () => {
    const input = { today: '2026-03-10', startDate: '2026-03-05', useDates: ['2026-02-01', '2026-03-07', '2026-03-07'] };
    expect(computeCounters(input)).toEqual({ daysSinceLastUse: 3, totalSoberDays: 5, lastUseDate: '2026-03-07' });
  });

  it('count calendar days, not hours, across a daylight-saving change', () => {
    // US clocks sprang forward on 2026-03-08.
    expect(computeCounters({ today: '2026-03-09', startDate: '2026-03-07', useDates: [] }).totalSoberDays).toBe(3);
  });

  it('have no counters without a start date or before it', () => {
    expect(computeCounters({ today: '2026-03-10', startDate: null, useDates: [] }).totalSoberDays).toBeNull();
    expect(computeCounters({ today: '2026-03-10', startDate: '2026-04-01', useDates: [] }).daysSinceLastUse).toBeNull();
  });
});

describe('milestones', () => {
  it('are 1, 7, 30, 60, 90, 180, 365 days, then yearly', () => {
    expect(milestoneThresholds(1200)).toEqual([1, 7, 30, 60, 90, 180, 365, 730, 1095]);
    expect(nextThreshold(0)).toBe(1);
    expect(nextThreshold(90)).toBe(180);
    expect(nextThreshold(365)).toBe(730);
    expect(nextThreshold(800)).toBe(1095);
  });

  it('date each milestone of the current run and of total sober days, newest first', () => {
    const milestones = reachedMilestones({ today: '2026-01-10', startDate: '2026-01-01', useDates: ['2026-01-03'] });
    expect(milestones).toEqual(
      [
        { counter: 'total', days: 7, reachedOn: '2026-01-08' },
        { counter: 'current', days: 7, reachedOn: '2026-01-10' },
        { counter: 'current', days: 1, reachedOn: '2026-01-04' },
        { counter: 'total', days: 1, reachedOn: '2026-01-01' },
      ].sort((a, b) => (a.reachedOn === b.reachedOn ? b.days - a.days : a.reachedOn < b.reachedOn ? 1 : -1)),
    );
  });

  it('reach the yearly milestone of total sober days later by each day with use', () => {
    const milestones = reachedMilestones({ today: '2027-01-10', startDate: '2026-01-01', useDates: ['2026-06-01', '2026-06-02'] });
    expect(milestones.find((m) => m.counter === 'total' && m.days === 365)?.reachedOn).toBe('2027-01-02');
    expect(milestones.some((m) => m.counter === 'current' && m.days === 365)).toBe(false);
  });
});

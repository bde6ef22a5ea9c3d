import { addDays, daysBetween, type LocalDate } from '../../platform/local-date';

/**
 * Counters that do not shame (PRODUCT.md, principle 4). Definitions:
 * - The recovery start date is day 1. Days in recovery: the start date through today, inclusive.
 * - A day with use is a day the person reported use in their own check-in. A day without a
 *   check-in counts as a sober day: nobody else reports use, and a missed day can be filled in later.
 * - Total sober days: days in recovery minus days with use. A lapse never erases them.
 * - Days since last use: the days after the last day with use, through today (the days in
 *   recovery when there was none). 0 on a day with use.
 * Milestones at 1, 7, 30, 60, 90, 180 and 365 days, then every further year — the common
 * markers of mutual-help groups (e.g. AA and NA chips and key tags).
 */
export interface CounterInput {
  today: LocalDate;
  startDate: LocalDate | null;
  /** Days with reported use, in any order; days outside the recovery period are ignored. */
  useDates: readonly LocalDate[];
}

export interface Counters {
  daysSinceLastUse: number | null;
  totalSoberDays: number | null;
  lastUseDate: LocalDate | null;
}

export interface ReachedMilestone {
  counter: 'current' | 'total';
  days: number;
  reachedOn: LocalDate;
}

const firstMilestones = [1, 7, 30, 60, 90, 180, 365];

/** Milestone thresholds up to `max` days: the fixed ones, then yearly. */
export function milestoneThresholds(max: number): number[] {
  const thresholds = firstMilestones.filter((days) => days <= max);
  for (let year = 2; year * 365 <= max; year += 1) {
    thresholds.push(year * 365);
  }
  return thresholds;
}

export function nextThreshold(value: number): number {
  return firstMilestones.find((days) => days > value) ?? (Math.floor(value / 365) + 1) * 365;
}

function useDaysInRecovery({ today, startDate, useDates }: CounterInput): LocalDate[] {
  if (startDate === null) {
    return [];
  }
  return [...new Set(useDates)].filter((date) => date >= startDate && date <= today).sort();
}

export function computeCounters(input: CounterInput): Counters {
  const { today, startDate } = input;
  if (startDate === null || startDate > today) {
    return { daysSinceLastUse: null, totalSoberDays: null, lastUseDate: null };
  }
  const useDays = useDaysInRecovery(input);
  const daysInRecovery = daysBetween(startDate, today) + 1;
  const lastUseDate = useDays.at(-1) ?? null;
  return {
    daysSinceLastUse: lastUseDate === null ? daysInRecovery : daysBetween(lastUseDate, today),
    totalSoberDays: daysInRecovery - useDays.length,
    lastUseDate,
  };
}

/** Every milestone reached: of the current run since the last use, and of total sober days. */
export function reachedMilestones(input: CounterInput): ReachedMilestone[] {
  const counters = computeCounters(input);
  if (input.startDate === null || counters.totalSoberDays === null || counters.daysSinceLastUse === null) {
    return [];
  }
  const milestones: ReachedMilestone[] = [];
  // The current run's day 1 is the day after the last use (or the start date).
  const runDayZero = counters.lastUseDate ?? addDays(input.startDate, -1);
  for (const days of milestoneThresholds(counters.daysSinceLastUse)) {
    milestones.push({ counter: 'current', days, reachedOn: addDays(runDayZero, days) });
  }
  // Total sober days: the n-th sober day is the start + n − 1 days, pushed later by each use day on or before it.
  const useDays = useDaysInRecovery(input);
  for (const days of milestoneThresholds(counters.totalSoberDays)) {
    let date = addDays(input.startDate, days - 1);
    for (const useDay of useDays) {
      if (useDay <= date) {
        date = addDays(date, 1);
      }
    }
    milestones.push({ counter: 'total', days, reachedOn: date });
  }
  return milestones.sort((a, b) => (a.reachedOn === b.reachedOn ? b.days - a.days : a.reachedOn < b.reachedOn ? 1 : -1));
}

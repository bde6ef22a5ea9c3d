import type { LocalDate } from '../../platform/local-date';

/**
 * How lapse reports enter the counters and the calendar (PRODUCT.md, principle 4: a setback is
 * recorded honestly). A day with a lapse report is a day with use, whether or not that day's
 * check-in said so (the check-in may be missing, or written before the lapse): "days since last
 * use" starts again after it, and total sober days lose that one day — never more, and nothing
 * else is erased (milestones already reached stay reached on the days they were reached).
 * Several reports on one day, or a report on a day whose check-in already says "used", count once.
 */
export function useDaysWithLapses(checkinUseDays: readonly LocalDate[], lapseDays: readonly LocalDate[]): LocalDate[] {
  return [...new Set([...checkinUseDays, ...lapseDays])].sort();
}

import { skillIds, type SkillId } from '../communication/skills';
import type { CopingTool } from '../recovery/coping.schemas';
import { addDays, type LocalDate } from '../together/streaks';
import type { Insight } from './insights';

/**
 * The weekly summary as pure rules (issue 9): which week it covers, which insight it shows and
 * which suggestion from the skills library it makes. The server gathers the counts in SQL
 * (features/weekly-summaries) and these functions decide; the words are the web app's.
 */

/** A summary covers one calendar week, Monday to Sunday, in the person's own time zone (ISO 8601 weeks). */
export interface SummaryWeek {
  start: LocalDate;
  end: LocalDate;
}

/** Weekday of a calendar date, 1 = Monday … 7 = Sunday (ISO 8601). */
export function isoWeekday(date: LocalDate): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

/** The week that ended most recently before `today` (the person's local date): last Monday to last Sunday. */
export function weekEndedBefore(today: LocalDate): SummaryWeek {
  const thisMonday = addDays(today, 1 - isoWeekday(today));
  return { start: addDays(thisMonday, -7), end: addDays(thisMonday, -1) };
}

/**
 * The summary of the week just ended is written from this local time on Monday: early enough to be
 * there over breakfast, and its notice still waits for the end of the person's quiet hours.
 */
export const summaryReadyLocalTime = '06:00';

/** The summary's insight looks at this many days up to the week's end: a season, recent enough to be about "these weeks". */
export const summaryInsightWindowDays = 90;

/** A coping run "helped" when the urge was rated at least this much lower at the end than at the start. */
export const helpedDrop = 2;

/** A week with at least this many days I called high-conflict (my own check-ins) is a high-conflict week. */
export const highConflictDays = 2;

/**
 * The one insight a summary shows, from the insights of core/src/insights (their minimum sample
 * respected: an insight below it is never presented as a finding):
 * 1. among the fitted ones whose interval for the actor or partner effect leaves out zero, the one
 *    with the largest partial correlation (a unit-free effect size, so questions compare);
 * 2. else the fitted one with the most days, shown as "no clear link yet";
 * 3. else the first question, with how many days it has and needs ("not enough days yet").
 * Null only when there are no insights at all.
 */
export function chooseSummaryInsight(insights: readonly Insight[]): Insight | null {
  const fitted = insights.filter((insight) => insight.fit.status === 'ok');
  const strength = (insight: Insight) => {
    if (insight.fit.status !== 'ok') {
      return -1;
    }
    const effects = [insight.fit.actor, insight.fit.partner].filter((e) => e !== null);
    const clear = effects.filter((e) => e.lower > 0 || e.upper < 0);
    return clear.length === 0 ? -1 : Math.max(...clear.map((e) => Math.abs(e.partialR)));
  };
  const clear = fitted.filter((insight) => strength(insight) >= 0).sort((a, b) => strength(b) - strength(a));
  if (clear[0]) {
    return clear[0];
  }
  const byDays = [...fitted].sort((a, b) => b.fit.days - a.fit.days);
  return byDays[0] ?? insights[0] ?? null;
}

/** Whether the chosen insight's interval leaves out zero: the page says "a link in your days" rather than "no clear link yet". */
export function isClearInsight(insight: Pick<Insight, 'fit'>): boolean {
  const { fit } = insight;
  return fit.status === 'ok' && [fit.actor, fit.partner].some((e) => e !== null && (e.lower > 0 || e.upper < 0));
}

export type SuggestionReason = 'high-conflict-week' | 'helped-before' | 'craving-rose' | 'weekly-practice';

export type Suggestion =
  | { kind: 'communication-skill'; id: SkillId; reason: SuggestionReason }
  | { kind: 'coping-tool'; id: CopingTool; reason: SuggestionReason };

export interface SuggestionFacts {
  week: SummaryWeek;
  /** Days of the week I called high-conflict in my own check-in. */
  highConflictDays: number;
  /** My average craving this week and the week before (null: no check-in that week). */
  craving: { thisWeek: number | null; previousWeek: number | null };
  /** My coping tools that helped me in the last eight weeks, the one that helped most often first (ties: most recently). */
  toolsThatHelped: readonly CopingTool[];
}

/** Craving counts as "up" when this week's average is at least a point above the week before, or at 5 or more out of 10. */
export function cravingRose(craving: SuggestionFacts['craving']): boolean {
  const { thisWeek, previousWeek } = craving;
  if (thisWeek === null) {
    return false;
  }
  return thisWeek >= 5 || (previousWeek !== null && thisWeek - previousWeek >= 1);
}

/**
 * One suggestion from the skills library (communication skills, core/src/communication/skills.ts;
 * the coping toolbox, core/src/recovery/coping.schemas.ts), by the first rule that applies:
 * 1. a high-conflict week (≥ 2 days I called high-conflict): the time-out when there were 3 or
 *    more, else "I" statements — BCT and ABCT teach the time-out for arguments that escalate and
 *    "I" statements to keep a talk about the problem (O'Farrell & Fals-Stewart 2006; McCrady & Epstein 2009);
 * 2. craving up (see `cravingRose`) and a tool that helped me before: that tool — what worked for
 *    this person is the best first step (relapse prevention: Marlatt & Gordon 2005, coping
 *    strategies are personal); without one, urge surfing (Bowen & Marlatt 2009);
 * 3. otherwise the communication skill of the week, in turn through the library (BCT's steady
 *    practice of one skill at a time), so a quiet week still brings something small to try.
 * Never about the partner's days: every fact here is the person's own.
 */
export function chooseSuggestion(facts: SuggestionFacts): Suggestion {
  if (facts.highConflictDays >= highConflictDays) {
    return { kind: 'communication-skill', id: facts.highConflictDays >= 3 ? 'time-out' : 'i-statements', reason: 'high-conflict-week' };
  }
  if (cravingRose(facts.craving)) {
    const helped = facts.toolsThatHelped[0];
    return helped
      ? { kind: 'coping-tool', id: helped, reason: 'helped-before' }
      : { kind: 'coping-tool', id: 'urge-surfing', reason: 'craving-rose' };
  }
  const weekNumber = Math.floor(Date.parse(`${facts.week.start}T00:00:00Z`) / (7 * 86_400_000));
  return { kind: 'communication-skill', id: skillIds[weekNumber % skillIds.length]!, reason: 'weekly-practice' };
}

import type { PlanSuggestion, WarningSign } from './plan.schemas';

/**
 * Suggestions for MY section of the Continuing Recovery Plan, from MY OWN check-ins and trigger
 * log only (never the partner's). Each one shows the numbers it rests on and can be added as a
 * warning sign in one tap; it never diagnoses.
 *
 * Why these patterns: interpersonal conflict and negative emotional states are among the most
 * common high-risk situations before a lapse (Marlatt & Gordon, Relapse Prevention, 1985), and
 * poor sleep goes with higher craving and relapse (Brower & Perron, Medical Hypotheses, 2010).
 * The thresholds below are Twofold's own, chosen to stay quiet on little data; they are not a
 * validated cut-off, which is why each suggestion shows its day counts and averages.
 */

/** Below this many days of my own check-ins, no check-in based suggestion at all. */
export const minCheckinDays = 14;
/** Each side of a comparison needs at least this many days. */
export const minDaysPerGroup = 3;
/** Average craving (0-10) must be at least this much higher on/after the days in question. */
export const minCravingDifference = 1;
/** A trigger suggests a situation warning sign once logged on at least this many different days. */
export const minTriggerDays = 3;
/** At most this many trigger suggestions, the most frequent first. */
export const maxTriggerSuggestions = 3;

export interface SuggestionCheckin {
  /** My local day, YYYY-MM-DD. */
  date: string;
  craving: number;
  /** Sleep quality last night, 1-5. */
  sleep: number;
  /** Stress today, 1-5. */
  stress: number;
  conflict: 'none' | 'some' | 'high';
}

export interface SuggestionTriggerEntry {
  triggerId: string;
  /** The trigger in my own words (decrypted, mine). */
  label: string;
  /** My local day of the entry. */
  date: string;
}

export interface SuggestionInput {
  checkins: readonly SuggestionCheckin[];
  triggerEntries: readonly SuggestionTriggerEntry[];
  /** Warning signs already in my section: a suggestion they already cover is not made again. */
  existing: readonly WarningSign[];
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const average = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

function nextDay(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/**
 * Compares craving between the days a condition marks and the other days. Returns the figures
 * when both groups are large enough and craving is clearly higher with the condition.
 */
function compareCraving(pairs: ReadonlyArray<{ marked: boolean; craving: number }>) {
  const marked = pairs.filter((pair) => pair.marked).map((pair) => pair.craving);
  const others = pairs.filter((pair) => !pair.marked).map((pair) => pair.craving);
  if (marked.length < minDaysPerGroup || others.length < minDaysPerGroup) {
    return null;
  }
  const averageAfter = average(marked);
  const averageOtherwise = average(others);
  if (averageAfter - averageOtherwise < minCravingDifference) {
    return null;
  }
  return { compared: marked.length, others: others.length, averageAfter: round1(averageAfter), averageOtherwise: round1(averageOtherwise) };
}

/** Suggestions for my own section, most relevant first. An empty list when the data is too thin. */
export function suggestWarningSigns(input: SuggestionInput): PlanSuggestion[] {
  const suggestions: PlanSuggestion[] = [];
  const watched = new Set(input.existing.flatMap((sign) => (sign.watch ? [sign.watch.signal] : [])));
  const checkins = [...new Map(input.checkins.map((day) => [day.date, day])).values()].sort((a, b) => a.date.localeCompare(b.date));

  if (checkins.length >= minCheckinDays) {
    const byDate = new Map(checkins.map((day) => [day.date, day]));
    // A day of high conflict and MY craving the next day (only pairs where the next day was checked in).
    const conflictPairs = checkins.flatMap((day) => {
      const next = byDate.get(nextDay(day.date));
      return next ? [{ marked: day.conflict === 'high', craving: next.craving }] : [];
    });
    const conflict = compareCraving(conflictPairs);
    if (conflict && !watched.has('conflict-high')) {
      suggestions.push({
        id: 'conflict-then-craving',
        kind: 'conflict-then-craving',
        basedOnDays: conflictPairs.length,
        figures: conflict,
        warningSign: { kind: 'situation', watch: { signal: 'conflict-high', days: 1 } },
      });
    }
    // Sleep is "last night": a poor night comes before that day's craving.
    const sleep = compareCraving(checkins.map((day) => ({ marked: day.sleep <= 2, craving: day.craving })));
    if (sleep && !watched.has('sleep-poor')) {
      suggestions.push({
        id: 'poor-sleep-craving',
        kind: 'poor-sleep-craving',
        basedOnDays: checkins.length,
        figures: sleep,
        // Two poor nights in a row, so one restless night alone does not bring the plan up.
        warningSign: { kind: 'behaviour', watch: { signal: 'sleep-poor', days: 2 } },
      });
    }
    const stress = compareCraving(checkins.map((day) => ({ marked: day.stress >= 4, craving: day.craving })));
    if (stress && !watched.has('stress-high')) {
      suggestions.push({
        id: 'stress-craving',
        kind: 'stress-craving',
        basedOnDays: checkins.length,
        figures: stress,
        warningSign: { kind: 'feeling', watch: { signal: 'stress-high', days: 2 } },
      });
    }
  }

  const triggerDays = new Set(input.triggerEntries.map((entry) => entry.date));
  const byTrigger = new Map<string, { label: string; days: Set<string> }>();
  for (const entry of input.triggerEntries) {
    const trigger = byTrigger.get(entry.triggerId) ?? { label: entry.label, days: new Set<string>() };
    trigger.days.add(entry.date);
    byTrigger.set(entry.triggerId, trigger);
  }
  const covered = (label: string) => input.existing.some((sign) => sign.text.toLocaleLowerCase().includes(label.toLocaleLowerCase()));
  const frequent = [...byTrigger]
    .filter(([, trigger]) => trigger.days.size >= minTriggerDays && !covered(trigger.label))
    .sort(([idA, a], [idB, b]) => b.days.size - a.days.size || a.label.localeCompare(b.label) || idA.localeCompare(idB))
    .slice(0, maxTriggerSuggestions);
  for (const [triggerId, trigger] of frequent) {
    suggestions.push({
      id: `frequent-trigger:${triggerId}`,
      kind: 'frequent-trigger',
      basedOnDays: triggerDays.size,
      figures: { times: trigger.days.size, triggerLabel: trigger.label },
      warningSign: { kind: 'situation' },
    });
  }
  return suggestions;
}

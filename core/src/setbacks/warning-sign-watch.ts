/**
 * The warning-sign watch (issue 7): a warning sign in my part of the Continuing Recovery Plan
 * may say which of my own daily check-in signals it watches and over how many days, e.g. "three
 * nights of poor sleep in a row". When my recent check-ins show it, the app gently offers my plan,
 * to me only. Each signal is computed only from the check-in scales
 * (core/src/recovery/checkin.schemas.ts): sleep 1-5, craving 0-10, stress 1-5, conflict
 * none/some/high, mood 1-5, closeness 1-5.
 *
 * Relapse-prevention practice treats warning signs as patterns over days rather than single bad
 * days (Marlatt & Gordon, "Relapse Prevention", 1985; Gorski & Miller, "Staying Sober", 1986): so
 * each rule asks for a run of consecutive days, and a day without a check-in breaks the run —
 * the watch never guesses what an unrecorded day was like.
 */

export const watchSignals = [
  'sleep-poor',
  'craving-rising',
  'craving-high',
  'stress-high',
  'conflict-high',
  'mood-low',
  'closeness-low',
] as const;
export type WatchSignal = (typeof watchSignals)[number];

/** How many days a watch looks at (the plan's `watch.days`). */
export const watchDaysMin = 1;
export const watchDaysMax = 14;

/** A calendar day, 'YYYY-MM-DD', in the person's own time zone. */
type LocalDate = string;

/** The check-in answers the watch reads (a subset of `Checkin`). */
export interface WatchCheckin {
  date: LocalDate;
  mood: number;
  craving: number;
  sleep: number;
  stress: number;
  closeness: number;
  conflict: 'none' | 'some' | 'high';
}

export interface WatchedSign {
  id: string;
  watch?: { signal: WatchSignal; days: number } | null | undefined;
}

export interface WatchMatch {
  signId: string;
  signal: WatchSignal;
  days: number;
  /** The first and last day of the run that matched. */
  from: LocalDate;
  to: LocalDate;
}

/**
 * Thresholds, one per signal, on a single day's check-in. The cut-offs sit at the ends of each
 * scale, where the check-in's own words are "poor", "high" or "low":
 * - sleep-poor: sleep quality 1 or 2 of 5.
 * - craving-high: craving 7 or more of 10 (the calendar's "high" shade, web recovery-calendar.tsx).
 * - stress-high: stress 4 or 5 of 5.
 * - conflict-high: conflict answered "high".
 * - mood-low: mood 1 or 2 of 5.
 * - closeness-low: closeness to my partner 1 or 2 of 5.
 * craving-rising is a trend, not a level: see `isRising`.
 */
const dayRules: Record<Exclude<WatchSignal, 'craving-rising'>, (checkin: WatchCheckin) => boolean> = {
  'sleep-poor': (c) => c.sleep <= 2,
  'craving-high': (c) => c.craving >= 7,
  'stress-high': (c) => c.stress >= 4,
  'conflict-high': (c) => c.conflict === 'high',
  'mood-low': (c) => c.mood <= 2,
  'closeness-low': (c) => c.closeness <= 2,
};

/**
 * craving-rising over N days: craving never falls from one day to the next across the run, and
 * the last day is at least 2 points above the first (so 3, 3, 3 or a 1-point wobble is not a
 * rise). A rise needs two days at least, so a watch of 1 day compares today with the day before.
 */
export const risingMinimumIncrease = 2;
function isRising(run: readonly WatchCheckin[]): boolean {
  for (let i = 1; i < run.length; i += 1) {
    if (run[i]!.craving < run[i - 1]!.craving) {
      return false;
    }
  }
  return run.length >= 2 && run.at(-1)!.craving - run[0]!.craving >= risingMinimumIncrease;
}

const dayMs = 86_400_000;
export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** Today's calendar date in an IANA time zone at `now` (the person's own day). */
export function localDateIn(timeZone: string, now: Date): LocalDate {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * Which of my watched warning signs my own recent check-ins match now.
 *
 * The run a watch of N days looks at is the N most recent days ending today, or ending yesterday
 * while today has no check-in yet (the day is still going on: an unanswered today breaks
 * nothing). Every day of the run must have a check-in and meet the signal's threshold; a missing
 * day means no match. Signs without a watch, with a signal this version does not know, or with
 * days outside 1..14 are left out. Check-ins after `today` (never expected) are ignored.
 */
export function matchWarningSigns(today: LocalDate, checkins: readonly WatchCheckin[], signs: readonly WatchedSign[]): WatchMatch[] {
  const byDate = new Map(checkins.filter((c) => c.date <= today).map((c) => [c.date, c]));
  const end = byDate.has(today) ? today : addDays(today, -1);
  const matches: WatchMatch[] = [];
  for (const sign of signs) {
    const watch = sign.watch;
    if (!watch || !(watchSignals as readonly string[]).includes(watch.signal)) {
      continue;
    }
    if (!Number.isInteger(watch.days) || watch.days < watchDaysMin || watch.days > watchDaysMax) {
      continue;
    }
    const length = watch.signal === 'craving-rising' ? Math.max(2, watch.days) : watch.days;
    const run: WatchCheckin[] = [];
    for (let offset = length - 1; offset >= 0; offset -= 1) {
      const checkin = byDate.get(addDays(end, -offset));
      if (checkin) {
        run.push(checkin);
      }
    }
    if (run.length !== length) {
      continue;
    }
    const matched = watch.signal === 'craving-rising' ? isRising(run) : run.every(dayRules[watch.signal]);
    if (matched) {
      matches.push({ signId: sign.id, signal: watch.signal, days: watch.days, from: run[0]!.date, to: run.at(-1)!.date });
    }
  }
  return matches;
}

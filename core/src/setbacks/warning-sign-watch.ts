/**
 * The warning-sign watch (issue 7): a warning sign in my part of the Continuing Recovery Plan
 * may say which of my own daily check-in signals it watches, e.g. "three nights of poor sleep".
 * Each signal is computed only from the check-in scales (core/src/recovery/checkin.schemas.ts):
 * sleep 1-5, craving 0-10, stress 1-5, conflict none/some/high, mood 1-5, closeness 1-5.
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

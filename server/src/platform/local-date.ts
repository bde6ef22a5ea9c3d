import { Temporal } from 'temporal-polyfill';

/**
 * A person's days are calendar days in their own IANA time zone (the profile's `timeZone`).
 * Calendar dates are 'YYYY-MM-DD' strings everywhere; arithmetic on them goes through Temporal,
 * so daylight-saving changes never shift a day.
 */
export type LocalDate = string;

export function todayIn(timeZone: string, now: Temporal.Instant = Temporal.Now.instant()): LocalDate {
  return now.toZonedDateTimeISO(timeZone).toPlainDate().toString();
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return Temporal.PlainDate.from(date).add({ days }).toString();
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Temporal.PlainDate.from(from).until(Temporal.PlainDate.from(to), { largestUnit: 'days' }).days;
}

/** The clock the services read; tests replace it to act at 23:30 or across a DST change. */
export const clock = {
  now: (): Temporal.Instant => Temporal.Now.instant(),
};

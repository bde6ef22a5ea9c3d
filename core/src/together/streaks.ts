/**
 * The daily Trust Discussion calendar as pure rules (Behavioral Couples Therapy: O'Farrell &
 * Fals-Stewart, "Behavioral Couples Therapy for Alcoholism and Drug Abuse", 2006, ch. 4: the
 * Recovery Contract's daily Trust Discussion is marked on a calendar each day it happens).
 *
 * Each partner records only their own part of a day, for a calendar day in their OWN time zone:
 * a partner in recovery states the intention, the other thanks them (in dual-recovery couples
 * each does both). A day is
 * - `done` when every part owed that day is recorded,
 * - `pending` when something is still owed by a partner whose day is not over yet (today, or a
 *   day their clock has not reached): a day still going on is never "missed",
 * - `partly` when the day is over for everyone who still owes a part and some parts were recorded,
 * - `missed` when it is over and nothing was recorded.
 * Days before the contract was first signed by both (`start`) do not count. Streaks count
 * consecutive `done` days; a `pending` day at the end neither breaks nor extends the current one
 * (it extends it once it is done).
 */

/** A calendar day, 'YYYY-MM-DD'. */
export type LocalDate = string;

export type TrustDayStatus = 'done' | 'partly' | 'missed' | 'pending';

export interface TrustPartner {
  id: string;
  /** Today in this partner's own time zone. */
  today: LocalDate;
  /** This partner states the intention (they are in recovery and have a part in the contract). */
  states: boolean;
  /** This partner thanks (the other partner states). */
  thanks: boolean;
}

export interface TrustRecord {
  partnerId: string;
  date: LocalDate;
  stated: boolean;
  thanked: boolean;
}

export interface TrustDay {
  date: LocalDate;
  status: TrustDayStatus;
  parts: Array<{ partnerId: string; stated: boolean; thanked: boolean }>;
}

export interface TrustStreaks {
  current: number;
  best: number;
}

const dayMs = 86_400_000;

/** Calendar arithmetic on plain dates: UTC has no daylight-saving change, so a day is always 24 h. */
export function addDays(date: LocalDate, days: number): LocalDate {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

const maxDate = (dates: LocalDate[]) => dates.reduce((a, b) => (a > b ? a : b));
const minDate = (dates: LocalDate[]) => dates.reduce((a, b) => (a < b ? a : b));

/** The status of one day, given the records of that day. */
export function trustDayStatus(date: LocalDate, partners: readonly TrustPartner[], records: readonly TrustRecord[]): TrustDayStatus {
  let owed = 0;
  let recorded = 0;
  let stillOpen = false;
  for (const partner of partners) {
    const record = records.find((r) => r.partnerId === partner.id && r.date === date);
    const parts = [partner.states ? Boolean(record?.stated) : null, partner.thanks ? Boolean(record?.thanked) : null].filter(
      (part): part is boolean => part !== null,
    );
    owed += parts.length;
    const done = parts.filter(Boolean).length;
    recorded += done;
    if (done < parts.length && date >= partner.today) {
      stillOpen = true;
    }
  }
  if (owed > 0 && recorded === owed) {
    return 'done';
  }
  if (stillOpen) {
    return 'pending';
  }
  return recorded > 0 ? 'partly' : 'missed';
}

/** True when anyone owes a part at all (someone in the contract states the intention). */
function hasParts(partners: readonly TrustPartner[]): boolean {
  return partners.some((partner) => partner.states || partner.thanks);
}

/**
 * The calendar between `from` and `to` (inclusive), clipped to the days that count: from `start`
 * up to the latest "today" of the two partners.
 */
export function buildTrustCalendar(input: {
  start: LocalDate;
  partners: readonly TrustPartner[];
  records: readonly TrustRecord[];
  from: LocalDate;
  to: LocalDate;
}): TrustDay[] {
  const { start, partners, records } = input;
  if (partners.length === 0 || !hasParts(partners)) {
    return [];
  }
  const first = maxDate([input.from, start]);
  const last = minDate([input.to, maxDate(partners.map((p) => p.today))]);
  const days: TrustDay[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) {
    days.push({
      date,
      status: trustDayStatus(date, partners, records),
      parts: partners.map((partner) => {
        const record = records.find((r) => r.partnerId === partner.id && r.date === date);
        return { partnerId: partner.id, stated: record?.stated ?? false, thanked: record?.thanked ?? false };
      }),
    });
  }
  return days;
}

/** Current and best streak of `done` days since `start`. */
export function trustStreaks(input: {
  start: LocalDate;
  partners: readonly TrustPartner[];
  records: readonly TrustRecord[];
}): TrustStreaks {
  const days = buildTrustCalendar({ ...input, from: input.start, to: '9999-12-31' });
  let best = 0;
  let run = 0;
  for (const day of days) {
    run = day.status === 'done' ? run + 1 : 0;
    best = Math.max(best, run);
  }
  let current = 0;
  let index = days.length - 1;
  while (index >= 0 && days[index]!.status === 'pending') {
    index -= 1;
  }
  while (index >= 0 && days[index]!.status === 'done') {
    current += 1;
    index -= 1;
  }
  return { current, best };
}

/** Streak lengths worth a celebration, shown to both partners. */
export const streakCelebrations = [7, 14, 30, 60, 90, 180, 365] as const;

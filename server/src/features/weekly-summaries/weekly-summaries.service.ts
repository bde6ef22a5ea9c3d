import { Temporal } from 'temporal-polyfill';
import { insightsFor, type InsightDay } from '@twofold/core/insights/insights';
import {
  chooseSuggestion,
  chooseSummaryInsight,
  helpedDrop,
  summaryInsightWindowDays,
  summaryReadyLocalTime,
  weekEndedBefore,
  type SummaryWeek,
} from '@twofold/core/insights/weekly-summary';
import {
  weeklySummaryContentSchema,
  type WeeklySummaries,
  type WeeklySummary,
  type WeeklySummaryContent,
} from '@twofold/core/insights/weekly-summary.schemas';
import { buildTrustCalendar, trustDayStatus, type TrustPartner, type TrustRecord } from '@twofold/core/together/streaks';
import type { CopingTool } from '@twofold/core/recovery/coping.schemas';
import type { Db } from '../../platform/db';
import type { Actor } from '../../platform/sessions';
import { addDays } from '../../platform/local-date';
import { findSummaryPairs, decideStoredSummary, type SummaryPair } from '../../access/weekly-summary';
import { queueWeeklySummaryNotices } from '../reminders/reminders.service';
import * as repo from './weekly-summaries.repository';

/**
 * Weekly summaries (issue 9): each partner's own week, the couple's week, one insight and one
 * suggestion, written once per person and week by the weekly job and read only by the person.
 */

/** Coping tools that helped within this many days count as "helped me before". */
const helpedLookbackDays = 56;
/** A Trust Discussion streak is counted over at most this many days before the week's end. */
const streakLookbackDays = 365;

const startOfDay = (date: string, timeZone: string) => Temporal.PlainDate.from(date).toZonedDateTime({ timeZone }).toInstant();
const toDate = (instant: Temporal.Instant) => new Date(instant.epochMilliseconds);

/**
 * The week due in `timeZone` at `now`: the latest week ended last Sunday, from Monday 06:00 there on
 * (until the next Monday, so a missed run catches up). Null on Monday before 06:00: the week just
 * ended is not due yet, and the one before was due all last week.
 */
export function dueWeek(timeZone: string, now: Temporal.Instant): SummaryWeek | null {
  const local = now.toZonedDateTimeISO(timeZone);
  const today = local.toPlainDate().toString();
  const week = weekEndedBefore(today);
  const monday = addDays(week.end, 1);
  const early = today === monday && Temporal.PlainTime.compare(local.toPlainTime(), Temporal.PlainTime.from(summaryReadyLocalTime)) < 0;
  return early ? null : week;
}

export interface ComputeResult {
  written: number;
  people: number;
}

/**
 * Writes the summaries due at `now` for everyone, time zone by time zone, in batches: a few
 * set-based statements read each batch, the rules of core/src/insights/weekly-summary decide, and
 * the summaries and their "ready" notices are stored in one transaction per batch. A summary that
 * exists is never written again, so the job is safe to run often, in several processes, and
 * catches up after downtime (the week is still the one ended last Sunday until the next Monday).
 * Called by the job (`weekly-summaries` in features/reminders/reminder-jobs.ts) with no actor: it
 * writes each person's own summary.
 */
export async function computeWeeklySummaries(db: Db, now: Temporal.Instant, options: { batchSize?: number } = {}): Promise<ComputeResult> {
  const batchSize = options.batchSize ?? 500;
  const result: ComputeResult = { written: 0, people: 0 };
  for (const timeZone of await repo.findTimeZones(db)) {
    const week = dueWeek(timeZone, now);
    if (week === null) {
      continue;
    }
    const previousStart = addDays(week.start, -7);
    const findPeople = (afterId: string | null) =>
      repo.findPeopleToSummarize(db, {
        timeZone,
        weekStart: week.start,
        previousStart,
        weekEnd: week.end,
        weekTo: toDate(startOfDay(addDays(week.end, 1), timeZone)),
        afterId,
        limit: batchSize,
      });
    // A pipeline of two: the next batch is read from the database while this one is worked out in
    // this process and written (the estimator is CPU in Node, the reads are work for PostgreSQL).
    let people = await findPeople(null);
    let reading = people.length > 0 ? readBatch(db, people, timeZone, week) : null;
    while (reading !== null) {
      const current = people;
      const data = await reading;
      people = current.length === batchSize ? await findPeople(current[current.length - 1]!) : [];
      reading = people.length > 0 ? readBatch(db, people, timeZone, week) : null;
      // Handled when awaited in the next round; this only keeps a failure meanwhile from counting as unhandled.
      reading?.catch(() => undefined);
      result.people += current.length;
      result.written += await writeBatch(db, current, data, timeZone, week, now);
    }
  }
  return result;
}

type BatchData = Awaited<ReturnType<typeof readBatch>>;

/** Everything one batch's summaries need, in a handful of set-based statements run together. */
async function readBatch(db: Db, people: string[], timeZone: string, week: SummaryWeek) {
  const previousStart = addDays(week.start, -7);
  const weekFrom = startOfDay(week.start, timeZone);
  const weekTo = startOfDay(addDays(week.end, 1), timeZone);
  const pairs = await findSummaryPairs(db, people);
  const openPairs = [...pairs.values()].filter((pair) => pair.jointOpen);
  const coupleIds = [...new Set(openPairs.map((pair) => pair.coupleId))];
  const partnersForInsights = [...pairs.values()].filter((pair) => pair.partnerDaysAllowed).map((pair) => pair.partnerId);
  const insightFrom = addDays(week.end, -(summaryInsightWindowDays - 1));

  const [checkins, coping, days, couples] = await Promise.all([
    repo.findCheckinWeeks(db, people, previousStart, week.start, week.end),
    repo.findCopingWeeks(db, people, {
      lookbackFrom: toDate(startOfDay(addDays(week.end, -(helpedLookbackDays - 1)), timeZone)),
      weekFrom: toDate(weekFrom),
      weekTo: toDate(weekTo),
      helpedDrop,
    }),
    repo.findInsightDays(db, [...new Set([...people, ...partnersForInsights])], insightFrom, week.end),
    findCoupleWeeks(db, coupleIds, openPairs, week, { weekFrom: toDate(weekFrom), weekTo: toDate(weekTo) }),
  ]);
  return { pairs, checkins, coping, days, couples };
}

/** Works out one batch's summaries (the rules of core/src/insights) and stores them with their notices, in one transaction. */
async function writeBatch(
  db: Db,
  people: string[],
  data: BatchData,
  timeZone: string,
  week: SummaryWeek,
  now: Temporal.Instant,
): Promise<number> {
  const { pairs, checkins, coping, days, couples } = data;

  const checkinsOf = groupBy(checkins, (row) => row.ownerId);
  const copingOf = groupBy(coping, (row) => row.ownerId);
  const summaries: repo.NewSummary[] = people.map((personId) => {
    const pair = pairs.get(personId);
    const partnerDays = pair?.partnerDaysAllowed ? (days.get(pair.partnerId) ?? []) : null;
    const content = summarizePerson({
      personId,
      week,
      checkins: checkinsOf.get(personId) ?? [],
      coping: copingOf.get(personId) ?? [],
      myDays: days.get(personId) ?? [],
      partnerDays,
      couple: pair?.jointOpen ? (couples.get(pair.coupleId)?.(personId) ?? null) : null,
    });
    return {
      personId,
      weekStart: week.start,
      coupleId: pair?.jointOpen ? pair.coupleId : null,
      partnerId: pair?.jointOpen ? pair.partnerId : null,
      partnerIncluded: content.insight?.fit.status === 'ok' && content.insight.fit.partner !== null,
      content,
    };
  });
  const today = now.toZonedDateTimeISO(timeZone).toPlainDate().toString();
  return db.transaction().execute(async (tx) => {
    const written = await repo.insertSummaries(tx, summaries);
    await queueWeeklySummaryNotices(
      tx,
      written.map((personId) => ({ personId, weekStart: week.start, localDate: today })),
      now,
    );
    return written.length;
  });
}

type CoupleWeek = NonNullable<WeeklySummaryContent['couple']>;

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) {
      group.push(row);
    } else {
      groups.set(key(row), [row]);
    }
  }
  return groups;
}

/** The couple part of each couple's week, as a function of whose summary it is (appreciations are from me / to me). */
async function findCoupleWeeks(
  db: Db,
  coupleIds: string[],
  pairs: SummaryPair[],
  week: SummaryWeek,
  range: { weekFrom: Date; weekTo: Date },
): Promise<Map<string, (personId: string) => CoupleWeek>> {
  const streakFrom = addDays(week.end, -(streakLookbackDays - 1));
  const [contracts, trust, appreciations, activities] = await Promise.all([
    repo.findSignedContracts(db, coupleIds),
    repo.findTrustParts(db, coupleIds, streakFrom, week.end),
    repo.findAppreciationCounts(db, coupleIds, week.start, week.end),
    repo.findActivityCounts(db, coupleIds, { ...range, nextStart: addDays(week.end, 1), nextEnd: addDays(week.end, 7) }),
  ]);
  const activeVersions = new Map<string, repo.ContractRow>();
  const firstSigned = new Map<string, Date>();
  for (const contract of contracts) {
    if (!activeVersions.has(contract.coupleId)) {
      activeVersions.set(contract.coupleId, contract);
    }
    const first = firstSigned.get(contract.coupleId);
    if (!first || contract.signedByBothAt < first) {
      firstSigned.set(contract.coupleId, contract.signedByBothAt);
    }
  }
  const parts = await repo.findContractParts(
    db,
    [...activeVersions.values()].map((version) => version.versionId),
  );
  const zones = await repo.findTimeZonesOf(db, [...new Set(pairs.flatMap((pair) => [pair.personId, pair.partnerId]))]);
  const appreciationsOf = groupBy(appreciations, (row) => row.coupleId);
  const activitiesOf = groupBy(activities, (row) => row.coupleId);
  const pairsOf = groupBy(pairs, (pair) => pair.coupleId);
  const recordsByDay = new Map<string, Map<string, TrustRecord[]>>();
  for (const record of trust) {
    const days = recordsByDay.get(record.coupleId) ?? new Map<string, TrustRecord[]>();
    recordsByDay.set(record.coupleId, days);
    days.set(record.date, [...(days.get(record.date) ?? []), record]);
  }
  const byCouple = new Map<string, (personId: string) => CoupleWeek>();
  for (const coupleId of coupleIds) {
    const members = pairsOf.get(coupleId)!;
    const partnerIds = [members[0]!.personId, members[0]!.partnerId];
    const active = activeVersions.get(coupleId);
    let trustWeek: CoupleWeek['trustDiscussion'] = null;
    if (active) {
      const stating = new Set(parts.filter((part) => part.versionId === active.versionId).map((part) => part.partnerId));
      // The week is over for both when the summary is written: no day of it is "pending".
      const partners: TrustPartner[] = partnerIds.map((id) => ({
        id,
        today: addDays(week.end, 1),
        states: stating.has(id),
        thanks: [...stating].some((other) => other !== id),
      }));
      const signedAt = Temporal.Instant.fromEpochMilliseconds(firstSigned.get(coupleId)!.getTime());
      const start = partnerIds
        .map((id) =>
          signedAt
            .toZonedDateTimeISO(zones.get(id) ?? 'UTC')
            .toPlainDate()
            .toString(),
        )
        .sort()
        .at(-1)!;
      const byDay = recordsByDay.get(coupleId) ?? new Map<string, TrustRecord[]>();
      const statusOf = (date: string) => trustDayStatus(date, partners, byDay.get(date) ?? []);
      const weekDays = buildTrustCalendar({ start, partners, records: [], from: week.start, to: week.end }).map((day) =>
        statusOf(day.date),
      );
      // The current streak at the week's end (trustStreaks' rule: no day is pending), walking back day by day.
      let streak = 0;
      for (let date = week.end; date >= start && date >= streakFrom && statusOf(date) === 'done'; date = addDays(date, -1)) {
        streak += 1;
      }
      trustWeek = { daysDone: weekDays.filter((status) => status === 'done').length, daysCounted: weekDays.length, streak };
    }
    const counts = appreciationsOf.get(coupleId) ?? [];
    const activity = activitiesOf.get(coupleId)?.[0];
    byCouple.set(coupleId, (personId) => ({
      trustDiscussion: trustWeek,
      appreciations: {
        fromMe: counts.filter((row) => row.authorId === personId).reduce((sum, row) => sum + row.written, 0),
        // The partner's only once told: an untold one is as absent as it looks in the app.
        toMe: counts.filter((row) => row.authorId !== personId).reduce((sum, row) => sum + row.told, 0),
      },
      activities: { done: activity?.done ?? 0, planned: activity?.planned ?? 0 },
    }));
  }
  return byCouple;
}

/** One person's summary from their rows: pure apart from the estimator, so the rules stay in core. */
export function summarizePerson(input: {
  personId: string;
  week: SummaryWeek;
  checkins: repo.CheckinWeekRow[];
  coping: repo.CopingRow[];
  myDays: InsightDay[];
  partnerDays: InsightDay[] | null;
  couple: CoupleWeek | null;
}): WeeklySummaryContent {
  const thisWeek = input.checkins.find((row) => row.thisWeek);
  const before = input.checkins.find((row) => !row.thisWeek);
  const round = (value: number | null | undefined) => (value === null || value === undefined ? null : Math.round(value * 10) / 10);
  const mine: WeeklySummaryContent['mine'] = {
    checkinDays: thisWeek?.days ?? 0,
    soberDays: thisWeek?.soberDays ?? 0,
    highConflictDays: thisWeek?.highConflictDays ?? 0,
    mood: { thisWeek: round(thisWeek?.mood), previousWeek: round(before?.mood) },
    craving: { thisWeek: round(thisWeek?.craving), previousWeek: round(before?.craving) },
    coping: input.coping
      .filter((row) => row.timesThisWeek > 0)
      .sort((a, b) => b.timesThisWeek - a.timesThisWeek || a.tool.localeCompare(b.tool))
      .map((row) => ({ tool: row.tool, times: row.timesThisWeek, helped: row.helpedThisWeek })),
  };
  const toolsThatHelped: CopingTool[] = input.coping
    .filter((row) => row.helpedBefore > 0)
    .sort((a, b) => b.helpedBefore - a.helpedBefore || (b.lastHelped?.getTime() ?? 0) - (a.lastHelped?.getTime() ?? 0))
    .map((row) => row.tool);
  const insight = chooseSummaryInsight(insightsFor(input.myDays, input.partnerDays));
  return {
    mine,
    couple: input.couple,
    insight: insight ? { ...insight, windowDays: summaryInsightWindowDays } : null,
    suggestion: chooseSuggestion({
      week: input.week,
      highConflictDays: mine.highConflictDays,
      craving: mine.craving,
      toolsThatHelped,
    }),
  };
}

/**
 * My latest and previous weekly summaries. Only ever the actor's own (there is no route to
 * anyone else's). The couple part and an insight that drew on my partner's days are shown only
 * while access/weekly-summary.ts still allows them; otherwise they are left out and flagged.
 */
export async function findMyWeeklySummaries(db: Db, actor: Actor): Promise<WeeklySummaries> {
  const rows = await repo.findLatestSummaries(db, actor.userId);
  const shown = await Promise.all(
    rows.map(async (row): Promise<WeeklySummary> => {
      const content = weeklySummaryContentSchema.parse(row.content);
      const decision = await decideStoredSummary(db, actor, row);
      return {
        ...content,
        id: row.id,
        weekStart: row.weekStart,
        weekEnd: addDays(row.weekStart, 6),
        createdAt: row.createdAt.toISOString(),
        couple: decision.showCouple ? content.couple : null,
        insight: decision.showInsight ? content.insight : null,
        coupleHidden: content.couple !== null && !decision.showCouple,
        insightHidden: content.insight !== null && !decision.showInsight,
      };
    }),
  );
  return { latest: shown[0] ?? null, previous: shown[1] ?? null };
}

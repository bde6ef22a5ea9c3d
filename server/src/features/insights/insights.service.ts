import { insightsFor, type InsightDay } from '@twofold/core/insights/insights';
import type { InsightChartDay, InsightsView } from '@twofold/core/insights/insights.schemas';
import type { Db, DbOrTx } from '../../platform/db';
import type { Actor } from '../../platform/sessions';
import { addDays, clock, todayIn, type LocalDate } from '../../platform/local-date';
import { readInsightDays } from '../../access/insights';

/** A year of days: enough for seasonal patterns, and the estimator's cost stays small (docs/BENCHMARKS.md). */
export const insightWindowDays = 365;
const chartDays = 60;

/**
 * The insights of `subjectId` as `viewer` may see them (kind `insights`, see access/insights.ts):
 * each question of core/src/insights fitted over the subject's last year of check-ins, with the
 * partner's days when they may be used, and the last 60 days for the chart.
 */
export async function findInsights(db: Db, viewer: Actor, subjectId: string): Promise<InsightsView> {
  const timeZone = await timeZoneOf(db, subjectId);
  const to = todayIn(timeZone, clock.now());
  const from = addDays(to, -(insightWindowDays - 1));
  const days = await readInsightDays(db, viewer, subjectId, (tx, ownerId) => insightDaysOf(tx, ownerId, from, to));
  return {
    subjectId,
    from,
    to,
    partnerIncluded: days.partner !== null,
    insights: insightsFor(days.subject, days.partner),
    chart: chartOf(days.subject, days.partner, addDays(to, -(chartDays - 1)), to),
  };
}

async function timeZoneOf(db: Db, userId: string): Promise<string> {
  const row = await db.selectFrom('users').select('timeZone').where('id', '=', userId).executeTakeFirst();
  return row?.timeZone ?? 'UTC';
}

/** Only the ratings an insight uses: never the note, the use answer or the triggers. */
async function insightDaysOf(db: DbOrTx, ownerId: string, from: LocalDate, to: LocalDate): Promise<InsightDay[]> {
  const rows = await db
    .selectFrom('checkins')
    .select(['localDate', 'mood', 'craving', 'stress', 'closeness', 'conflict'])
    .where('ownerId', '=', ownerId)
    .where('localDate', '>=', from)
    .where('localDate', '<=', to)
    .orderBy('localDate')
    .execute();
  return rows.map(({ localDate, ...values }) => ({ date: localDate, ...values }));
}

function chartOf(mine: InsightDay[], partners: InsightDay[] | null, from: LocalDate, to: LocalDate): InsightChartDay[] {
  const myDays = new Map(mine.map((day) => [day.date, day]));
  const partnerDays = new Map((partners ?? []).map((day) => [day.date, day]));
  const chart: InsightChartDay[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) {
    const day = myDays.get(date);
    chart.push({
      date,
      craving: day?.craving ?? null,
      conflict: day?.conflict ?? null,
      partnerConflict: partnerDays.get(date)?.conflict ?? null,
    });
  }
  return chart;
}

import { sql } from 'kysely';
import type { CopingTool } from '@twofold/core/recovery/coping.schemas';
import type { InsightDay } from '@twofold/core/insights/insights';
import type { WeeklySummaryContent } from '@twofold/core/insights/weekly-summary.schemas';
import type { Db, DbOrTx, Tx } from '../../platform/db';

/**
 * Weekly summaries: set-based reads for many people at once (the weekly job reads each batch in a
 * handful of statements, not per person) and the person's own stored summaries.
 */

const ids = (values: readonly string[]) => sql.val([...values]);

/** Every time zone people are in: the job decides per zone which week is due. */
export async function findTimeZones(db: DbOrTx): Promise<string[]> {
  const rows = await db.selectFrom('users').select('timeZone').distinct().execute();
  return rows.map((row) => row.timeZone);
}

/** The time zones of some people. */
export async function findTimeZonesOf(db: DbOrTx, personIds: readonly string[]): Promise<Map<string, string>> {
  if (personIds.length === 0) {
    return new Map();
  }
  const rows = await db
    .selectFrom('users')
    .select(['id', 'timeZone'])
    .where('id', 'in', [...personIds])
    .execute();
  return new Map(rows.map((row) => [row.id, row.timeZone]));
}

/**
 * People in `timeZone` still without a summary for `weekStart`, after `afterId` in id order, whose
 * account existed before the week ended (someone who joined today gets next week's): every
 * partner — a current couple member, or someone with a check-in in the two weeks — and never staff
 * (a clinician or program admin with an active role has no recovery week to sum up).
 */
export async function findPeopleToSummarize(
  db: DbOrTx,
  input: {
    timeZone: string;
    weekStart: string;
    previousStart: string;
    weekEnd: string;
    /** The end of the week in the zone: only people whose account existed before it. */
    weekTo: Date;
    afterId: string | null;
    limit: number;
  },
): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    select u.id from users u
    where u.time_zone = ${input.timeZone}
      ${input.afterId === null ? sql`` : sql`and u.id > ${input.afterId}`}
      and u.created_at < ${input.weekTo}
      and not exists (select 1 from program_staff s where s.user_id = u.id and s.active)
      and not exists (select 1 from weekly_summaries w where w.person_id = u.id and w.week_start = ${input.weekStart})
      and (
        exists (select 1 from couple_members m where m.user_id = u.id and m.left_at is null)
        or exists (select 1 from checkins c where c.owner_id = u.id and c.local_date between ${input.previousStart} and ${input.weekEnd})
      )
    order by u.id
    limit ${input.limit}`.execute(db);
  return rows.map((row) => row.id);
}

export interface CheckinWeekRow {
  ownerId: string;
  thisWeek: boolean;
  days: number;
  soberDays: number;
  highConflictDays: number;
  mood: number | null;
  craving: number | null;
}

/** Each person's check-ins of the week and the week before, counted and averaged in SQL. */
export async function findCheckinWeeks(
  db: DbOrTx,
  personIds: readonly string[],
  previousStart: string,
  weekStart: string,
  weekEnd: string,
): Promise<CheckinWeekRow[]> {
  const { rows } = await sql<CheckinWeekRow>`
    select owner_id, local_date >= ${weekStart} as this_week, count(*)::int as days,
      count(*) filter (where not used)::int as sober_days,
      count(*) filter (where conflict = 'high')::int as high_conflict_days,
      avg(mood)::float8 as mood, avg(craving)::float8 as craving
    from checkins
    where owner_id = any(${ids(personIds)}::uuid[]) and local_date between ${previousStart} and ${weekEnd}
    group by 1, 2`.execute(db);
  return rows;
}

export interface CopingRow {
  ownerId: string;
  tool: CopingTool;
  timesThisWeek: number;
  helpedThisWeek: number;
  helpedBefore: number;
  lastHelped: Date | null;
}

/**
 * Each person's coping runs per tool: used and helped this week, and helped over the lookback
 * (a run "helped" when the urge ended at least `helpedDrop` points lower than it started).
 */
export async function findCopingWeeks(
  db: DbOrTx,
  personIds: readonly string[],
  range: { lookbackFrom: Date; weekFrom: Date; weekTo: Date; helpedDrop: number },
): Promise<CopingRow[]> {
  const helped = sql`urge_after is not null and urge_before - urge_after >= ${range.helpedDrop}`;
  const thisWeek = sql`started_at >= ${range.weekFrom}`;
  const { rows } = await sql<CopingRow>`
    select owner_id, tool,
      count(*) filter (where ${thisWeek})::int as times_this_week,
      count(*) filter (where ${thisWeek} and ${helped})::int as helped_this_week,
      count(*) filter (where ${helped})::int as helped_before,
      max(started_at) filter (where ${helped}) as last_helped
    from coping_runs
    where owner_id = any(${ids(personIds)}::uuid[]) and started_at >= ${range.lookbackFrom} and started_at < ${range.weekTo}
    group by 1, 2`.execute(db);
  return rows;
}

/**
 * The check-in ratings an insight uses (never notes, use or triggers), of many people, between two
 * days. A batch is tens of thousands of days: each person's come as one compact text
 * (`date,mood,craving,stress,closeness,conflict;…`, ordered by date) rather than a row per day, so
 * the driver parses one value per person instead of building an object per day.
 */
export async function findInsightDays(
  db: DbOrTx,
  ownerIds: readonly string[],
  from: string,
  to: string,
): Promise<Map<string, InsightDay[]>> {
  const days = new Map<string, InsightDay[]>(ownerIds.map((id) => [id, []]));
  if (ownerIds.length === 0) {
    return days;
  }
  const { rows } = await sql<{ ownerId: string; days: string }>`
    select owner_id, string_agg(concat_ws(',', to_char(local_date, 'YYYY-MM-DD'), mood, craving, stress, closeness, conflict), ';' order by local_date) as days
    from checkins
    where owner_id = any(${ids(ownerIds)}::uuid[]) and local_date between ${from} and ${to}
    group by owner_id`.execute(db);
  for (const row of rows) {
    days.set(
      row.ownerId,
      row.days.split(';').map((day) => {
        const [date, mood, craving, stress, closeness, conflict] = day.split(',');
        return {
          date: date!,
          mood: Number(mood),
          craving: Number(craving),
          stress: Number(stress),
          closeness: Number(closeness),
          conflict: conflict as InsightDay['conflict'],
        };
      }),
    );
  }
  return days;
}

export interface ContractRow {
  coupleId: string;
  versionId: string;
  version: number;
  signedByBothAt: Date;
}

/** The Recovery Contract versions both partners signed, of many couples (newest first per couple). */
export async function findSignedContracts(db: DbOrTx, coupleIds: readonly string[]): Promise<ContractRow[]> {
  if (coupleIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('contractVersions')
    .select(['coupleId', 'id as versionId', 'version', 'signedByBothAt'])
    .where('coupleId', 'in', [...coupleIds])
    .where('signedByBothAt', 'is not', null)
    .orderBy('coupleId')
    .orderBy('version', 'desc')
    .execute() as Promise<ContractRow[]>;
}

/** Who has a part (states the intention) in each contract version. */
export async function findContractParts(
  db: DbOrTx,
  versionIds: readonly string[],
): Promise<Array<{ versionId: string; partnerId: string }>> {
  if (versionIds.length === 0) {
    return [];
  }
  return db
    .selectFrom('contractParts')
    .select(['contractVersionId as versionId', 'partnerId'])
    .where('contractVersionId', 'in', [...versionIds])
    .execute();
}

/** Trust Discussion parts of many couples between two days. */
export async function findTrustParts(
  db: DbOrTx,
  coupleIds: readonly string[],
  from: string,
  to: string,
): Promise<Array<{ coupleId: string; partnerId: string; date: string; stated: boolean; thanked: boolean }>> {
  if (coupleIds.length === 0) {
    return [];
  }
  const { rows } = await sql<{ coupleId: string; partnerId: string; date: string; stated: boolean; thanked: boolean }>`
    select couple_id, partner_id, local_date as date, stated, thanked
    from trust_discussion_parts
    where couple_id = any(${ids(coupleIds)}::uuid[]) and local_date between ${from} and ${to}`.execute(db);
  return rows;
}

/**
 * Appreciations and Caring Days of the week per couple and writer, written since the current pair
 * formed: all of them, and those told to the partner.
 */
export async function findAppreciationCounts(
  db: DbOrTx,
  coupleIds: readonly string[],
  weekStart: string,
  weekEnd: string,
): Promise<Array<{ coupleId: string; authorId: string; written: number; told: number }>> {
  if (coupleIds.length === 0) {
    return [];
  }
  const { rows } = await sql<{ coupleId: string; authorId: string; written: number; told: number }>`
    select a.couple_id, a.author_id, count(*)::int as written, count(*) filter (where a.told_at is not null)::int as told
    from appreciations a
    where a.couple_id = any(${ids(coupleIds)}::uuid[]) and a.local_date between ${weekStart} and ${weekEnd}
      and a.created_at >= (select max(m.joined_at) from couple_members m where m.couple_id = a.couple_id and m.left_at is null)
    group by 1, 2`.execute(db);
  return rows;
}

/** Shared activities per couple: done within the week, and planned for the week after (not done yet); since the pair formed. */
export async function findActivityCounts(
  db: DbOrTx,
  coupleIds: readonly string[],
  range: { weekFrom: Date; weekTo: Date; nextStart: string; nextEnd: string },
): Promise<Array<{ coupleId: string; done: number; planned: number }>> {
  if (coupleIds.length === 0) {
    return [];
  }
  const { rows } = await sql<{ coupleId: string; done: number; planned: number }>`
    select a.couple_id,
      count(*) filter (where a.done_at >= ${range.weekFrom} and a.done_at < ${range.weekTo})::int as done,
      count(*) filter (where a.done_at is null and a.planned_for between ${range.nextStart} and ${range.nextEnd})::int as planned
    from couple_activities a
    where a.couple_id = any(${ids(coupleIds)}::uuid[])
      and a.created_at >= (select max(m.joined_at) from couple_members m where m.couple_id = a.couple_id and m.left_at is null)
    group by 1`.execute(db);
  return rows;
}

export interface NewSummary {
  personId: string;
  weekStart: string;
  coupleId: string | null;
  partnerId: string | null;
  partnerIncluded: boolean;
  content: WeeklySummaryContent;
}

/** Stores summaries; one already there for the person and week stays (another process got there first). Returns who got one now. */
export async function insertSummaries(tx: Tx, rows: readonly NewSummary[]): Promise<string[]> {
  if (rows.length === 0) {
    return [];
  }
  const inserted = await tx
    .insertInto('weeklySummaries')
    .values(rows.map((row) => ({ ...row, content: JSON.stringify(row.content) })))
    .onConflict((oc) => oc.columns(['personId', 'weekStart']).doNothing())
    .returning('personId')
    .execute();
  return inserted.map((row) => row.personId);
}

/** My two newest summaries, newest first. */
export async function findLatestSummaries(db: Db, personId: string) {
  return db
    .selectFrom('weeklySummaries')
    .select(['id', 'weekStart', 'coupleId', 'partnerId', 'partnerIncluded', 'content', 'createdAt'])
    .where('personId', '=', personId)
    .orderBy('weekStart', 'desc')
    .limit(2)
    .execute();
}

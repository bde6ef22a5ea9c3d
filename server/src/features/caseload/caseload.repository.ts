import { sql } from 'kysely';
import type { DbOrTx } from '../../platform/db';
import type { LocalDate } from '../../platform/local-date';

/**
 * Kysely/SQL for the caseload (issue 8). Each function reads only what its caller passes as
 * decided by `access/caseload.ts`: a person's check-ins only with `checkins`, and so on. The flag
 * aggregates of a whole caseload are ONE statement (`findPersonAggregates`), the couples' Trust
 * Discussion one more (`findAdherence`); plans and EXPLAIN ANALYZE in docs/BENCHMARKS.md ("Issue 8").
 */

export interface PersonQuery {
  id: string;
  today: LocalDate;
  checkins: boolean;
  assessments: boolean;
  lapses: boolean;
  safetyAlerts: boolean;
}

export interface ScoreRow {
  instrumentId: 'phq-9' | 'gad-7';
  total: number;
  date: LocalDate;
  submittedAt: string;
  band: string | null;
  lowestTotal: number | null;
  lowestDate: LocalDate | null;
}

export interface PersonAggregates {
  id: string;
  lastDate: LocalDate | null;
  nRecent: number;
  meanRecent: number | null;
  slopeRecent: number | null;
  nPrevious: number;
  meanPrevious: number | null;
  lapses: number;
  lapseLatest: Date | null;
  alerts: number;
  alertsHigherRisk: boolean | null;
  alertsLatest: Date | null;
  scores: ScoreRow[] | null;
}

const toDate = (value: unknown): LocalDate | null =>
  value === null ? null : value instanceof Date ? value.toISOString().slice(0, 10) : String(value);

/**
 * Everything the person flags need, for every person of a caseload, in one statement: the last
 * check-in, craving over the last 14 days (count, mean, least-squares slope per day) and the 14
 * before, told lapses of the last `lapseDays`, open safety alerts of this program, and the latest
 * PHQ-9 and GAD-7 with the lowest result of the `lookbackDays` before each.
 */
export async function findPersonAggregates(
  db: DbOrTx,
  programId: string,
  people: PersonQuery[],
  options: AggregateOptions,
): Promise<PersonAggregates[]> {
  if (people.length === 0) {
    return [];
  }
  const { rows } = await personAggregatesQuery(programId, people, options).execute(db);
  return rows.map((row) => ({ ...row, lastDate: toDate(row.lastDate) }));
}

export interface AggregateOptions {
  windowDays: number;
  lapseDays: number;
  lookbackDays: number;
}

/** The statement of `findPersonAggregates`, also for EXPLAIN ANALYZE in the benchmark. */
export function personAggregatesQuery(programId: string, people: PersonQuery[], options: AggregateOptions) {
  const column = <T>(pick: (person: PersonQuery) => T) => people.map(pick);
  return sql<PersonAggregates & { lastDate: unknown }>`
    with p as (
      select * from unnest(
        ${column((person) => person.id)}::uuid[], ${column((person) => person.today)}::date[],
        ${column((person) => person.checkins)}::bool[], ${column((person) => person.assessments)}::bool[],
        ${column((person) => person.lapses)}::bool[], ${column((person) => person.safetyAlerts)}::bool[]
      ) as p(id, today, ck, asmt, lp, al)
    )
    select p.id, last.local_date as last_date,
      coalesce(w.n_recent, 0)::int as n_recent, w.mean_recent::float8 as mean_recent, w.slope_recent::float8 as slope_recent,
      coalesce(w.n_previous, 0)::int as n_previous, w.mean_previous::float8 as mean_previous,
      coalesce(lap.n, 0)::int as lapses, lap.latest as lapse_latest,
      coalesce(alr.n, 0)::int as alerts, alr.higher as alerts_higher_risk, alr.latest as alerts_latest,
      sc.scores
    from p
    left join lateral (
      select c.local_date from checkins c
      where p.ck and c.owner_id = p.id and c.local_date <= p.today
      order by c.local_date desc limit 1
    ) last on true
    left join lateral (
      select
        count(*) filter (where c.local_date > p.today - ${options.windowDays}::int) as n_recent,
        avg(c.craving) filter (where c.local_date > p.today - ${options.windowDays}::int) as mean_recent,
        regr_slope(c.craving, c.local_date - p.today) filter (where c.local_date > p.today - ${options.windowDays}::int) as slope_recent,
        count(*) filter (where c.local_date <= p.today - ${options.windowDays}::int) as n_previous,
        avg(c.craving) filter (where c.local_date <= p.today - ${options.windowDays}::int) as mean_previous
      from checkins c
      where p.ck and c.owner_id = p.id and c.local_date > p.today - ${2 * options.windowDays}::int and c.local_date <= p.today
    ) w on true
    left join lateral (
      select count(*) as n, max(l.told_care_team_at) as latest from lapse_reports l
      where p.lp and l.owner_id = p.id and l.told_care_team_at is not null
        and l.told_care_team_at > now() - make_interval(days => ${options.lapseDays}::int)
    ) lap on true
    left join lateral (
      select count(*) as n, bool_or(a.higher_risk) as higher, max(a.created_at) as latest from care_alerts a
      where p.al and a.person_id = p.id and a.program_id = ${programId} and a.acknowledged_at is null
    ) alr on true
    left join lateral (
      select json_agg(json_build_object(
        'instrumentId', i.instrument_id, 'total', latest.total, 'date', latest.local_date, 'submittedAt', latest.submitted_at,
        'band', latest.band, 'lowestTotal', low.total, 'lowestDate', low.local_date)) as scores
      from (values ('phq-9'), ('gad-7')) as i(instrument_id)
      join lateral (
        select (r.score->>'total')::int as total, r.score->'band'->>'label' as band, r.local_date, r.submitted_at
        from assessment_responses r
        where r.owner_id = p.id and r.instrument_id = i.instrument_id
        order by r.submitted_at desc limit 1
      ) latest on latest.total is not null
      left join lateral (
        select (r.score->>'total')::int as total, r.local_date
        from assessment_responses r
        where r.owner_id = p.id and r.instrument_id = i.instrument_id and r.submitted_at < latest.submitted_at
          and r.submitted_at >= latest.submitted_at - make_interval(days => ${options.lookbackDays}::int)
          and r.score->>'total' is not null
        order by (r.score->>'total')::int, r.submitted_at desc limit 1
      ) low on true
      where p.asmt
    ) sc on true`;
}

export interface AdherenceQuery {
  coupleId: string;
  today: LocalDate;
  /** The later of the partners' joining dates: days before are not this pair's. */
  since: LocalDate;
}

export interface AdherenceRow {
  coupleId: string;
  start: LocalDate | null;
  recentDone: number;
  previousDone: number;
}

/**
 * Trust Discussion days of the last 2 × `windowDays` days (up to yesterday) on which both partners
 * recorded their part, per couple, counted from the day the contract was first signed by both.
 */
export async function findAdherence(db: DbOrTx, couples: AdherenceQuery[], windowDays: number): Promise<AdherenceRow[]> {
  if (couples.length === 0) {
    return [];
  }
  const { rows } = await adherenceQuery(couples, windowDays).execute(db);
  return rows.map((row) => ({ ...row, start: toDate(row.start) }));
}

/** The statement of `findAdherence`, also for EXPLAIN ANALYZE in the benchmark. */
export function adherenceQuery(couples: AdherenceQuery[], windowDays: number) {
  return sql<AdherenceRow & { start: unknown }>`
    with c as (
      select * from unnest(
        ${couples.map((couple) => couple.coupleId)}::uuid[], ${couples.map((couple) => couple.today)}::date[],
        ${couples.map((couple) => couple.since)}::date[]
      ) as c(id, today, since)
    ), s as materialized (
      -- Materialized: each couple's start is worked out once, not again for every day grouped below.
      select c.id, c.today, greatest(c.since, (
        select min(v.signed_by_both_at)::date from contract_versions v where v.couple_id = c.id and v.signed_by_both_at is not null
      )) as start
      from c
    )
    select s.id as couple_id, s.start,
      count(*) filter (where d.local_date >= s.today - ${windowDays}::int and d.parts >= 2)::int as recent_done,
      count(*) filter (where d.local_date < s.today - ${windowDays}::int and d.parts >= 2)::int as previous_done
    from s
    left join lateral (
      select t.local_date, count(*) filter (where t.stated or t.thanked) as parts
      from trust_discussion_parts t
      where s.start is not null and t.couple_id = s.id and t.local_date >= s.start
        and t.local_date >= s.today - ${2 * windowDays}::int and t.local_date < s.today
      group by t.local_date
    ) d on true
    group by s.id, s.start`;
}

export interface AcknowledgementRow {
  coupleId: string;
  personId: string | null;
  kind: string;
  instrumentId: string | null;
  id: string;
  evidenceAt: string;
  evidenceValue: number | null;
  noteCiphertext: string;
  acknowledgedAt: Date;
  byName: string | null;
}

/** The latest acknowledgement of each flag of these couples in this program. */
export async function findLatestAcknowledgements(db: DbOrTx, programId: string, coupleIds: string[]): Promise<AcknowledgementRow[]> {
  if (coupleIds.length === 0) {
    return [];
  }
  const { rows } = await sql<AcknowledgementRow>`
    select distinct on (a.couple_id, a.person_id, a.kind, a.instrument_id)
      a.couple_id, a.person_id, a.kind, a.instrument_id, a.id, a.evidence_at, a.evidence_value, a.note_ciphertext, a.acknowledged_at,
      u.display_name as by_name
    from caseload_flag_acknowledgements a
    left join users u on u.id = a.acknowledged_by
    where a.program_id = ${programId} and a.couple_id = any(${coupleIds}::uuid[])
    order by a.couple_id, a.person_id, a.kind, a.instrument_id, a.acknowledged_at desc`.execute(db);
  return rows;
}

export async function insertAcknowledgement(
  db: DbOrTx,
  row: {
    id: string;
    programId: string;
    coupleId: string;
    personId: string | null;
    kind: AcknowledgementRow['kind'];
    instrumentId: string | null;
    evidenceAt: string;
    evidenceValue: number | null;
    noteCiphertext: string;
    acknowledgedBy: string;
  },
): Promise<Date> {
  const inserted = await db
    .insertInto('caseloadFlagAcknowledgements')
    .values({ ...row, kind: row.kind as never })
    .returning('acknowledgedAt')
    .executeTakeFirstOrThrow();
  return inserted.acknowledgedAt;
}

/** The last `days` days of check-ins of one person (the caller decided they share check-ins). */
export async function findCheckinSeries(db: DbOrTx, ownerIds: string[], from: LocalDate, to: LocalDate) {
  if (ownerIds.length === 0) {
    return [];
  }
  const rows = await db
    .selectFrom('checkins')
    .select(['ownerId', 'localDate', 'craving', 'mood', 'used'])
    .where('ownerId', 'in', ownerIds)
    .where('localDate', '>=', from)
    .where('localDate', '<=', to)
    .orderBy('ownerId')
    .orderBy('localDate')
    .execute();
  return rows.map((row) => ({ ...row, localDate: toDate(row.localDate)! }));
}

/** PHQ-9 and GAD-7 results of these people since `since`, oldest first. */
export async function findScoreSeries(db: DbOrTx, ownerIds: string[], since: Date) {
  if (ownerIds.length === 0) {
    return [];
  }
  const { rows } = await sql<{ ownerId: string; instrumentId: 'phq-9' | 'gad-7'; localDate: unknown; total: number; band: string | null }>`
    select owner_id, instrument_id, local_date, (score->>'total')::int as total, score->'band'->>'label' as band
    from assessment_responses
    where owner_id = any(${ownerIds}::uuid[]) and instrument_id in ('phq-9', 'gad-7') and submitted_at >= ${since}
      and score->>'total' is not null
    order by owner_id, instrument_id, submitted_at`.execute(db);
  return rows.map((row) => ({ ...row, localDate: toDate(row.localDate)! }));
}

/** Lapse reports these people told the care team, newest first (never the words: the told-lapses view has them). */
export async function findToldLapses(db: DbOrTx, ownerIds: string[], limit: number) {
  if (ownerIds.length === 0) {
    return [];
  }
  const rows = await db
    .selectFrom('lapseReports')
    .select(['ownerId', 'localDate', 'toldCareTeamAt', 'substances'])
    .where('ownerId', 'in', ownerIds)
    .where('toldCareTeamAt', 'is not', null)
    .orderBy('toldCareTeamAt', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ ...row, localDate: toDate(row.localDate)!, toldCareTeamAt: row.toldCareTeamAt! }));
}

/** The couple's Trust Discussion parts per day since `from` (only days since this pair formed). */
export async function findTrustDays(db: DbOrTx, coupleId: string, from: LocalDate, to: LocalDate) {
  const { rows } = await sql<{ localDate: unknown; parts: number }>`
    select local_date, (count(*) filter (where stated or thanked))::int as parts
    from trust_discussion_parts
    where couple_id = ${coupleId} and local_date between ${from}::date and ${to}::date
    group by local_date order by local_date`.execute(db);
  return rows.map((row) => ({ date: toDate(row.localDate)!, parts: row.parts }));
}

/** The couple's Continuing Recovery Plan as this pair wrote it: how many versions, and when one was last signed by both. */
export async function findPlanStatus(db: DbOrTx, coupleId: string, since: Date) {
  return db
    .selectFrom('planVersions')
    .select((eb) => [eb.fn.countAll<string>().as('versions'), eb.fn.max('signedByBothAt').as('signedAt')])
    .where('coupleId', '=', coupleId)
    .where('createdAt', '>=', since)
    .executeTakeFirstOrThrow();
}

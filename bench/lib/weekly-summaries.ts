import { Temporal } from 'temporal-polyfill';
import { sql } from 'kysely';
import { summaryInsightWindowDays } from '../../core/src/insights/weekly-summary';
import { migrateToLatest, openDatabase, type DbOrTx } from '../../server/src/platform/db';
import { addDays } from '../../server/src/platform/local-date';
import { computeWeeklySummaries, dueWeek } from '../../server/src/features/weekly-summaries/weekly-summaries.service';

/**
 * Scenario (g), issue 9: "the weekly summaries for 10,000 couples complete within 2 minutes on
 * PostgreSQL". A fresh database gets `couples` couples written set-based in SQL (generate_series):
 * both partners with check-ins over the summary's insight window and the week before (104 days),
 * coping runs, and for four couples in five open joint features (both safety screens negative),
 * a Recovery Contract signed by both with 30 days of Trust Discussion parts, appreciations and
 * shared activities; half the people share insights with their partner. Then the real job code
 * (`computeWeeklySummaries`, what the pg-boss job runs) writes every summary due at Monday 07:00
 * in Chicago, timed, and once more to time a run with nothing left to do.
 *
 * Free text is a fixed placeholder string here (the summary reads none: no notes, no appreciation
 * words); everything else has the shapes the services write.
 */

export interface WeeklySummaryBench {
  couples: number;
  people: number;
  checkins: number;
  generateSeconds: number;
  computeSeconds: number;
  idleSeconds: number;
  written: number;
  notices: number;
  withPartnerDays: number;
  withCouplePart: number;
  week: { start: string; end: string };
}

const timeZone = 'America/Chicago';
const placeholder = 'bench: no words here';

/** The next Monday 07:00 in Chicago after now: the job's moment for the week that ends the Sunday before. */
function nextMondayMorning(): Temporal.Instant {
  const today = Temporal.Now.zonedDateTimeISO(timeZone).toPlainDate();
  const monday = today.add({ days: 8 - today.dayOfWeek });
  return monday.toZonedDateTime({ timeZone, plainTime: Temporal.PlainTime.from('07:00') }).toInstant();
}

async function generate(db: DbOrTx, couples: number, weekEnd: string): Promise<number> {
  const days = summaryInsightWindowDays + 14;
  const first = addDays(weekEnd, -(days - 1));
  await sql`select setseed(0.42)`.execute(db);
  // People, couples and members: couple n has people 2n (in recovery) and 2n+1.
  await sql`
    create table bench_people as
    select n, gen_random_uuid() as id, n / 2 as couple_n, n % 2 as side from generate_series(0, ${couples * 2 - 1}) n`.execute(db);
  await sql`create table bench_couples as select n, gen_random_uuid() as id from generate_series(0, ${couples - 1}) n`.execute(db);
  await sql`
    insert into users (id, email, password_hash, display_name, locale, time_zone, created_at)
    select id, 'weekly-' || n || '@load.twofold.test', 'bench-no-login', 'Weekly ' || n, 'en', ${timeZone}, now() - interval '400 days'
    from bench_people`.execute(db);
  await sql`
    insert into couples (id, created_by, created_at)
    select c.id, p.id, now() - interval '400 days' from bench_couples c join bench_people p on p.couple_n = c.n and p.side = 0`.execute(db);
  await sql`
    insert into couple_members (couple_id, user_id, joined_at)
    select c.id, p.id, now() - interval '400 days' from bench_people p join bench_couples c on c.n = p.couple_n`.execute(db);
  // Joint features open for four couples in five: both HARK screens negative.
  await sql`
    with answered as (
      insert into assessment_responses (owner_id, submission_id, instrument_id, instrument_version, answers, scoring_options, score, local_date)
      select p.id, gen_random_uuid(), 'hark', '1', '{"H":0,"A":0,"R":0,"K":0}', '{}', '{"total":0}', ${first}::date
      from bench_people p where p.couple_n % 5 <> 0
      returning id, owner_id)
    insert into safety_screens (owner_id, response_id, positive) select owner_id, id, false from answered`.execute(db);
  await sql`
    insert into sharing_settings (owner_id, kind, audience, updated_at)
    select id, 'insights', 'partner', now() from bench_people where n % 4 in (0, 3)`.execute(db);
  // Check-ins: every day but about one in ten, for both partners.
  const { rows } = await sql<{ count: number }>`
    with inserted as (
      insert into checkins (owner_id, local_date, mood, craving, used, substances_used, sleep, stress, closeness, conflict,
        trigger_ids, note_ciphertext, is_late, written_on, updated_at)
      select p.id, d::date, 1 + floor(random() * 5)::int,
        case when p.side = 0 then floor(random() * 9)::int else floor(random() * 3)::int end,
        false, '{}', 1 + floor(random() * 5)::int, 1 + floor(random() * 5)::int, 1 + floor(random() * 5)::int,
        (array['none', 'none', 'none', 'some', 'some', 'high'])[1 + floor(random() * 6)::int],
        '{}', ${placeholder}, false, d::date, now()
      from bench_people p cross join generate_series(${first}::date, ${weekEnd}::date, interval '1 day') d
      where random() > 0.1
      returning 1)
    select count(*)::int as count from inserted`.execute(db);
  await sql`
    insert into coping_runs (owner_id, tool, urge_before, urge_after, urge_during, duration_seconds, started_at)
    select p.id, (array['grounding', 'breathing', 'urge-surfing', 'tape-forward', 'contact-support'])[1 + floor(random() * 5)::int],
      6, floor(random() * 7)::int, '{}', 180, (${weekEnd}::date - floor(random() * 50)::int)::timestamp at time zone ${timeZone} + interval '18 hours'
    from bench_people p cross join generate_series(1, 2)`.execute(db);
  // The couple's joint work, for couples with joint features open.
  await sql`
    insert into contract_versions (couple_id, version, discussion_time, items_ciphertext, keep_past_use_in_sessions, created_at, signed_by_both_at)
    select c.id, 1, '20:30', ${placeholder}, true, now() - interval '300 days', now() - interval '300 days'
    from bench_couples c where c.n % 5 <> 0`.execute(db);
  await sql`
    insert into contract_parts (contract_version_id, couple_id, partner_id, intention_ciphertext, medication_ciphertext, meetings_ciphertext)
    select v.id, v.couple_id, p.id, ${placeholder}, ${placeholder}, ${placeholder}
    from contract_versions v join bench_couples c on c.id = v.couple_id join bench_people p on p.couple_n = c.n and p.side = 0`.execute(db);
  await sql`
    insert into trust_discussion_parts (couple_id, partner_id, local_date, stated, thanked)
    select c.id, p.id, d::date, p.side = 0, p.side = 1
    from bench_couples c join bench_people p on p.couple_n = c.n
      cross join generate_series(${weekEnd}::date - 29, ${weekEnd}::date, interval '1 day') d
    where c.n % 5 <> 0 and random() > 0.15`.execute(db);
  await sql`
    insert into appreciations (couple_id, author_id, kind, local_date, text_ciphertext, told_at, created_at)
    select c.id, p.id, 'appreciation', ${weekEnd}::date - floor(random() * 7)::int, ${placeholder},
      case when random() > 0.3 then now() end, now() - interval '5 days'
    from bench_couples c join bench_people p on p.couple_n = c.n cross join generate_series(1, 2)
    where c.n % 5 <> 0`.execute(db);
  await sql`
    insert into couple_activities (couple_id, created_by, title_ciphertext, planned_for, done_at, done_by, created_at)
    select c.id, p.id, ${placeholder}, ${weekEnd}::date + s, case when s < 0 then (${weekEnd}::date - 2)::timestamp at time zone ${timeZone} + interval '19 hours' end,
      case when s < 0 then p.id end, now() - interval '20 days'
    from bench_couples c join bench_people p on p.couple_n = c.n and p.side = 0 cross join (values (-2), (3)) as v(s)
    where c.n % 5 <> 0`.execute(db);
  return rows[0]!.count;
}

/** Runs scenario (g) on the PostgreSQL database at `url` (fresh, dropped by the caller). */
export async function measureWeeklySummaries(url: string, couples: number, log: (line: string) => void): Promise<WeeklySummaryBench> {
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 10 });
  try {
    await migrateToLatest(database.db);
    const now = nextMondayMorning();
    const week = dueWeek(timeZone, now)!;
    const generateStarted = performance.now();
    // One transaction: one connection, so the seed holds for every random() and the helper tables are seen.
    const checkins = await database.db.transaction().execute((tx) => generate(tx, couples, week.end));
    await sql`drop table bench_people, bench_couples`.execute(database.db);
    await sql`analyze`.execute(database.db);
    const generateSeconds = (performance.now() - generateStarted) / 1000;
    log(
      `  ${couples} couples, ${checkins} check-ins (${summaryInsightWindowDays + 14} days) and their week generated in ${generateSeconds.toFixed(1)} s`,
    );

    const started = performance.now();
    const result = await computeWeeklySummaries(database.db, now);
    const computeSeconds = (performance.now() - started) / 1000;
    const idleStarted = performance.now();
    const again = await computeWeeklySummaries(database.db, now);
    const idleSeconds = (performance.now() - idleStarted) / 1000;
    if (again.written !== 0) {
      throw new Error(`a second run wrote ${again.written} summaries again`);
    }
    const { rows } = await sql<{ notices: number; partnerDays: number; couplePart: number }>`
      select (select count(*)::int from reminders where kind = 'weekly-summary') as notices,
        (select count(*)::int from weekly_summaries where partner_included) as partner_days,
        (select count(*)::int from weekly_summaries where couple_id is not null) as couple_part`.execute(database.db);
    const counts = rows[0]!;
    log(
      `  ${result.written} summaries written in ${computeSeconds.toFixed(1)} s (${counts.couplePart} with the couple part, ` +
        `${counts.partnerDays} insights with the partner's days); nothing left to do: ${idleSeconds.toFixed(2)} s`,
    );
    return {
      couples,
      people: couples * 2,
      checkins,
      generateSeconds,
      computeSeconds,
      idleSeconds,
      written: result.written,
      notices: counts.notices,
      withPartnerDays: counts.partnerDays,
      withCouplePart: counts.couplePart,
      week,
    };
  } finally {
    await database.close();
  }
}

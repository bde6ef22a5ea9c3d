import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import pg from 'pg';
import { CamelCasePlugin, Kysely, PostgresDialect } from 'kysely';
import { caseloadThresholds } from '../core/src/caseload/caseload-rules';
import type { Database } from '../server/src/db/database';
import { todayIn } from '../server/src/platform/local-date';
import { caseloadConsentsQuery } from '../server/src/access/caseload';
import { adherenceQuery, personAggregatesQuery } from '../server/src/features/caseload/caseload.repository';
import { loadClinicianEmail, loadClinicianTotpSecret, loadDataPassword } from '../scripts/load-data';
import { HttpClient } from './lib/http-client';
import { repoRoot } from './lib/server-process';

/**
 * Issue 8: the caseload page of a clinician with 60 couples and the couple overview, with the
 * care team's load data (scripts/load-data.ts `careTeam`: programs of 60 couples, one clinician
 * each, consents in place, 365 days of check-ins per partner). Used by bench/run.ts.
 */

export interface ClinicianSession {
  cookie: string;
  programId: string;
  coupleIds: string[];
}

/**
 * Logs in `count` load-data clinicians through the real API, with their TOTP code (each a few
 * seconds apart is not needed: every clinician has their own last-used step), and reads each one's
 * program and caseload once (the couples rotate in the overview scenario).
 */
export async function logInClinicians(baseUrl: string, count: number): Promise<ClinicianSession[]> {
  const sessions: ClinicianSession[] = [];
  for (let index = 0; index < count; index += 1) {
    const client = new HttpClient(baseUrl);
    const email = loadClinicianEmail(index);
    const first = await client.post('/api/auth/login', { email, password: loadDataPassword });
    if (first.status !== 202) {
      throw new Error(`log-in of ${email} answered ${first.status}: ${JSON.stringify(first.body)}`);
    }
    // A code works once: when this step's was used (a log-in a moment ago), the next step's is accepted too.
    const codeAt = (stepsAhead: number) =>
      TOTP.generate({ secret: Secret.fromBase32(loadClinicianTotpSecret), timestamp: Date.now() + stepsAhead * 30_000 });
    let second = await client.post('/api/auth/login/two-factor', { code: codeAt(0) });
    if (second.status === 401) {
      second = await client.post('/api/auth/login/two-factor', { code: codeAt(1) });
    }
    if (second.status !== 200) {
      throw new Error(`two-step log-in of ${email} answered ${second.status}: ${JSON.stringify(second.body)}`);
    }
    const programId: string = second.body.staff[0].programId;
    const caseload = await client.get<{ couples: Array<{ coupleId: string; flags: unknown[] }> }>(
      `/api/programs/${programId}/caseload/flags`,
    );
    if (caseload.status !== 200 || caseload.body.couples.length === 0) {
      throw new Error(`caseload of ${email} answered ${caseload.status}`);
    }
    sessions.push({ cookie: client.cookieHeader(), programId, coupleIds: caseload.body.couples.map((couple) => couple.coupleId) });
  }
  return sessions;
}

/** What the first clinician's caseload shows: couples, flags by kind (a check that the data raises flags). */
export async function describeCaseload(
  baseUrl: string,
  session: ClinicianSession,
): Promise<{ couples: number; flags: Record<string, number> }> {
  const client = new HttpClient(baseUrl);
  const answer = await fetch(`${client.baseUrl}/api/programs/${session.programId}/caseload/flags`, { headers: { cookie: session.cookie } });
  const body = (await answer.json()) as { couples: Array<{ flags: Array<{ kind: string }> }> };
  const flags: Record<string, number> = {};
  for (const flag of body.couples.flatMap((couple) => couple.flags)) {
    flags[flag.kind] = (flags[flag.kind] ?? 0) + 1;
  }
  return { couples: body.couples.length, flags };
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the caseload's main statements for the first load-data program,
 * with the same inputs the service passes: the consent decision, the person aggregates, the
 * couples' Trust Discussion. Written to artifacts/bench-caseload-explain.txt.
 */
export async function explainCaseload(databaseUrl: string): Promise<string> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
  try {
    const program = await db
      .selectFrom('programs')
      .innerJoin('users', 'users.id', 'programs.createdBy')
      .select(['programs.id', 'users.id as clinicianId'])
      .where('users.email', '=', loadClinicianEmail(0))
      .executeTakeFirstOrThrow();
    const consents = caseloadConsentsQuery(program.id, program.clinicianId);
    const { rows } = await consents.execute(db);
    const today = todayIn('America/Chicago');
    const people = rows.map((row) => ({ id: row.userId, today, checkins: true, assessments: true, lapses: true, safetyAlerts: true }));
    const couples = [...new Set(rows.map((row) => row.coupleId))].map((coupleId) => ({ coupleId, today, since: '2025-01-01' }));
    const rule = caseloadThresholds;
    const statements = [
      ['access/caseload.ts: who counts, which kinds (one statement)', consents],
      [
        'caseload.repository.ts findPersonAggregates: every person flag (one statement)',
        personAggregatesQuery(program.id, people, {
          windowDays: rule.risingCraving.windowDays,
          lapseDays: rule.lapseToldDays,
          lookbackDays: rule.scoreLookbackDays,
        }),
      ],
      [
        'caseload.repository.ts findAdherence: Trust Discussion of every couple (one statement)',
        adherenceQuery(couples, rule.adherence.windowDays),
      ],
    ] as const;
    const sections: string[] = [];
    for (const [title, query] of statements) {
      const compiled = query.compile(db);
      const client = await pool.connect();
      try {
        const plan = await client.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${compiled.sql}`, [...compiled.parameters]);
        sections.push(`-- ${title}\n${plan.rows.map((row) => row['QUERY PLAN']).join('\n')}`);
      } finally {
        client.release();
      }
    }
    const text = `${sections.join('\n\n')}\n`;
    writeFileSync(join(repoRoot, 'artifacts', 'bench-caseload-explain.txt'), text);
    return text;
  } finally {
    await db.destroy();
  }
}

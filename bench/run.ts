/**
 * npm run bench [-- --quick] [--strict] [--duration <s>] [--only hello|pglite|postgres|weekly-summaries ...]
 *
 * Measures, in one run, with autocannon against separate server processes:
 *  (a) a bare Fastify hello-world (bench/hello-server.ts), the ceiling of this machine;
 *  (b) on PostgreSQL, with load data (scripts/load-data.ts: 1,000 couples x 365 days of check-ins,
 *      100 couples with --quick) and one real couple: GET /api/couple, the authenticated read, at
 *      50 connections; the check-in write (PUT /api/me/checkins/<today>, an upsert, durable) at 50
 *      connections; the 90-day trend read of a partner's shared check-ins and of one's own at 10
 *      (and the partner's at 50). Write and trend reads rotate over many logged-in people, each
 *      request with its own session cookie (and CSRF token for the write);
 *  (c) the same on PGlite at 10 and at 50 connections;
 *  (d) the start time of the real server on existing embedded data (spawn until /api/health);
 *  (g) on a PostgreSQL database of its own, the weekly summaries of 10,000 couples (1,000 with
 *      --quick) written by the real job code, timed against issue 9's 2 minutes (bench/lib/weekly-summaries.ts).
 * --only <scenario> (repeatable) runs just those: hello (a), pglite (c, d), postgres (b, f), caseload (e), weekly-summaries (g).
 * Each figure is set beside hello-world at the same connection count, checked against its budget,
 * printed as a table, and written to artifacts/bench.json.
 *
 * Budget misses print FAIL but only fail the run with --strict: these are measurements on a
 * shared machine, not timed tests. A scenario that answers anything but 2xx (or the gate's 503
 * service-busy on PGlite), errors, or times out fails the run always.
 *
 * PostgreSQL: a fresh database is created through BENCH_DATABASE_URL, else TEST_DATABASE_URL,
 * else postgres://postgres@127.0.0.1:5432/postgres, and dropped afterwards. Unreachable: skipped.
 *
 *  (e) on PostgreSQL, with the care team's load data (10,000 couples x 365 days; programs of 60
 *      couples, one clinician each, consents in place; 120 couples with --quick): the caseload page
 *      (GET /api/programs/:id/caseload/flags, 60 couples) and the couple overview, each at 20
 *      connections rotating over 20 logged-in clinicians, with EXPLAIN ANALYZE of the main statements
 *      in artifacts/bench-caseload-explain.txt. `--only caseload` runs this part alone.
 *
 * --baseline <git ref> (repeatable): the PostgreSQL scenarios are also measured, in the same run
 * and on the same database, against the server as it was at that revision (an A/B comparison).
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon, { type Options, type RequestData, type Result } from 'autocannon';
import pg from 'pg';
import { addDays, todayIn } from '../server/src/platform/local-date';
import { repoRoot, startServer, type ServerProcess } from './lib/server-process';
import { freshPostgresDatabase, isPostgresReachable, removeDir, seedCouple } from './lib/seed';
import { generateLoadData, logInLoadPeople, type BenchSession } from './lib/load-sessions';
import { insightsFor, type InsightDay } from '../core/src/insights/insights';
import { checkoutBaseline } from './lib/baseline';
import { describeCaseload, explainCaseload, logInClinicians, type ClinicianSession } from './caseload';
import { measureWeeklySummaries, type WeeklySummaryBench } from './lib/weekly-summaries';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    duration: { type: 'string' },
    'skip-postgres': { type: 'boolean', default: false },
    baseline: { type: 'string', multiple: true, default: [] },
    // Only some parts (repeatable): hello (a), pglite (c, d), postgres (b, f), caseload (e, issue 8), weekly-summaries (g, issue 9).
    only: { type: 'string', multiple: true, default: [] },
  },
});
const scenarioNames = ['hello', 'pglite', 'postgres', 'caseload', 'weekly-summaries'] as const;
for (const name of args.only) {
  if (!(scenarioNames as readonly string[]).includes(name)) {
    throw new Error(`--only ${name}: the scenarios are ${scenarioNames.join(', ')}`);
  }
}
const runs = (name: (typeof scenarioNames)[number]) => args.only.length === 0 || args.only.includes(name);
const quick = args.quick;
const duration = Number(args.duration ?? (quick ? 3 : 15));
// PGlite needs seconds before V8 has tiered up its WebAssembly; the first seconds are not the steady state.
const warmup = quick ? 3 : 5;
const startRepeats = quick ? 1 : 3;
// Load data for the PostgreSQL scenarios: the issue's 1,000 couples x 365 days; 100 couples in CI.
const loadCouples = quick ? 100 : 1000;
const loadDays = 365;
// Scenario (g), issue 9: the weekly summaries of 10,000 couples within 2 minutes; 1,000 with --quick.
const weeklyCouples = quick ? 1000 : 10_000;
const weeklyBudgetSeconds = 120;
// People logged in for the rotating scenarios (both partners of the first couples).
const sessionCount = quick ? 50 : 200;
const generatedTimeZone = 'America/Chicago';
// Issue 8: 10,000 couples x 365 days, programs of 60 couples with one clinician each; 20 clinicians
// logged in, one per concurrent user. Quick: 120 couples (2 clinicians), far less, said in the report.
const caseloadCouples = quick ? 120 : 10_000;
const couplesPerClinician = 60;
const caseloadClinicians = quick ? 2 : 20;
const caseloadConnections = 20;
const adminUrl = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

interface Load {
  name: string;
  connections: number;
  rps: number;
  p50: number;
  p99: number;
  max: number;
  requests: number;
  non2xx: number;
  busy503: number;
  busy503P99: number | null;
  otherNon2xx: number;
  errors: number;
  timeouts: number;
}

interface Check {
  scenario: string;
  budget: string;
  measured: string;
  pass: boolean;
}

const log = (line: string) => process.stderr.write(`${line}\n`);

async function load(
  name: string,
  url: string,
  connections: number,
  headers: Record<string, string> = {},
  requests?: Options['requests'],
): Promise<Load> {
  const options = { url, connections, headers, ...(requests ? { requests } : {}) };
  await autocannon({ ...options, duration: warmup });
  const latencies503: number[] = [];
  const instance = autocannon({ ...options, duration });
  instance.on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
    if (statusCode === 503) {
      latencies503.push(responseTime);
    }
  });
  const result: Result = await instance;
  const byStatus = result.statusCodeStats ?? {};
  const busy503 = byStatus['503']?.count ?? 0;
  latencies503.sort((x, y) => x - y);
  const measured: Load = {
    name,
    connections,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    max: result.latency.max,
    requests: result.requests.total,
    non2xx: result.non2xx,
    busy503,
    busy503P99: latencies503.length > 0 ? latencies503[Math.floor(latencies503.length * 0.99)]! : null,
    otherNon2xx: result.non2xx - busy503,
    errors: result.errors,
    timeouts: result.timeouts,
  };
  log(
    `  ${name} @${connections}: ${Math.round(measured.rps)} req/s, p50 ${measured.p50} ms, p99 ${measured.p99} ms, max ${measured.max} ms, non-2xx ${measured.non2xx}`,
  );
  return measured;
}

/** A request that rotates over the logged-in people: each request goes out as the next person. */
function rotating(sessions: BenchSession[], build: (session: BenchSession) => { method: string; path: string; body?: string }) {
  let next = 0;
  return [
    {
      setupRequest: (request: RequestData): RequestData => {
        const session = sessions[next++ % sessions.length]!;
        const { method, path, body } = build(session);
        const headers: Record<string, string> = { ...request.headers, cookie: session.cookie };
        if (method !== 'GET') {
          headers['x-csrf-token'] = session.csrfToken;
          headers['content-type'] = 'application/json';
        }
        return { ...request, method, path, headers, ...(body === undefined ? {} : { body }) };
      },
    },
  ];
}

/** A check-in as the web app sends it; the craving varies so each save really changes the row. */
const checkinBody = (craving: number) =>
  JSON.stringify({ mood: 3, craving, used: false, sleep: 4, stress: 2, closeness: 4, conflict: 'none', triggerIds: [], note: 'bench' });

interface Target {
  /** '' for this checkout, '@<commit>' for a baseline. */
  suffix: string;
  url: string;
}

/**
 * The PostgreSQL scenarios. With baselines, each scenario runs against every server in turn
 * (this checkout first, then each baseline) before the next scenario starts, so that the
 * machine's other work falls on both sides of an A/B comparison alike. Each request is tried
 * once first and its answer checked, so a scenario never measures an error page.
 */
async function measurePostgres(loads: Record<string, Load>, targets: Target[], cookie: string, sessions: BenchSession[]): Promise<void> {
  const label = (name: string, suffix: string) => (suffix ? `${name} [${suffix.slice(1)}]` : name);
  const today = todayIn(generatedTimeZone);
  const from = addDays(today, -89);
  const trendOf = (ownerPath: string) => `${ownerPath}/checkins?from=${from}&to=${today}`;
  const partnerTrend = (session: BenchSession) => ({ method: 'GET', path: trendOf(`/api/people/${session.partnerId}`) });
  const ownTrend = () => ({ method: 'GET', path: trendOf('/api/me') });
  let craving = 0;
  const write = () => ({ method: 'PUT', path: `/api/me/checkins/${today}`, body: checkinBody(craving++ % 11) });
  const ownInsights = () => ({ method: 'GET', path: '/api/me/insights' });

  const probe = sessions[0]!;
  for (const { url } of targets) {
    for (const [what, request] of [
      ['partner trend', partnerTrend(probe)],
      ['own trend', ownTrend()],
      ['check-in write', write()],
    ] as const) {
      const headers: Record<string, string> = { cookie: probe.cookie };
      if (request.method !== 'GET') {
        Object.assign(headers, { 'x-csrf-token': probe.csrfToken, 'content-type': 'application/json' });
      }
      const answer = await fetch(`${url}${request.path}`, {
        method: request.method,
        headers,
        ...('body' in request ? { body: request.body } : {}),
      });
      const body = (await answer.json()) as { checkins?: unknown[]; date?: string };
      const isRight = answer.status === 200 && (request.method === 'GET' ? body.checkins?.length === 90 : body.date === today);
      if (!isRight) {
        throw new Error(`${what} answered ${answer.status} ${JSON.stringify(body).slice(0, 300)}`);
      }
    }
  }

  for (const { url } of targets) {
    const answer = await fetch(`${url}/api/me/insights`, { headers: { cookie: probe.cookie } });
    const body = (await answer.json()) as { insights?: Array<{ fit: { status: string; days: number } }> };
    // A year of the probe's own days behind every question (the load data has no zero-variation series).
    if (answer.status !== 200 || body.insights?.length !== 3 || body.insights.some((i) => i.fit.days < loadDays - 1)) {
      throw new Error(`insights answered ${answer.status} ${JSON.stringify(body).slice(0, 300)}`);
    }
  }

  const scenarios: Array<{
    key: string;
    name: string;
    connections: number;
    baselines: boolean;
    run: (url: string, name: string) => Promise<Load>;
  }> = [
    {
      key: 'postgres50',
      name: 'couple read, PostgreSQL',
      connections: 50,
      baselines: true,
      run: (url, name) => load(name, `${url}/api/couple`, 50, { cookie }),
    },
    {
      key: 'trendPartner10',
      name: "90-day trend, partner's",
      connections: 10,
      baselines: true,
      run: (url, name) => load(name, url, 10, {}, rotating(sessions, partnerTrend)),
    },
    {
      key: 'trendOwn10',
      name: '90-day trend, own',
      connections: 10,
      baselines: true,
      run: (url, name) => load(name, url, 10, {}, rotating(sessions, ownTrend)),
    },
    {
      key: 'trendPartner50',
      name: "90-day trend, partner's",
      connections: 50,
      baselines: false,
      run: (url, name) => load(name, url, 50, {}, rotating(sessions, partnerTrend)),
    },
    {
      key: 'insights1',
      name: 'insights, own, 365 days',
      connections: 1,
      baselines: false,
      run: (url, name) => load(name, url, 1, {}, rotating(sessions, ownInsights)),
    },
    {
      key: 'checkinWrite50',
      name: 'check-in write',
      connections: 50,
      baselines: true,
      run: (url, name) => load(name, url, 50, {}, rotating(sessions, write)),
    },
  ];
  for (const scenario of scenarios) {
    for (const target of scenario.baselines ? targets : targets.slice(0, 1)) {
      loads[`${scenario.key}${target.suffix}`] = await scenario.run(target.url, label(scenario.name, target.suffix));
    }
  }
}

/**
 * The estimator alone: every insight for one partner with both partners' 365 days (the largest
 * model: actor, partner and the day-before control), timed in this process, 200 runs after 20 of
 * warm-up. The request scenario adds the read of the days and the answer.
 */
function measureInsightsCompute(): { median: number; p99: number; runs: number } {
  let state = 42;
  const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const year = (): InsightDay[] =>
    Array.from({ length: loadDays }, (_, i) => ({
      date: addDays('2026-01-01', i),
      mood: 1 + Math.floor(random() * 5),
      craving: Math.floor(random() * 11),
      stress: 1 + Math.floor(random() * 5),
      closeness: 1 + Math.floor(random() * 5),
      conflict: random() < 0.15 ? 'high' : random() < 0.3 ? 'some' : 'none',
    }));
  const mine = year();
  const partners = year();
  const times: number[] = [];
  for (let run = 0; run < 220; run += 1) {
    const started = performance.now();
    insightsFor(mine, partners);
    if (run >= 20) {
      times.push(performance.now() - started);
    }
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, p99: times[Math.floor(times.length * 0.99)]!, runs: times.length };
}

async function runSql(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function showSynchronousCommit(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ synchronous_commit: string }>('show synchronous_commit')).rows[0]!.synchronous_commit;
  } finally {
    await client.end();
  }
}

/** Starts the real server `times` times on the same data and keeps the start times. */
async function measureStarts(
  env: Record<string, string | undefined>,
  times: number,
): Promise<{ startsMs: number[]; server: ServerProcess }> {
  const startsMs: number[] = [];
  for (;;) {
    const server = await startServer({ env: { ...env, LOG_LEVEL: 'warn' } });
    startsMs.push(Math.round(server.startMs));
    if (startsMs.length >= times) {
      return { startsMs, server };
    }
    await server.stop();
  }
}

/** One 503 from the gate, to check it carries Retry-After (autocannon does not show headers). */
async function probeRetryAfter(url: string, cookie: string): Promise<boolean | null> {
  const answers = await Promise.all(
    Array.from({ length: 400 }, () => fetch(`${url}/api/couple`, { headers: { cookie } }).catch(() => null)),
  );
  const busy = answers.find((answer) => answer?.status === 503);
  await Promise.all(answers.map((answer) => answer?.arrayBuffer().catch(() => undefined)));
  return busy ? busy.headers.get('retry-after') !== null : null;
}

/** (e) Issue 8: a database of its own with the care team's load data; the caseload and overview scenarios. */
async function measureCaseloadPart(
  loads: Record<string, Load>,
): Promise<{ couples: number; seconds: number; flags: Record<string, number> }> {
  const database = await freshPostgresDatabase(adminUrl, 'twofold_bench_caseload');
  try {
    const env = { DATABASE_URL: database.url, TWOFOLD_DATA_DIR: mkdtempSync(join(tmpdir(), 'twofold-bench-cl-')) };
    const generateMs = await generateLoadData(env, caseloadCouples, loadDays, ['--couples-per-clinician', String(couplesPerClinician)]);
    log(
      `  care-team load data: ${caseloadCouples} couples x ${loadDays} days, ${Math.ceil(caseloadCouples / couplesPerClinician)} clinicians of ${couplesPerClinician} couples, in ${(generateMs / 1000).toFixed(1)} s${quick ? ' (quick: the full run loads 10,000 couples)' : ''}`,
    );
    // Bulk-loaded tables have neither statistics nor a visibility map until autovacuum gets to them; a live database has both.
    await runSql(database.url, 'vacuum analyze');
    const server = await startServer({ env: { ...env, LOG_LEVEL: 'warn', RATE_LIMIT_AUTH_PER_MINUTE: '100000' } });
    let flags: Record<string, number> = {};
    try {
      const sessions = await logInClinicians(server.url, caseloadClinicians);
      const described = await describeCaseload(server.url, sessions[0]!);
      flags = described.flags;
      log(`  first clinician: ${described.couples} couples, flags ${JSON.stringify(described.flags)}`);
      const pairs = sessions.flatMap((session) => session.coupleIds.map((coupleId) => ({ session, coupleId })));
      let nextPair = 0;
      const asClinician = (build: (session: ClinicianSession, coupleId: string) => string) => [
        {
          setupRequest: (request: RequestData): RequestData => {
            const { session, coupleId } = pairs[nextPair++ % pairs.length]!;
            return { ...request, method: 'GET', path: build(session, coupleId), headers: { ...request.headers, cookie: session.cookie } };
          },
        },
      ];
      let nextSession = 0;
      const caseloadRequests = [
        {
          setupRequest: (request: RequestData): RequestData => {
            const session = sessions[nextSession++ % sessions.length]!;
            return {
              ...request,
              method: 'GET',
              path: `/api/programs/${session.programId}/caseload/flags`,
              headers: { ...request.headers, cookie: session.cookie },
            };
          },
        },
      ];
      loads['caseload20'] = await load('caseload, 60 couples with flags', server.url, caseloadConnections, {}, caseloadRequests);
      loads['overview20'] = await load(
        'couple overview',
        server.url,
        caseloadConnections,
        {},
        asClinician((session, coupleId) => `/api/programs/${session.programId}/couples/${coupleId}/overview`),
      );
    } finally {
      await server.stop();
    }
    log('  EXPLAIN ANALYZE of the caseload statements: artifacts/bench-caseload-explain.txt');
    mkdirSync(join(repoRoot, 'artifacts'), { recursive: true });
    await explainCaseload(database.url);
    removeDir(env.TWOFOLD_DATA_DIR);
    return { couples: caseloadCouples, seconds: generateMs / 1000, flags };
  } finally {
    await database.drop();
  }
}

function caseloadChecks(loads: Record<string, Load>, checks: Check[]): void {
  for (const [key, name] of [
    ['caseload20', 'caseload (60 couples) @20'],
    ['overview20', 'couple overview @20'],
  ] as const) {
    const measured = loads[key];
    if (measured) {
      checks.push({ scenario: name, budget: 'p99 < 50 ms', measured: `${measured.p99} ms`, pass: measured.p99 < 50 });
    }
  }
}

/** `--only caseload`: the issue 8 part alone, its table and artifacts/bench-caseload.json. */
async function mainCaseloadOnly(): Promise<void> {
  const pgVersion = await postgresVersion();
  if (pgVersion === null) {
    throw new Error('PostgreSQL is not reachable: the caseload scenarios need it');
  }
  log(
    `Twofold benchmark, caseload only (${quick ? 'quick' : 'full'}: ${warmup} s warm-up + ${duration} s per scenario), ${pgVersion}, load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );
  const loads: Record<string, Load> = {};
  const checks: Check[] = [];
  const data = await measureCaseloadPart(loads);
  caseloadChecks(loads, checks);
  const failures = Object.values(loads)
    .filter((measured) => measured.errors > 0 || measured.timeouts > 0 || measured.non2xx > 0)
    .map((measured) => `${measured.name}: ${measured.errors} errors, ${measured.timeouts} timeouts, ${measured.non2xx} non-2xx`);
  console.log(
    `Care-team load data: ${data.couples} couples x ${loadDays} days, programs of ${couplesPerClinician} couples${quick ? ' (quick: the full run loads 10,000 couples)' : ''}; ${caseloadClinicians} clinicians logged in, rotated per request\n`,
  );
  printTable(
    ['scenario', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'non-2xx'],
    Object.values(loads).map((m) => [
      m.name,
      String(m.connections),
      String(Math.round(m.rps)),
      `${m.p50}`,
      `${m.p99}`,
      `${m.max}`,
      String(m.non2xx),
    ]),
  );
  console.log('');
  printTable(
    ['budget', 'target', 'measured', 'result'],
    checks.map((check) => [check.scenario, check.budget, check.measured, check.pass ? 'PASS' : 'FAIL']),
  );
  mkdirSync(join(repoRoot, 'artifacts'), { recursive: true });
  writeFileSync(
    join(repoRoot, 'artifacts', 'bench-caseload.json'),
    `${JSON.stringify({ mode: quick ? 'quick' : 'full', pgVersion, loadAverageAtEnd: loadavg(), loadData: data, scenarios: loads, budgets: checks, failures }, null, 2)}\n`,
  );
  console.log('\nwritten: artifacts/bench-caseload.json, artifacts/bench-caseload-explain.txt');
  if (failures.length > 0) {
    console.error(`\nFAILED:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  } else if (args.strict && checks.some((check) => !check.pass)) {
    process.exitCode = 1;
  }
}

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const startedAt = new Date();
  const loadAverageAtStart = loadavg();
  const pgVersion = await postgresVersion();
  log(`Twofold benchmark (${quick ? 'quick' : 'full'}: ${warmup} s warm-up + ${duration} s per scenario)`);
  log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}, ${pgVersion ?? 'PostgreSQL not reachable'}, load average ${loadAverageAtStart
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );

  const loads: Record<string, Load> = {};
  const checks: Check[] = [];
  const failures: string[] = [];

  // (a) hello-world
  if (runs('hello')) {
    log('(a) bare Fastify hello-world');
    const hello = await startServer({ script: ['bench/hello-server.ts'], env: {} });
    try {
      loads['hello10'] = await load('hello-world', `${hello.url}/`, 10);
      loads['hello50'] = await load('hello-world', `${hello.url}/`, 50);
    } finally {
      await hello.stop();
    }
  }

  // (c, d) PGlite
  let startsMs: number[] = [];
  let retryAfter: boolean | null = null;
  if (runs('pglite')) {
    log('(c) GET /api/couple on PGlite, (d) start time on existing embedded data');
    const dataDir = mkdtempSync(join(tmpdir(), 'twofold-bench-'));
    try {
      const env = { TWOFOLD_DATA_DIR: dataDir, DATABASE_URL: undefined };
      const { cookie } = await seedCouple(env);
      const started = await measureStarts(env, startRepeats);
      startsMs = started.startsMs;
      log(`  start on existing data: ${startsMs.join(', ')} ms`);
      const server = started.server;
      try {
        const url = `${server.url}/api/couple`;
        loads['pglite10'] = await load('couple read, PGlite', url, 10, { cookie });
        loads['pglite50'] = await load('couple read, PGlite', url, 50, { cookie });
        retryAfter = await probeRetryAfter(server.url, cookie);
      } finally {
        await server.stop();
      }
    } finally {
      removeDir(dataDir);
    }
  }

  // (b) PostgreSQL
  let loadData: { couples: number; days: number; seconds: number; sessions: number } | null = null;
  let synchronousCommit: string | null = null;
  const baselines: Array<{ ref: string; commit: string; key: string }> = [];
  if (!runs('postgres') || args['skip-postgres'] || pgVersion === null) {
    log('(b) PostgreSQL: skipped');
  } else {
    log('(b) PostgreSQL: couple read, check-in write, 90-day trend reads');
    const database = await freshPostgresDatabase(adminUrl, 'twofold_bench');
    try {
      const env = { DATABASE_URL: database.url, TWOFOLD_DATA_DIR: mkdtempSync(join(tmpdir(), 'twofold-bench-pg-')) };
      const { cookie } = await seedCouple(env);
      const generateMs = await generateLoadData(env, loadCouples, loadDays);
      log(
        `  load data: ${loadCouples} couples x ${loadDays} days (${loadCouples * 2 * loadDays} check-ins) in ${(generateMs / 1000).toFixed(1)} s`,
      );
      // Bulk-loaded tables have no statistics until autovacuum gets to them; a live database has.
      await runSql(database.url, 'analyze');
      synchronousCommit = await showSynchronousCommit(database.url);
      log(`  synchronous_commit = ${synchronousCommit}`);
      if (synchronousCommit !== 'on') {
        failures.push(`synchronous_commit is ${synchronousCommit}: the check-in write would not be durable`);
      }
      // Log-in goes through argon2 and the auth rate limit; neither is measured here.
      const serverEnv = { ...env, LOG_LEVEL: 'warn', RATE_LIMIT_AUTH_PER_MINUTE: '100000' };
      const servers: ServerProcess[] = [];
      const baselineDirs: string[] = [];
      try {
        const server = await startServer({ env: serverEnv });
        servers.push(server);
        const targets: Target[] = [{ suffix: '', url: server.url }];
        for (const ref of args.baseline) {
          const { dir, commit } = checkoutBaseline(ref);
          baselineDirs.push(dir);
          baselines.push({ ref, commit, key: `@${commit}` });
          const old = await startServer({ env: serverEnv, cwd: dir });
          servers.push(old);
          targets.push({ suffix: `@${commit}`, url: old.url });
          log(`  baseline ${ref} (${commit}): the same database, each scenario right after this checkout's`);
        }
        const loginStarted = performance.now();
        const sessions = await logInLoadPeople(server.url, sessionCount);
        log(`  ${sessions.length} people logged in (${((performance.now() - loginStarted) / 1000).toFixed(1)} s)`);
        loadData = { couples: loadCouples, days: loadDays, seconds: generateMs / 1000, sessions: sessions.length };
        await measurePostgres(loads, targets, cookie, sessions);
      } finally {
        for (const running of servers) {
          await running.stop();
        }
        baselineDirs.forEach(removeDir);
      }
      if (!quick) {
        // How much request logging costs: the same at LOG_LEVEL=info (two log lines a request).
        const verbose = await startServer({ env: { ...env, LOG_LEVEL: 'info' } });
        try {
          loads['postgres50Info'] = await load('same, LOG_LEVEL=info', `${verbose.url}/api/couple`, 50, { cookie });
        } finally {
          await verbose.stop();
        }
      }
      removeDir(env.TWOFOLD_DATA_DIR);
    } finally {
      await database.drop();
    }
  }

  // (e) the care team (issue 8)
  let caseloadData: { couples: number; seconds: number; flags: Record<string, number> } | null = null;
  if (runs('caseload') && !args['skip-postgres'] && pgVersion !== null) {
    log('(e) PostgreSQL: caseload with flags and couple overview (issue 8)');
    caseloadData = await measureCaseloadPart(loads);
  }

  // (g) weekly summaries, issue 9
  let weekly: WeeklySummaryBench | null = null;
  if (!runs('weekly-summaries') || args['skip-postgres'] || pgVersion === null) {
    log('(g) weekly summaries: skipped');
  } else {
    log(`(g) PostgreSQL: the weekly summaries of ${weeklyCouples} couples${quick ? ' (quick: the full run has 10,000)' : ''}`);
    const database = await freshPostgresDatabase(adminUrl, 'twofold_bench_weekly');
    try {
      weekly = await measureWeeklySummaries(database.url, weeklyCouples, log);
      if (weekly.written !== weekly.people || weekly.notices !== weekly.people) {
        failures.push(`weekly summaries: ${weekly.written} written and ${weekly.notices} notices for ${weekly.people} people`);
      }
    } finally {
      await database.drop();
    }
  }

  // Budgets
  caseloadChecks(loads, checks);
  const ratio = (scenario: Load, base: Load | undefined) => (base ? scenario.rps / base.rps : Number.NaN);
  const pct = (value: number) => (Number.isNaN(value) ? 'n/a' : `${(value * 100).toFixed(1)}%`);
  const pgLoad = loads['postgres50'];
  if (pgLoad && loads['hello50']) {
    const r = ratio(pgLoad, loads['hello50']!);
    checks.push({ scenario: 'PostgreSQL @50', budget: '>= 12% of hello-world req/s', measured: pct(r), pass: r >= 0.12 });
    checks.push({ scenario: 'PostgreSQL @50', budget: 'p99 < 40 ms', measured: `${pgLoad.p99} ms`, pass: pgLoad.p99 < 40 });
  }
  const write = loads['checkinWrite50'];
  if (write && loads['hello50']) {
    const r = ratio(write, loads['hello50']!);
    checks.push({ scenario: 'check-in write @50', budget: '>= 8% of hello-world req/s', measured: pct(r), pass: r >= 0.08 });
    checks.push({ scenario: 'check-in write @50', budget: 'p99 < 40 ms', measured: `${write.p99} ms`, pass: write.p99 < 40 });
  }
  for (const key of ['trendPartner10', 'trendOwn10']) {
    const trend = loads[key];
    if (trend) {
      checks.push({
        scenario: `${trend.name} @${trend.connections}`,
        budget: `p99 < 25 ms (${loadCouples} couples x ${loadDays} days)`,
        measured: `${trend.p99} ms, ${Math.round(trend.rps)} req/s = ${pct(ratio(trend, loads['hello10']))}`,
        pass: trend.p99 < 25,
      });
    }
  }
  const insights = loads['insights1'];
  if (insights) {
    checks.push({
      scenario: 'insights, own @1',
      budget: `request p99 < 50 ms (${loadDays} days read and fitted)`,
      measured: `${insights.p99} ms (p50 ${insights.p50} ms)`,
      pass: insights.p99 < 50,
    });
  }
  if (weekly) {
    checks.push({
      scenario: 'weekly summaries, all partners',
      budget: `< ${weeklyBudgetSeconds} s (${weekly.couples} couples${quick ? ', quick: the issue says 10,000' : ''})`,
      measured: `${weekly.computeSeconds.toFixed(1)} s for ${weekly.written} summaries`,
      pass: weekly.computeSeconds < weeklyBudgetSeconds,
    });
  }
  const compute = runs('postgres') ? measureInsightsCompute() : null;
  if (compute) {
    checks.push({
      scenario: 'insights compute, both partners',
      budget: `p99 < 50 ms (${loadDays} days each, in process)`,
      measured: `${compute.p99.toFixed(1)} ms (median ${compute.median.toFixed(1)} ms of ${compute.runs})`,
      pass: compute.p99 < 50,
    });
  }
  const lite10 = loads['pglite10'];
  const lite50 = loads['pglite50'];
  if (lite10 && lite50) {
    checks.push({ scenario: 'PGlite @10', budget: 'p99 < 50 ms', measured: `${lite10.p99} ms`, pass: lite10.p99 < 50 });
    // "No collapse": five times the clients may cost up to five times the wait (a fair queue), no more.
    const collapseFactor = lite50.p99 / Math.max(lite10.p99, 1);
    checks.push({
      scenario: 'PGlite @50',
      budget: 'p99 <= 5 x p99 @10 (no collapse)',
      measured: `${lite50.p99} ms = ${collapseFactor.toFixed(1)} x`,
      pass: collapseFactor <= 5,
    });
    checks.push({
      scenario: 'PGlite @50',
      budget: 'non-2xx only fast 503 + Retry-After',
      measured: `${lite50.busy503} x 503${lite50.busy503P99 === null ? '' : ` (p99 ${lite50.busy503P99} ms)`}, ${lite50.otherNon2xx} other`,
      pass: lite50.otherNon2xx === 0 && (lite50.busy503P99 === null || lite50.busy503P99 <= lite10.p99) && retryAfter !== false,
    });
  }
  const startMs = startsMs.length > 0 ? median(startsMs) : null;
  if (startMs !== null) {
    checks.push({
      scenario: 'start, existing data',
      budget: '< 3000 ms',
      measured: `${startMs} ms (median of ${startsMs.length})`,
      pass: startMs < 3000,
    });
  }

  for (const measured of Object.values(loads)) {
    if (measured.errors > 0 || measured.timeouts > 0 || measured.otherNon2xx > 0) {
      failures.push(
        `${measured.name} @${measured.connections}: ${measured.errors} errors, ${measured.timeouts} timeouts, ${measured.otherNon2xx} unexpected non-2xx`,
      );
    }
  }

  // Report
  if (loadData) {
    console.log(
      `PostgreSQL load data: ${loadData.couples} couples x ${loadData.days} days${quick ? ' (quick: the full run loads 1,000 couples)' : ''}; ` +
        `${loadData.sessions} people logged in, rotated per request; synchronous_commit = ${synchronousCommit}\n`,
    );
  }
  const rows = Object.entries(loads).map(([key, measured]) => {
    const base = measured.connections === 10 ? loads['hello10'] : loads['hello50'];
    return [
      measured.name,
      String(measured.connections),
      String(Math.round(measured.rps)),
      key.startsWith('hello') ? '100%' : pct(ratio(measured, base)),
      `${measured.p50}`,
      `${measured.p99}`,
      `${measured.max}`,
      measured.non2xx === 0 ? '0' : `${measured.non2xx} (${measured.busy503} x 503)`,
    ];
  });
  printTable(['scenario', 'conns', 'req/s', 'vs hello', 'p50 ms', 'p99 ms', 'max ms', 'non-2xx'], rows);
  console.log('');
  printTable(
    ['budget', 'target', 'measured', 'result'],
    checks.map((check) => [check.scenario, check.budget, check.measured, check.pass ? 'PASS' : 'FAIL']),
  );
  if (startsMs.length > 0) {
    console.log(`\nstart time on existing embedded data: ${startsMs.join(', ')} ms`);
  }
  if (retryAfter !== null) {
    console.log(`gate 503 carries Retry-After: ${retryAfter ? 'yes' : 'NO'}`);
  }

  const report = {
    startedAt: startedAt.toISOString(),
    mode: quick ? 'quick' : 'full',
    warmupSeconds: warmup,
    durationSeconds: duration,
    machine: {
      cores: cpus().length,
      cpu: cpus()[0]?.model ?? null,
      node: process.version,
      postgres: pgVersion,
      loadAverageAtStart,
      loadAverageAtEnd: loadavg(),
    },
    scenarios: loads,
    ratios: Object.fromEntries(
      Object.entries(loads)
        .filter(([key]) => !key.startsWith('hello'))
        .map(([key, measured]) => [key, ratio(measured, measured.connections === 10 ? loads['hello10'] : loads['hello50'])]),
    ),
    startMs: { runs: startsMs, median: startMs },
    weeklySummaries: weekly,
    only: args.only,
    loadData,
    caseloadData,
    synchronousCommit,
    baselines,
    gateRetryAfter: retryAfter,
    budgets: checks,
    failures,
  };
  mkdirSync(join(repoRoot, 'artifacts'), { recursive: true });
  writeFileSync(join(repoRoot, 'artifacts', 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
  console.log('\nwritten: artifacts/bench.json');

  if (failures.length > 0) {
    console.error(`\nFAILED:\n  ${failures.join('\n  ')}`);
    process.exitCode = 1;
  } else if (args.strict && checks.some((check) => !check.pass)) {
    console.error('\nA budget was missed (--strict).');
    process.exitCode = 1;
  }
}

async function postgresVersion(): Promise<string | null> {
  if (args['skip-postgres'] || !(await isPostgresReachable(adminUrl))) {
    return null;
  }
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const result = await client.query<{ server_version: string }>('show server_version');
    return `PostgreSQL ${result.rows[0]!.server_version.split(' ')[0]}`;
  } finally {
    await client.end();
  }
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const row of rows) {
    console.log(line(row));
  }
}

(args.only.length === 1 && args.only[0] === 'caseload' ? mainCaseloadOnly() : main()).catch((error: unknown) => {
  console.error('The benchmark could not run:', error);
  process.exit(1);
});

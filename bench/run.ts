/**
 * npm run bench [-- --quick] [--strict] [--duration <s>]
 *
 * Measures, in one run, with autocannon against separate server processes:
 *  (a) a bare Fastify hello-world (bench/hello-server.ts), the ceiling of this machine;
 *  (b) GET /api/couple, the authenticated read, on PostgreSQL at 50 connections;
 *  (c) the same on PGlite at 10 and at 50 connections;
 *  (d) the start time of the real server on existing embedded data (spawn until /api/health).
 * Each figure is set beside hello-world at the same connection count, checked against its budget,
 * printed as a table, and written to artifacts/bench.json.
 *
 * Budget misses print FAIL but only fail the run with --strict: these are measurements on a
 * shared machine, not timed tests. A scenario that answers anything but 2xx (or the gate's 503
 * service-busy on PGlite), errors, or times out fails the run always.
 *
 * PostgreSQL: a fresh database is created through BENCH_DATABASE_URL, else TEST_DATABASE_URL,
 * else postgres://postgres@127.0.0.1:5432/postgres, and dropped afterwards. Unreachable: skipped.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon, { type Result } from 'autocannon';
import pg from 'pg';
import { repoRoot, startServer, type ServerProcess } from './lib/server-process';
import { freshPostgresDatabase, isPostgresReachable, removeDir, seedCouple } from './lib/seed';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    duration: { type: 'string' },
    'skip-postgres': { type: 'boolean', default: false },
  },
});
const quick = args.quick;
const duration = Number(args.duration ?? (quick ? 3 : 15));
// PGlite needs seconds before V8 has tiered up its WebAssembly; the first seconds are not the steady state.
const warmup = quick ? 3 : 5;
const startRepeats = quick ? 1 : 3;
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

async function load(name: string, url: string, connections: number, headers: Record<string, string> = {}): Promise<Load> {
  await autocannon({ url, connections, duration: warmup, headers });
  const latencies503: number[] = [];
  const instance = autocannon({ url, connections, duration, headers });
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

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  const startedAt = new Date();
  const pgVersion = await postgresVersion();
  log(`Twofold benchmark (${quick ? 'quick' : 'full'}: ${warmup} s warm-up + ${duration} s per scenario)`);
  log(
    `machine: ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), Node ${process.version}, ${pgVersion ?? 'PostgreSQL not reachable'}, load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  );

  const loads: Record<string, Load> = {};
  const checks: Check[] = [];
  const failures: string[] = [];

  // (a) hello-world
  log('(a) bare Fastify hello-world');
  const hello = await startServer({ script: ['bench/hello-server.ts'], env: {} });
  try {
    loads['hello10'] = await load('hello-world', `${hello.url}/`, 10);
    loads['hello50'] = await load('hello-world', `${hello.url}/`, 50);
  } finally {
    await hello.stop();
  }

  // (c, d) PGlite
  log('(c) GET /api/couple on PGlite, (d) start time on existing embedded data');
  const dataDir = mkdtempSync(join(tmpdir(), 'twofold-bench-'));
  let startsMs: number[] = [];
  let retryAfter: boolean | null = null;
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

  // (b) PostgreSQL
  if (args['skip-postgres'] || pgVersion === null) {
    log('(b) PostgreSQL: skipped');
  } else {
    log('(b) GET /api/couple on PostgreSQL');
    const database = await freshPostgresDatabase(adminUrl, 'twofold_bench');
    try {
      const env = { DATABASE_URL: database.url, TWOFOLD_DATA_DIR: mkdtempSync(join(tmpdir(), 'twofold-bench-pg-')) };
      const { cookie } = await seedCouple(env);
      const server = await startServer({ env: { ...env, LOG_LEVEL: 'warn' } });
      try {
        loads['postgres50'] = await load('couple read, PostgreSQL', `${server.url}/api/couple`, 50, { cookie });
      } finally {
        await server.stop();
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

  // Budgets
  const ratio = (scenario: Load, base: Load) => scenario.rps / base.rps;
  const pct = (value: number) => `${(value * 100).toFixed(1)}%`;
  const pgLoad = loads['postgres50'];
  if (pgLoad) {
    const r = ratio(pgLoad, loads['hello50']!);
    checks.push({ scenario: 'PostgreSQL @50', budget: '>= 12% of hello-world req/s', measured: pct(r), pass: r >= 0.12 });
    checks.push({ scenario: 'PostgreSQL @50', budget: 'p99 < 40 ms', measured: `${pgLoad.p99} ms`, pass: pgLoad.p99 < 40 });
  }
  const lite10 = loads['pglite10']!;
  const lite50 = loads['pglite50']!;
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
  const startMs = median(startsMs);
  checks.push({
    scenario: 'start, existing data',
    budget: '< 3000 ms',
    measured: `${startMs} ms (median of ${startsMs.length})`,
    pass: startMs < 3000,
  });

  for (const measured of Object.values(loads)) {
    if (measured.errors > 0 || measured.timeouts > 0 || measured.otherNon2xx > 0) {
      failures.push(
        `${measured.name} @${measured.connections}: ${measured.errors} errors, ${measured.timeouts} timeouts, ${measured.otherNon2xx} unexpected non-2xx`,
      );
    }
  }

  // Report
  const rows = Object.entries(loads).map(([key, measured]) => {
    const base = measured.connections === 10 ? loads['hello10']! : loads['hello50']!;
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
  console.log(`\nstart time on existing embedded data: ${startsMs.join(', ')} ms`);
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
      loadAverageAtStart: loadavg(),
    },
    scenarios: loads,
    ratios: Object.fromEntries(
      Object.entries(loads)
        .filter(([key]) => !key.startsWith('hello'))
        .map(([key, measured]) => [key, ratio(measured, measured.connections === 10 ? loads['hello10']! : loads['hello50']!)]),
    ),
    startMs: { runs: startsMs, median: startMs },
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

main().catch((error: unknown) => {
  console.error('The benchmark could not run:', error);
  process.exit(1);
});

/**
 * node --import tsx bench/profile.ts [--scenario couple|write|partner|own] [--seconds 10] [--connections 50] [--couples 100]
 *   [--server-dir <another checkout>] [--no-profile]
 *
 * Where the time of one PostgreSQL scenario goes, on a fresh database: the real server runs with
 * `node --cpu-prof` under autocannon; printed are the request rate, the server's CPU per request
 * (from /proc: user + system time of the server process, and of PostgreSQL's backends), the
 * statements per request (pg_stat_statements is not needed: `xact_commit` and `tup_*` deltas
 * of pg_stat_database, plus a count of statements from the server's `pg` client), and the top
 * functions by self time from the CPU profile. A tool for finding levers, not a budget check.
 * CPU per request stays meaningful on a machine busy with other work, where req/s does not:
 * compare two revisions by running this against each (`--server-dir`, e.g. a `git worktree`).
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon, { type RequestData } from 'autocannon';
import pg from 'pg';
import { addDays, todayIn } from '../server/src/platform/local-date';
import { startServer } from './lib/server-process';
import { freshPostgresDatabase, removeDir, seedCouple } from './lib/seed';
import { generateLoadData, logInLoadPeople } from './lib/load-sessions';

const { values: args } = parseArgs({
  options: {
    scenario: { type: 'string', default: 'couple' },
    seconds: { type: 'string', default: '10' },
    connections: { type: 'string', default: '50' },
    couples: { type: 'string', default: '100' },
    'server-dir': { type: 'string' },
    'no-profile': { type: 'boolean', default: false },
  },
});
const adminUrl = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const ticks = 100; // USER_HZ

function cpuTicksOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** CPU ticks of every PostgreSQL process (backends, WAL writer, checkpointer …). */
function postgresTicks(): number {
  let total = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) {
      continue;
    }
    try {
      const comm = readFileSync(`/proc/${entry}/comm`, 'utf8').trim();
      if (comm === 'postgres') {
        total += cpuTicksOf(Number(entry));
      }
    } catch {
      // gone
    }
  }
  return total;
}

async function main(): Promise<void> {
  const database = await freshPostgresDatabase(adminUrl, 'twofold_profile');
  const profileDir = mkdtempSync(join(tmpdir(), 'twofold-cpuprof-'));
  const env = { DATABASE_URL: database.url, TWOFOLD_DATA_DIR: mkdtempSync(join(tmpdir(), 'twofold-profile-')) };
  try {
    const { cookie } = await seedCouple(env);
    await generateLoadData(env, Number(args.couples), 365);
    const admin = new pg.Client({ connectionString: database.url });
    admin.on('error', () => undefined);
    await admin.connect();
    await admin.query('analyze');
    const server = await startServer({
      env: { ...env, LOG_LEVEL: 'warn', RATE_LIMIT_AUTH_PER_MINUTE: '100000' },
      nodeArgs: args['no-profile'] ? [] : ['--cpu-prof', `--cpu-prof-dir=${profileDir}`],
      ...(args['server-dir'] ? { cwd: args['server-dir'] } : {}),
    });
    const sessions = await logInLoadPeople(server.url, 50);
    const today = todayIn('America/Chicago');
    const trend = (owner: string) => `${owner}/checkins?from=${addDays(today, -89)}&to=${today}`;
    let next = 0;
    const build: Record<string, (n: number) => { method: string; path: string; cookie: string; body?: string; csrf?: string }> = {
      couple: () => ({ method: 'GET', path: '/api/couple', cookie }),
      partner: (n) => ({ method: 'GET', path: trend(`/api/people/${sessions[n % 50]!.partnerId}`), cookie: sessions[n % 50]!.cookie }),
      own: (n) => ({ method: 'GET', path: trend('/api/me'), cookie: sessions[n % 50]!.cookie }),
      write: (n) => ({
        method: 'PUT',
        path: `/api/me/checkins/${today}`,
        cookie: sessions[n % 50]!.cookie,
        csrf: sessions[n % 50]!.csrfToken,
        body: JSON.stringify({
          mood: 3,
          craving: n % 11,
          used: false,
          sleep: 4,
          stress: 2,
          closeness: 4,
          conflict: 'none',
          triggerIds: [],
          note: 'x',
        }),
      }),
    };
    const make = build[args.scenario!]!;
    const requests = [
      {
        setupRequest: (request: RequestData): RequestData => {
          const r = make(next++);
          const headers: Record<string, string> = { ...request.headers, cookie: r.cookie };
          if (r.csrf) {
            headers['x-csrf-token'] = r.csrf;
            headers['content-type'] = 'application/json';
          }
          return { ...request, method: r.method, path: r.path, headers, ...(r.body ? { body: r.body } : {}) };
        },
      },
    ];
    const connections = Number(args.connections);
    await autocannon({ url: server.url, connections, duration: 3, requests });
    const stats = async () =>
      (
        await admin.query<{ xact_commit: string; tup_returned: string; tup_fetched: string }>(
          'select xact_commit, tup_returned, tup_fetched from pg_stat_database where datname = current_database()',
        )
      ).rows[0]!;
    const before = { node: cpuTicksOf(server.child.pid!), pg: postgresTicks(), stats: await stats(), at: performance.now() };
    const result = await autocannon({ url: server.url, connections, duration: Number(args.seconds), requests });
    const after = { node: cpuTicksOf(server.child.pid!), pg: postgresTicks(), stats: await stats(), at: performance.now() };
    await admin.end();
    await server.stop();
    const total = result.requests.total;
    const perRequestUs = (delta: number) => ((delta / ticks) * 1e6) / total;
    const seconds = (after.at - before.at) / 1000;
    console.log(
      `${args.scenario} @${connections}: ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, non-2xx ${result.non2xx}, errors ${result.errors}`,
    );
    console.log(
      `CPU per request: server ${perRequestUs(after.node - before.node).toFixed(0)} µs, PostgreSQL ${perRequestUs(after.pg - before.pg).toFixed(0)} µs; server busy ${(((after.node - before.node) / ticks / seconds) * 100).toFixed(0)}% of a core`,
    );
    console.log(
      `transactions per request (xact_commit, stats are approximate): ${((Number(after.stats.xact_commit) - Number(before.stats.xact_commit)) / total).toFixed(2)}`,
    );
    const file = readdirSync(profileDir).find((name) => name.endsWith('.cpuprofile'));
    if (file) {
      printTop(JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as CpuProfile);
    }
  } finally {
    await database.drop();
    removeDir(env.TWOFOLD_DATA_DIR);
    removeDir(profileDir);
  }
}

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }>;
  samples: number[];
  timeDeltas: number[];
}

function printTop(profile: CpuProfile): void {
  const self = new Map<number, number>();
  profile.samples.forEach((id, index) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const byName = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const time = self.get(node.id) ?? 0;
    total += time;
    const where = node.callFrame.url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(server|core)\//, '$1/');
    const key = `${node.callFrame.functionName || '(anonymous)'} ${where}:${node.callFrame.lineNumber + 1}`;
    byName.set(key, (byName.get(key) ?? 0) + time);
  }
  const byPackage = new Map<string, number>();
  for (const [key, time] of byName) {
    const where = key.split(' ')[1] ?? '';
    const pkg =
      where.startsWith('server/') || where.startsWith('core/') ? where.split(':')[0]! : (where.split('/')[0] ?? '') || key.split(' ')[0]!;
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + time);
  }
  const show = (title: string, map: Map<string, number>, count: number) => {
    console.log(`\n${title}`);
    for (const [key, time] of [...map].sort((x, y) => y[1] - x[1]).slice(0, count)) {
      console.log(`  ${((time / total) * 100).toFixed(1).padStart(5)}%  ${key}`);
    }
  };
  show('top self time (of the whole profile, idle included)', byName, 30);
  show('by package / file', byPackage, 20);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

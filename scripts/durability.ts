/**
 * npm run test:durability [-- --cycles N] [--mode all|kill9|pg-stop] [--dialect pglite|postgres|both]
 *
 * kill9: kills the real server with SIGKILL at random moments during concurrent writes, restarts
 * it on the same data, and checks that it comes up without manual repair and that every write
 * answered 2xx is still there (server/test/durability/kill9-harness.ts). PGlite always;
 * PostgreSQL too when TEST_DATABASE_URL is set (a fresh database is created through it and dropped).
 *
 * pg-stop: `pg_ctl stop -m immediate` of a throwaway PostgreSQL cluster of its own (initdb in a
 * temporary folder, never the shared server) under one running server process, which must answer
 * 503 while it is down and serve again without a restart once it is back, losing no write
 * answered 2xx (server/test/durability/pg-stop-harness.ts). Needs the PostgreSQL server binaries
 * (PG_BIN_DIR, default the newest /usr/lib/postgresql/<version>/bin).
 *
 * Default: both modes, 50 cycles each (the nightly run); CI uses --cycles 3. Exits 1 on any loss
 * or error. The figures go to artifacts/durability.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runKill9Durability, type DurabilityReport } from '../server/test/durability/kill9-harness';
import { hasPostgresBinaries, postgresBinDir } from '../server/test/durability/pg-cluster';
import { runPgStopDurability, type PgStopReport } from '../server/test/durability/pg-stop-harness';

const { values: args } = parseArgs({
  options: { cycles: { type: 'string', default: '50' }, dialect: { type: 'string' }, mode: { type: 'string', default: 'all' } },
});
const cycles = Number(args.cycles);
const mode = args.mode;
if (!['all', 'kill9', 'pg-stop'].includes(mode) || !Number.isInteger(cycles) || cycles < 1) {
  console.error('usage: npm run test:durability -- [--cycles N] [--mode all|kill9|pg-stop] [--dialect pglite|postgres]');
  process.exit(2);
}
const adminUrl = process.env['TEST_DATABASE_URL'];
const dialects: Array<'pglite' | 'postgres'> =
  args.dialect === 'pglite' || args.dialect === 'postgres' ? [args.dialect] : adminUrl ? ['pglite', 'postgres'] : ['pglite'];

const median = (values: number[]) => (values.length ? [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)] : '-');
const max = (values: number[]) => (values.length ? Math.max(...values) : '-');
const reports: Array<DurabilityReport | PgStopReport> = [];
const problems: string[] = [];

if (mode === 'all' || mode === 'kill9') {
  for (const dialect of dialects) {
    console.log(`kill -9 durability on ${dialect}: ${cycles} cycles`);
    const startedAt = Date.now();
    const report = await runKill9Durability({ cycles, dialect, adminUrl, log: (line) => console.log(`  ${line}`) });
    reports.push(report);
    console.log(
      `  ${dialect}: ${report.cycles} kills, ${report.acknowledgedWrites} writes answered 2xx ${JSON.stringify(report.writesByKind)}, ` +
        `${report.checks} read-backs, ${report.lost.length} lost, ${report.errors.length} errors, ${report.unansweredWrites} writes cut off by a kill, ` +
        `stale PGlite lock after ${report.staleLocksFound} kills, restart median ${median(report.startsMs)} ms / max ${max(report.startsMs)} ms, ` +
        `${Math.round((Date.now() - startedAt) / 1000)} s`,
    );
    problems.push(...report.lost, ...report.errors);
  }
}

if (mode === 'all' || mode === 'pg-stop') {
  if (!hasPostgresBinaries()) {
    // Asked for explicitly: fail. In "all" on a machine without them: say so loudly and fail too,
    // so a nightly run never passes without the immediate-stop half.
    problems.push(`pg-stop: no PostgreSQL server binaries in ${postgresBinDir} (set PG_BIN_DIR)`);
  } else {
    console.log(`pg_ctl stop -m immediate durability on a throwaway cluster: ${cycles} cycles`);
    const startedAt = Date.now();
    const report = await runPgStopDurability({ cycles, log: (line) => console.log(`  ${line}`) });
    reports.push(report);
    console.log(
      `  pg-stop: ${report.recoveryMs.length} immediate stops survived by one server process, ${report.acknowledgedWrites} writes answered 2xx ` +
        `${JSON.stringify(report.writesByKind)}, ${report.refusedWrites} answered 503 while down, ${report.checks} read-backs, ` +
        `${report.lost.length} lost, ${report.errors.length} errors, serving again after pg_ctl start: median ${median(report.recoveryMs)} ms / ` +
        `max ${max(report.recoveryMs)} ms, live events back: median ${median(report.eventsBackMs)} ms / max ${max(report.eventsBackMs)} ms, ` +
        `${Math.round((Date.now() - startedAt) / 1000)} s`,
    );
    problems.push(...report.lost, ...report.errors);
  }
}

for (const line of problems.slice(0, 20)) {
  console.log(`  ! ${line}`);
}
if (problems.length > 20) {
  console.log(`  ! … and ${problems.length - 20} more (artifacts/durability.json)`);
}
mkdirSync('artifacts', { recursive: true });
writeFileSync('artifacts/durability.json', `${JSON.stringify(reports, null, 2)}\n`);
console.log(
  problems.length > 0
    ? 'FAILED: a write answered 2xx was lost, or a request failed while it should have been served.'
    : 'PASS: no acknowledged write lost.',
);
process.exitCode = problems.length > 0 ? 1 : 0;

/**
 * npm run test:durability [-- --cycles N] [--dialect pglite|postgres|both]
 *
 * Kills the real server with SIGKILL at random moments during concurrent writes, restarts it on
 * the same data, and checks that it comes up without manual repair and that every write answered
 * 2xx is still there (server/test/durability/kill9-harness.ts). PGlite always; PostgreSQL too
 * when TEST_DATABASE_URL is set (a fresh database is created through it and dropped).
 * Default 50 cycles (the nightly run); CI uses --cycles 3. Exits 1 on any loss or error.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runKill9Durability, type DurabilityReport } from '../server/test/durability/kill9-harness';

const { values: args } = parseArgs({
  options: { cycles: { type: 'string', default: '50' }, dialect: { type: 'string' } },
});
const cycles = Number(args.cycles);
const adminUrl = process.env['TEST_DATABASE_URL'];
const dialects: Array<'pglite' | 'postgres'> =
  args.dialect === 'pglite' || args.dialect === 'postgres' ? [args.dialect] : adminUrl ? ['pglite', 'postgres'] : ['pglite'];

const reports: DurabilityReport[] = [];
for (const dialect of dialects) {
  console.log(`kill -9 durability on ${dialect}: ${cycles} cycles`);
  const startedAt = Date.now();
  const report = await runKill9Durability({ cycles, dialect, adminUrl, log: (line) => console.log(`  ${line}`) });
  reports.push(report);
  const starts = [...report.startsMs].sort((x, y) => x - y);
  console.log(
    `  ${dialect}: ${report.cycles} kills, ${report.acknowledgedWrites} writes answered 2xx, ${report.checks} read-backs, ` +
      `${report.lost.length} lost, ${report.errors.length} errors, ${report.unansweredWrites} writes cut off by a kill, ` +
      `stale PGlite lock after ${report.staleLocksFound} kills, restart median ${starts[Math.floor(starts.length / 2)]} ms / max ${starts.at(-1)} ms, ` +
      `${Math.round((Date.now() - startedAt) / 1000)} s`,
  );
  for (const line of [...report.lost, ...report.errors]) {
    console.log(`  ! ${line}`);
  }
}
mkdirSync('artifacts', { recursive: true });
writeFileSync('artifacts/durability.json', `${JSON.stringify(reports, null, 2)}\n`);
const failed = reports.some((report) => report.lost.length > 0 || report.errors.length > 0);
console.log(
  failed ? 'FAILED: a write answered 2xx was lost, or a request failed while the server was up.' : 'PASS: no acknowledged write lost.',
);
process.exitCode = failed ? 1 : 0;

import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomInt } from 'node:crypto';
import { startServer } from '../../../bench/lib/server-process';
import { freshPostgresDatabase, removeDir } from '../../../bench/lib/seed';
import { sleep, Workload } from './workload';

/**
 * kill -9 durability: the real server (`node --import tsx server/src/main.ts`) as a child process
 * on a data folder of its own, concurrent writes that each get a 2xx answer, SIGKILL at a random
 * moment, a restart on the same data with nothing repaired by hand, and a read-back through the
 * API, as each owner, of every write that was answered 2xx. Repeated for `cycles` cycles.
 *
 * Writes (workload.ts): sign-up + confirm, couple creation, support preferences, a sharing
 * setting, today's check-in, and, in couples with joint features open (set up in the first
 * cycle), commitments, appreciations, contract versions and signatures. A write that got no
 * answer before the kill may or may not have landed; either is correct, so it is accepted as
 * well but never required.
 */
export interface DurabilityOptions {
  cycles: number;
  dialect: 'pglite' | 'postgres';
  /** PostgreSQL only: an admin URL to create (and drop) the run's database through. */
  adminUrl?: string;
  /** Concurrent writer loops. */
  writers?: number;
  /** Couples with joint features open, set up in the first cycle. */
  couples?: number;
  /** The kill comes at a random moment between these (ms after the writes begin). */
  killAfterMs?: [number, number];
  log?: (line: string) => void;
}

export interface DurabilityReport {
  dialect: 'pglite' | 'postgres';
  cycles: number;
  acknowledgedWrites: number;
  writesByKind: Record<string, number>;
  checks: number;
  lost: string[];
  startsMs: number[];
  staleLocksFound: number;
  unansweredWrites: number;
  /** Requests that failed while the server was up: a bug, not a crash effect. */
  errors: string[];
}

export async function runKill9Durability(options: DurabilityOptions): Promise<DurabilityReport> {
  const { cycles, dialect, writers = 4, killAfterMs = [500, 2500], couples = 3 } = options;
  const log = options.log ?? (() => undefined);
  const dataDir = mkdtempSync(join(tmpdir(), 'twofold-kill9-'));
  const database = dialect === 'postgres' ? await freshPostgresDatabase(requireUrl(options.adminUrl), 'twofold_kill9') : null;
  const env = {
    TWOFOLD_DATA_DIR: dataDir,
    DATABASE_URL: database?.url,
    LOG_LEVEL: 'info', // the sign-up link is read from the log (SMTP_URL unset)
    SMTP_URL: undefined,
    RATE_LIMIT_AUTH_PER_MINUTE: '100000',
    RATE_LIMIT_ACCOUNT_ATTEMPTS: '100000',
  };
  const workload = new Workload();
  const phase = workload.phase;
  const startsMs: number[] = [];
  let staleLocksFound = 0;

  try {
    for (let cycle = 1; cycle <= cycles + 1; cycle += 1) {
      const isLast = cycle === cycles + 1;
      // Straight after the kill: PGlite's postmaster.pid and our owner file are still there.
      if (dialect === 'pglite' && existsSync(join(dataDir, 'pglite', 'postmaster.pid'))) {
        staleLocksFound += 1;
      }
      const server = await startServer({ env });
      startsMs.push(Math.round(server.startMs));
      workload.moveTo(server.url);
      await workload.verifyAll();
      if (cycle === 1) {
        await workload.setUpCouples(server.url, server, couples);
      }
      log(
        `cycle ${cycle}: up in ${Math.round(server.startMs)} ms, ${workload.people.length} people verified, ${workload.stats.lost.length} lost so far`,
      );
      if (isLast) {
        await server.stop();
        break;
      }

      // After the kill a request fails for want of a server; before it, that is a bug.
      Object.assign(phase, { running: true, allowNoAnswer: false, allowRefusals: false });
      const loops = [workload.signUpLoop(server.url, server), ...Array.from({ length: writers }, () => workload.writeLoop())];
      await sleep(randomInt(killAfterMs[0], killAfterMs[1]));
      Object.assign(phase, { running: false, allowNoAnswer: true });
      await server.kill();
      await Promise.allSettled(loops);
    }
  } finally {
    await database?.drop();
    removeDir(dataDir);
  }
  const { stats } = workload;
  return {
    dialect,
    cycles,
    acknowledgedWrites: stats.acknowledgedWrites,
    writesByKind: stats.byKind,
    checks: stats.checks,
    lost: stats.lost,
    startsMs,
    staleLocksFound,
    unansweredWrites: stats.unansweredWrites,
    errors: stats.errors,
  };
}

function requireUrl(url: string | undefined): string {
  if (!url) {
    throw new Error('The PostgreSQL run needs an admin URL (TEST_DATABASE_URL).');
  }
  return url;
}

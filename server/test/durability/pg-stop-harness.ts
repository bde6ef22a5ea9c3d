import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { startServer } from '../../../bench/lib/server-process';
import type { HttpClient } from '../../../bench/lib/http-client';
import { removeDir } from '../../../bench/lib/seed';
import { createThrowawayCluster } from './pg-cluster';
import { sleep, Workload } from './workload';

/**
 * PostgreSQL stopped with `pg_ctl stop -m immediate` under the running server, `cycles` times.
 *
 * A throwaway cluster of its own (pg-cluster.ts: never the shared server), one Twofold server
 * process for the whole run (serving as an application role, migrated by an owner role:
 * MIGRATION_DATABASE_URL), concurrent writes (workload.ts: check-ins, support preferences,
 * sharing, commitments, appreciations, contract versions and signatures, sign-ups). Each cycle:
 * writes for a random moment, then the immediate stop (every backend quits, no checkpoint);
 * while PostgreSQL is down the server must answer 503 problem+json, never crash or hang; after
 * `pg_ctl start` (WAL replay) the SAME process must serve /api/health and an authenticated read
 * again within `recoveryBudgetMs`, keep accepting writes, and deliver live couple events again
 * (its LISTEN connection reconnected and re-LISTENed). Then every write answered 2xx is read
 * back through the API and must be there, whole.
 */
export interface PgStopOptions {
  cycles: number;
  writers?: number;
  couples?: number;
  /** The stop comes at a random moment between these (ms after the writes begin). */
  stopAfterMs?: [number, number];
  /** PostgreSQL stays down for a random time between these. */
  downForMs?: [number, number];
  recoveryBudgetMs?: number;
  log?: (line: string) => void;
}

export interface PgStopReport {
  mode: 'pg-stop';
  cycles: number;
  acknowledgedWrites: number;
  writesByKind: Record<string, number>;
  /** Writes answered 503 problem+json while PostgreSQL was down or starting. */
  refusedWrites: number;
  checks: number;
  lost: string[];
  errors: string[];
  /** Per cycle: ms from `pg_ctl start` returning to the same process answering health and a read. */
  recoveryMs: number[];
  /** Per cycle: ms from `pg_ctl start` returning to a live event delivered through the re-established LISTEN. */
  eventsBackMs: number[];
  /** Health checks answered 503 while PostgreSQL was down (each cycle must have one). */
  outageHealth503: number;
  serverRestarts: 0;
}

export async function runPgStopDurability(options: PgStopOptions): Promise<PgStopReport> {
  const { cycles, writers = 4, couples = 3, stopAfterMs = [300, 1500], downForMs = [200, 1500], recoveryBudgetMs = 30_000 } = options;
  const log = options.log ?? (() => undefined);
  const cluster = await createThrowawayCluster();
  const dataDir = mkdtempSync(join(tmpdir(), 'twofold-pgstop-'));
  const workload = new Workload();
  const phase = workload.phase;
  const report: PgStopReport = {
    mode: 'pg-stop',
    cycles,
    acknowledgedWrites: 0,
    writesByKind: {},
    refusedWrites: 0,
    checks: 0,
    lost: [],
    errors: [],
    recoveryMs: [],
    eventsBackMs: [],
    outageHealth503: 0,
    serverRestarts: 0,
  };
  let server: Awaited<ReturnType<typeof startServer>> | null = null;
  try {
    await cluster.start();
    // As in production (docs/OPERATIONS.md, "Database roles"): the migration role owns the tables,
    // the server serves as an application role that owns nothing.
    const urls = await createRoles(cluster.url);
    server = await startServer({
      env: {
        DATABASE_URL: urls.application,
        MIGRATION_DATABASE_URL: urls.migration,
        TWOFOLD_DATA_DIR: dataDir, // the generated encryption key
        LOG_LEVEL: 'info', // the sign-up link is read from the log (SMTP_URL unset)
        SMTP_URL: undefined,
        RATE_LIMIT_AUTH_PER_MINUTE: '100000',
        RATE_LIMIT_ACCOUNT_ATTEMPTS: '100000',
      },
    });
    let hasExited = false;
    void server.exited.then(() => {
      hasExited = true;
    });
    await workload.setUpCouples(server.url, server, couples);
    const reader = workload.people[0]!.client;

    for (let cycle = 1; cycle <= cycles && !hasExited; cycle += 1) {
      Object.assign(phase, { running: true, allowNoAnswer: false, allowRefusals: false });
      const loops = [workload.signUpLoop(server.url, server), ...Array.from({ length: writers }, () => workload.writeLoop())];
      await sleep(randomInt(stopAfterMs[0], stopAfterMs[1]));

      phase.allowRefusals = true;
      await cluster.stopImmediate();
      const health = await fetchStatus(`${server.url}/api/health`);
      if (health.status === 503 && health.isProblemOrHealth) {
        report.outageHealth503 += 1;
      } else {
        report.errors.push(`cycle ${cycle}: /api/health answered ${health.status} while PostgreSQL was down`);
      }
      await sleep(randomInt(downForMs[0], downForMs[1]));
      await cluster.start();
      const startedAt = performance.now();

      // The same process, no restart: health and an authenticated read answer 200 again.
      const deadline = startedAt + recoveryBudgetMs;
      let recovered = false;
      while (performance.now() < deadline && !hasExited) {
        const [ping, me] = [await fetchStatus(`${server.url}/api/health`), await reader.get('/api/me').catch(() => ({ status: 0 }))];
        if (ping.status === 200 && me.status === 200) {
          recovered = true;
          break;
        }
        await sleep(20);
      }
      const recoveryMs = Math.round(performance.now() - startedAt);
      if (!recovered) {
        report.errors.push(
          `cycle ${cycle}: ${hasExited ? 'the server process exited' : `not serving ${recoveryBudgetMs} ms after PostgreSQL was back`}`,
        );
        phase.running = false;
        await Promise.allSettled(loops);
        break;
      }
      report.recoveryMs.push(recoveryMs);
      // Requests sent before the recovery may still come back 503; then writes must simply work.
      await sleep(500);
      phase.allowRefusals = false;
      await sleep(randomInt(300, 800));
      phase.running = false;
      await Promise.allSettled(loops);

      const eventsMs = await liveEventArrives(server.url, workload, recoveryBudgetMs);
      if (eventsMs === null) {
        report.errors.push(
          `cycle ${cycle}: no live couple event within ${recoveryBudgetMs} ms after PostgreSQL was back (LISTEN not re-established)`,
        );
      } else {
        report.eventsBackMs.push(Math.round(performance.now() - startedAt));
      }
      await workload.verifyAll();
      log(
        `cycle ${cycle}: serving again ${recoveryMs} ms after pg_ctl start, live events after ${report.eventsBackMs.at(-1) ?? '-'} ms, ` +
          `${workload.stats.acknowledgedWrites} writes answered 2xx so far, ${workload.stats.refusedWrites} answered 503, ${workload.stats.lost.length} lost`,
      );
    }
    if (hasExited) {
      report.errors.push(`the server process exited during the run; its last lines:\n${server.logs.slice(-8).join('\n')}`);
    }
  } finally {
    await server?.stop().catch(() => undefined);
    await cluster.destroy();
    removeDir(dataDir);
  }
  const { stats } = workload;
  return {
    ...report,
    acknowledgedWrites: stats.acknowledgedWrites,
    writesByKind: stats.byKind,
    refusedWrites: stats.refusedWrites,
    checks: stats.checks,
    lost: stats.lost,
    errors: [...report.errors, ...stats.errors],
  };
}

async function createRoles(adminUrl: string): Promise<{ migration: string; application: string }> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query('create role twofold_owner login');
    await admin.query('create role twofold_app login');
    await admin.query('create database twofold owner twofold_owner');
  } finally {
    await admin.end();
  }
  const urlFor = (role: string) => {
    const url = new URL(adminUrl);
    url.username = role;
    url.pathname = '/twofold';
    return url.toString();
  };
  return { migration: urlFor('twofold_owner'), application: urlFor('twofold_app') };
}

async function fetchStatus(url: string): Promise<{ status: number; isProblemOrHealth: boolean }> {
  try {
    const answer = await fetch(url, { signal: AbortSignal.timeout(15_000) });
    const type = answer.headers.get('content-type') ?? '';
    const body = await answer.text();
    return { status: answer.status, isProblemOrHealth: type.includes('json') && body.includes('"reachable":false') };
  } catch {
    return { status: 0, isProblemOrHealth: false };
  }
}

/**
 * Opens partner B's event stream, waits for its `ready`, then has partner A write a commitment:
 * on PostgreSQL it reaches B's stream only through NOTIFY, so its arrival proves the process
 * LISTENs again. Returns the ms it took, or null.
 */
async function liveEventArrives(baseUrl: string, workload: Workload, timeoutMs: number): Promise<number | null> {
  const couple = workload.couples[0]!;
  const startedAt = performance.now();
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    for (;;) {
      const stream = await openStream(baseUrl, couple.b.client, controller.signal);
      if (stream === null) {
        await sleep(100);
        continue;
      }
      const text = await workload.writeCommitment(couple.a);
      if (text === null) {
        throw new Error('the commitment after recovery was not answered 2xx');
      }
      const arrived = await stream.waitFor(/"type":"commitment\./);
      return arrived ? performance.now() - startedAt : null;
    }
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
    controller.abort();
  }
}

async function openStream(
  baseUrl: string,
  client: HttpClient,
  signal: AbortSignal,
): Promise<{ waitFor(pattern: RegExp): Promise<boolean> } | null> {
  const answer = await fetch(`${baseUrl}/api/couple/events`, { headers: { cookie: client.cookieHeader() }, signal });
  if (answer.status !== 200 || !answer.body) {
    await answer.body?.cancel();
    return null;
  }
  const reader = answer.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const readUntil = async (pattern: RegExp): Promise<boolean> => {
    while (!pattern.test(text)) {
      const { value, done } = await reader.read();
      if (done) {
        return false;
      }
      text += decoder.decode(value, { stream: true });
    }
    return true;
  };
  if (!(await readUntil(/event: ready/))) {
    return null;
  }
  return { waitFor: readUntil };
}

import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../../../bench/lib/server-process';

const run = promisify(execFile);

/**
 * A throwaway PostgreSQL cluster of its own (initdb in a temporary folder, its own free port), so
 * the durability harness can stop it with `pg_ctl stop -m immediate` without touching any shared
 * server. PostgreSQL refuses to run as root: as root, every command runs as the `postgres` OS user
 * (runuser), which then owns the folder. Trust authentication on 127.0.0.1 only; fsync and
 * synchronous_commit keep their defaults (on), as in production.
 */
export interface ThrowawayCluster {
  url: string;
  port: number;
  dataDir: string;
  /** Starts it and waits until it accepts connections (pg_ctl -w). */
  start(): Promise<void>;
  /** `pg_ctl stop -m immediate`: every backend quits at once, no checkpoint; the next start replays the WAL. */
  stopImmediate(): Promise<void>;
  /** Stops it if running and deletes the folder. */
  destroy(): Promise<void>;
}

/** PG_BIN_DIR, else the newest Debian/Ubuntu install (/usr/lib/postgresql/<version>/bin). */
export const postgresBinDir = process.env['PG_BIN_DIR'] ?? newestDebianBinDir() ?? '/usr/lib/postgresql/15/bin';

function newestDebianBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) {
    return null;
  }
  const versions = readdirSync(root)
    .filter((name) => /^\d+$/.test(name) && existsSync(join(root, name, 'bin', 'initdb')))
    .sort((x, y) => Number(y) - Number(x));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

export function hasPostgresBinaries(): boolean {
  return existsSync(join(postgresBinDir, 'initdb')) && existsSync(join(postgresBinDir, 'pg_ctl'));
}

const isRoot = process.getuid?.() === 0;

async function asPostgres(binary: string, args: string[]): Promise<string> {
  const path = join(postgresBinDir, binary);
  const [file, argv] = isRoot ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
  const { stdout } = await run(file, argv, { timeout: 120_000 });
  return stdout;
}

export async function createThrowawayCluster(): Promise<ThrowawayCluster> {
  const root = mkdtempSync(join(tmpdir(), 'twofold-pg-'));
  if (isRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(root, Number(stdout.trim()), Number(gid.trim()));
  }
  const dataDir = join(root, 'data');
  const port = await freePort();
  // --no-sync only speeds up initdb itself; the server runs with fsync on.
  await asPostgres('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C']);
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c max_connections=50`;
  let isRunning = false;
  const cluster: ThrowawayCluster = {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    async start() {
      await asPostgres('pg_ctl', ['-D', dataDir, '-l', join(root, 'postgres.log'), '-w', '-t', '60', '-o', options, 'start']);
      isRunning = true;
    },
    async stopImmediate() {
      await asPostgres('pg_ctl', ['-D', dataDir, '-m', 'immediate', '-w', 'stop']);
      isRunning = false;
    },
    async destroy() {
      if (isRunning) {
        await asPostgres('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
        isRunning = false;
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
  return cluster;
}

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, Migrator, PostgresDialect, sql, type Transaction } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Database } from '../db/database';
import { migrations } from '../db/migrations/index';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the database or an open transaction: repositories accept both. */
export type DbOrTx = Db | Tx;

export interface DatabaseHandle {
  db: Db;
  dialect: 'postgres' | 'pglite';
  close(): Promise<void>;
}

export type DatabaseTarget = { kind: 'postgres'; url: string; poolSize: number } | { kind: 'pglite'; dataDir: string | null };

// Timestamps come back as Date (timestamptz), bigints as strings (audit ids); both drivers agree.
export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize });
    // An idle connection dropped by the server (restart, failover) must not crash the process;
    // the pool replaces it on the next query.
    pool.on('error', (error) => console.warn(`PostgreSQL connection lost: ${error.message}`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  const client = await openPglite(target.dataDir);
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client), plugins: [new CamelCasePlugin()] });
  return { db, dialect: 'pglite', close: () => db.destroy() };
}

/**
 * Opens the embedded database. PGlite runs inside this process, so one process at a time may own
 * the folder: `<folder>.pid` records the owner, and a second live process is refused. After a
 * `kill -9`, PGlite's own `postmaster.pid` stays behind although its owner is gone; when our
 * owner file names a dead process, that lock is stale and removed, and Postgres replays its WAL
 * as after any crash.
 */
async function openPglite(dataDir: string | null): Promise<PGlite> {
  if (dataDir === null) {
    return PGlite.create();
  }
  mkdirSync(dataDir, { recursive: true });
  // Beside the folder, not in it: PGlite's initdb wants an empty folder on first start.
  const owner = `${dataDir}.pid`;
  const ownerPid = existsSync(owner) ? Number(readFileSync(owner, 'utf8')) : null;
  if (ownerPid !== null && ownerPid !== process.pid && isAlive(ownerPid)) {
    throw new Error(`The embedded database in ${dataDir} is in use by process ${ownerPid}. Stop it first.`);
  }
  rmSync(join(dataDir, 'postmaster.pid'), { force: true });
  writeFileSync(owner, String(process.pid));
  const client = await PGlite.create({ dataDir });
  const close = client.close.bind(client);
  client.close = async () => {
    await close();
    rmSync(owner, { force: true });
  };
  return client;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export async function migrateToLatest(db: Db): Promise<void> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
}

export async function pingDatabase(db: Db): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

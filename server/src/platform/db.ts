import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import {
  CamelCasePlugin,
  CompiledQuery,
  Kysely,
  Migrator,
  PostgresDialect,
  sql,
  type Compilable,
  type DatabaseConnection,
  type Driver,
  type PostgresPool,
  type PostgresPoolClient,
  type QueryResult,
  type RawBuilder,
  type Transaction,
  type TransactionSettings,
} from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import type { Database } from '../db/database';
import { migrations } from '../db/migrations/index';
import { listenOnPglite, listenOnPostgres, type ListenHandlers, type Listener } from './db-listen';

export type Db = Kysely<Database>;
export type Tx = Transaction<Database>;
/** Either the database or an open transaction: repositories accept both. */
export type DbOrTx = Db | Tx;

export interface DatabaseHandle {
  db: Db;
  dialect: 'postgres' | 'pglite';
  close(): Promise<void>;
  /** LISTEN on `channels` for this process (a dedicated connection on PostgreSQL), see db-listen.ts. */
  listen(channels: string[], handlers: ListenHandlers): Promise<Listener>;
  /**
   * Plain SQL for the job queue (pg-boss, `features/reminders/reminder-jobs.ts`), which brings its
   * own statements, some of them several in one text. On PostgreSQL through the pool; on PGlite
   * through the one connection, taken in turn like any Kysely query, so it never runs inside
   * someone else's open transaction.
   */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

export type DatabaseTarget = { kind: 'postgres'; url: string; poolSize: number } | { kind: 'pglite'; dataDir: string | null };

// Calendar days (`date`) stay 'YYYY-MM-DD' strings on both drivers: a person's local day must not
// turn into a Date at some server time zone's midnight. Timestamps come back as Date.
const DATE_OID = 1082;
const keepText = (value: string) => value;
pg.types.setTypeParser(DATE_OID, keepText);

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    // A connection that cannot be opened within 10 s (a black-holed network) fails the request
    // with a 503 instead of holding it forever; the same bound applies to waiting for a free one.
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize, connectionTimeoutMillis: 10_000 });
    // An idle connection dropped by the server (restart, failover) must not crash the process;
    // the pool replaces it on the next query. Logged once, by the connection's own listener
    // (withPreparedStatements), which also guards a connection lent out.
    pool.on('error', () => undefined);
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool: withPreparedStatements(pool) }),
      plugins: [new CamelCasePlugin()],
    });
    return {
      db,
      dialect: 'postgres',
      close: () => db.destroy(),
      listen: (channels, handlers) => listenOnPostgres(target.url, channels, handlers),
      executeSql: async (text, values) => pool.query(text, values !== undefined && values.length > 0 ? values : undefined),
    };
  }
  const client = await openPglite(target.dataDir);
  const db = new Kysely<Database>({ dialect: new EmbeddedDialect(client), plugins: [new CamelCasePlugin()] });
  return {
    db,
    dialect: 'pglite',
    close: () => db.destroy(),
    listen: (channels, handlers) => listenOnPglite(client, channels, handlers),
    executeSql: (text, values) =>
      db.connection().execute(async () => {
        if (values !== undefined && values.length > 0) {
          return client.query(text, values);
        }
        // Several statements in one text (pg-boss's migrations and locked plans) need the simple protocol.
        const results = await client.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }),
  };
}

/**
 * PGlite through Kysely, with a driver of our own (kysely-pglite-dialect supplies the rest).
 *
 * PGlite runs Postgres as WebAssembly on this process's thread, and its query() never waits for
 * real I/O: a query runs to its end inside a chain of promises. So a request on PGlite is
 * finished, from its first query to its answer, in the microtasks after the socket read that
 * started it, and Node goes back to its event loop (read sockets, accept connections, run
 * timers) only when every request it has read so far is done. Under load a turn of the event
 * loop grows to the whole backlog (100 ms and more with 50 clients), and Node accepted one new
 * connection per turn: a client connecting then waited a turn per client ahead of it, seconds
 * (docs/BENCHMARKS.md has the measurements). kysely-pglite-dialect's driver does not change
 * this: it serialises queries on the one connection, but passes it on within the same turn.
 *
 * This driver gives the database to one holder (a query, or a whole transaction) per turn of
 * the event loop: after a holder releases it, the next waiter gets it from setImmediate, i.e.
 * after Node has polled its sockets again. Waiters are served first come, first served. An idle
 * database is handed out at once, so a lone request pays nothing for this.
 */
class EmbeddedDialect extends PGliteDialect {
  constructor(private readonly client: PGlite) {
    super(client);
  }

  override createDriver(): Driver {
    return new EmbeddedDriver(this.client);
  }
}

class EmbeddedDriver implements Driver {
  private readonly connection: EmbeddedConnection;
  private isHeld = false;
  private readonly waiting: Array<(connection: EmbeddedConnection) => void> = [];

  constructor(private readonly client: PGlite) {
    this.connection = new EmbeddedConnection(client);
  }

  async init(): Promise<void> {}

  acquireConnection(): Promise<DatabaseConnection> {
    if (!this.isHeld) {
      this.isHeld = true;
      return Promise.resolve(this.connection);
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  // Stays held until the next turn of the event loop, then goes to the longest waiter.
  async releaseConnection(): Promise<void> {
    setImmediate(this.handOver);
  }

  private readonly handOver = () => {
    const next = this.waiting.shift();
    if (next) {
      next(this.connection);
    } else {
      this.isHeld = false;
    }
  };

  async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const isolation = settings.isolationLevel ? ` isolation level ${settings.isolationLevel}` : '';
    await connection.executeQuery(CompiledQuery.raw(`start transaction${isolation}`));
  }

  async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('commit'));
  }

  async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('rollback'));
  }

  async destroy(): Promise<void> {
    await this.client.close();
  }
}

class EmbeddedConnection implements DatabaseConnection {
  constructor(private readonly client: PGlite) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const result = await this.client.query<R>(compiledQuery.sql, [...compiledQuery.parameters]);
    return result.affectedRows ? { rows: result.rows, numAffectedRows: BigInt(result.affectedRows) } : { rows: result.rows };
  }

  async *streamQuery<R>(compiledQuery: CompiledQuery): AsyncIterableIterator<QueryResult<R>> {
    yield await this.executeQuery<R>(compiledQuery);
  }
}

/**
 * Runs each parameterised query as a named prepared statement, prepared once per connection and
 * SQL text. Kysely sends the same text for the same query every time, but pg's plain
 * `query(text, values)` makes PostgreSQL parse and plan it anew on every call. For the couple
 * page (one query with four json aggregations) that planning cost more than running the query:
 * on 2 cores, PostgreSQL's planning took CPU from Node and the authenticated read reached 1.5%
 * of a hello-world's throughput; prepared, 12-15% (docs/BENCHMARKS.md). Queries without
 * parameters (begin, commit, `select 1`) stay unnamed. At most `maxPreparedStatements` texts
 * get a name, so a query built with a varying number of values cannot grow each PostgreSQL
 * session without bound; beyond that, queries run unnamed as before. A statement whose cached
 * plan no longer fits the table (a migration changed it while this process ran: "cached plan
 * must not change result type") gets a new name, so the next call prepares it again.
 * Behind a connection pooler in transaction mode, use one that supports prepared statements
 * (PgBouncer 1.21 or later with max_prepared_statements).
 */
const maxPreparedStatements = 500;
const statementNames = new Map<string, string>();
let statementCounter = 0;

function statementNameFor(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < maxPreparedStatements) {
    statementCounter += 1;
    name = `twofold_${statementCounter}`;
    statementNames.set(text, name);
  }
  return name;
}

function withPreparedStatements(pool: pg.Pool): PostgresPool {
  const wrapped = new WeakMap<pg.PoolClient, PostgresPoolClient>();
  const wrap = (client: pg.PoolClient): PostgresPoolClient => {
    // pg-pool listens for a connection's 'error' only while it is idle in the pool. One lent out
    // (a transaction between two statements) that PostgreSQL drops (`pg_ctl stop -m immediate`,
    // a backend killed, a failover) emits 'error' with nobody listening, which ends the process.
    // Heard here, the statement in flight fails (a 503, see errors.ts) and pg-pool discards the
    // dead connection when it is released, so the pool recovers without a restart.
    client.on('error', (error) => console.warn(`PostgreSQL connection lost: ${error.message}`));
    const query = async (text: string, values: ReadonlyArray<unknown>) => {
      const name = values.length > 0 ? statementNameFor(text) : undefined;
      if (name === undefined) {
        return client.query(text, values as unknown[]);
      }
      try {
        return await client.query({ name, text, values: values as unknown[] });
      } catch (error) {
        if ((error as { code?: string }).code === '0A000' && statementNames.get(text) === name) {
          statementNames.delete(text);
        }
        throw error;
      }
    };
    const facade = {
      query: (textOrCursor: unknown, values?: ReadonlyArray<unknown>) =>
        typeof textOrCursor === 'string' ? query(textOrCursor, values ?? []) : client.query(textOrCursor as never),
      release: (destroy?: boolean) => client.release(destroy),
    } as unknown as PostgresPoolClient;
    wrapped.set(client, facade);
    return facade;
  };
  return {
    connect: async () => {
      const client = await pool.connect();
      return wrapped.get(client) ?? wrap(client);
    },
    end: () => pool.end(),
  };
}

/**
 * Opens the embedded database. PGlite runs inside this process, so one process at a time may own
 * the folder: `<folder>.pid` records the owner, and a second live process is refused. After a
 * `kill -9`, PGlite's own `postmaster.pid` stays behind although its owner is gone; when our
 * owner file names a dead process, that lock is stale and removed, and Postgres replays its WAL
 * as after any crash.
 */
async function openPglite(dataDir: string | null): Promise<PGlite> {
  const parsers = { [DATE_OID]: keepText };
  if (dataDir === null) {
    return PGlite.create({ parsers });
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
  const client = await PGlite.create({ dataDir, parsers });
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

/**
 * A query that is built and compiled once, then only given new values. Kysely builds the syntax
 * tree, runs the plugins over it and prints the SQL on every call; for a large read (the couple
 * page: four json aggregations) that was the biggest single cost of the request in Node
 * (docs/BENCHMARKS.md). `build` receives stand-ins for its arguments; they must only ever be
 * bound as values (in `where`, `values`, `set` …), never change the shape of the query. This is
 * checked on first use: each stand-in must come out as a parameter and not in the SQL text.
 */
export function reusableQuery<Args extends string[], Row>(
  build: (db: DbOrTx, ...args: Args) => Compilable<Row> | RawBuilder<Row>,
): (db: DbOrTx, ...args: Args) => Promise<Row[]> {
  let compiled: { query: CompiledQuery<Row>; slots: number[] } | undefined;
  return async (db, ...args) => {
    if (!compiled) {
      const standIns = args.map((_, index) => `\u0000twofold-argument-${index}\u0000`) as Args;
      const built = build(db, ...standIns);
      const query = 'isRawBuilder' in built ? built.compile(db) : built.compile();
      const slots = query.parameters.map((value) => standIns.indexOf(value as string));
      if (query.sql.includes('\u0000twofold-argument-') || standIns.some((_, index) => !slots.includes(index))) {
        throw new Error('reusableQuery: every argument must be bound as a value, and only as a value');
      }
      compiled = { query, slots };
    }
    const { query, slots } = compiled;
    const parameters = query.parameters.map((value, index) => (slots[index]! >= 0 ? args[slots[index]!] : value));
    return (await db.executeQuery<Row>({ ...query, parameters })).rows;
  };
}

export async function migrateToLatest(db: Db): Promise<void> {
  if (await isMigrated(db)) {
    return;
  }
  const migrator = new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    // Migration numbers are reserved per piece of work, and pieces land in any order (0019 after
    // 0020-0023): a database that already has a later one still gets an earlier one that lands after.
    // Each migration stands on its own tables, so the order between them does not matter.
    allowUnorderedMigrations: true,
  });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed`, { cause: error });
  }
}

/**
 * Whether every migration is applied already, the usual case at start. One small query: Kysely's
 * Migrator first introspects the whole catalog and takes its lock, which cost about half a second
 * of each start on the embedded database. Anything else (a fresh database, a migration missing)
 * goes through the Migrator, which serialises concurrent starts with its lock.
 */
async function isMigrated(db: Db): Promise<boolean> {
  try {
    const applied = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
    const names = new Set(applied.rows.map((row) => row.name));
    return Object.keys(migrations).every((name) => names.has(name));
  } catch {
    return false;
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

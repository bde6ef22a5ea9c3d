/**
 * npm run bench:fanout [-- --quick] [--couples N] [--writes N] [--rate N] [--strict]
 *
 * Issue 5's event fan-out: one real server process (`node --import tsx server/src/main.ts`) on
 * PostgreSQL with 2 x couples open event streams (GET /api/couple/events, both partners of every
 * couple connected; 500 couples = 1,000 streams, 50 with --quick). The benchmark then writes
 * events at a steady rate (open loop, not waiting for deliveries), each by partner A of a random
 * couple, with `publishCoupleEvent` in a transaction of its own (what a joint feature does), and
 * measures the time from the start of that transaction to the event's arrival on partner B's
 * stream, parsed by the client. Budget: p99 < 100 ms. Every write must reach both partners,
 * and nothing any other couple.
 *
 * People, couples, sessions and negative safety screens (so the joint-features gate is open and
 * checked on every delivery, as in real use) are inserted directly: signing 1,000 people up
 * through argon2 would take minutes and measure nothing of this. Writes are `pause.called`, a
 * joint-feature event. A fresh database is made through BENCH_DATABASE_URL, else
 * TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres, and dropped afterwards.
 * Figures go to artifacts/bench-fanout.json.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { get as httpGet, type IncomingMessage } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openDatabase } from '../server/src/platform/db';
import { publishCoupleEvent } from '../server/src/platform/events';
import { hashToken } from '../server/src/platform/crypto';
import { startServer } from './lib/server-process';
import { freshPostgresDatabase, isPostgresReachable, removeDir } from './lib/seed';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
    couples: { type: 'string' },
    writes: { type: 'string' },
    rate: { type: 'string' },
  },
});
const couples = Number(args.couples ?? (args.quick ? 25 : 500));
const writes = Number(args.writes ?? (args.quick ? 200 : 2000));
const rate = Number(args.rate ?? 100); // writes per second
const budgetP99Ms = 100;
const adminUrl = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const log = (line: string) => process.stderr.write(`${line}\n`);

interface Stream {
  response: IncomingMessage;
  /** Write sequence number → arrival time. */
  arrivals: Map<number, number>;
  foreign: number;
}

function openStream(baseUrl: string, token: string, coupleTag: string): Promise<Stream> {
  return new Promise((resolve, reject) => {
    const request = httpGet(`${baseUrl}/api/couple/events`, {
      agent: false,
      headers: { accept: 'text/event-stream', cookie: `twofold_session=${token}` },
    });
    request.once('error', reject);
    request.once('response', (response) => {
      if (response.statusCode !== 200) {
        response.resume();
        reject(new Error(`stream answered ${response.statusCode}`));
        return;
      }
      const stream: Stream = { response, arrivals: new Map(), foreign: 0 };
      let buffer = '';
      let isReady = false;
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        const now = performance.now();
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.includes('event: ready')) {
            if (!isReady) {
              isReady = true;
              resolve(stream);
            }
            continue;
          }
          const data = block.split('\n').find((line) => line.startsWith('data: '));
          if (!data) {
            continue;
          }
          const event = JSON.parse(data.slice(6)) as { data: { seq: number; couple: string } };
          if (event.data.couple !== coupleTag) {
            stream.foreign += 1;
          }
          stream.arrivals.set(event.data.seq, now);
        }
      });
    });
  });
}

async function seed(url: string) {
  const handle = await openDatabase({ kind: 'postgres', url, poolSize: 10 });
  const db = handle.db;
  const tag = randomBytes(3).toString('hex');
  const people = await sql<{ id: string }>`
    insert into users (email, password_hash, display_name)
    select 'fanout-' || ${tag} || '-' || i || '@example.org', 'not-a-hash', 'Person ' || i from generate_series(1, ${2 * couples}) i
    returning id`.execute(db);
  const ids = people.rows.map((row) => row.id);
  const pairs = Array.from({ length: couples }, (_, i) => ({ a: ids[2 * i]!, b: ids[2 * i + 1]! }));
  const coupleRows = await sql<{ id: string; createdBy: string }>`
    insert into couples (created_by) select unnest(${pairs.map((p) => p.a)}::uuid[]) returning id, created_by`.execute(db);
  const coupleOf = new Map(coupleRows.rows.map((row) => [row.createdBy, row.id]));
  const members = pairs.flatMap((p) => [
    { couple: coupleOf.get(p.a)!, user: p.a },
    { couple: coupleOf.get(p.a)!, user: p.b },
  ]);
  await sql`insert into couple_members (couple_id, user_id)
    select * from unnest(${members.map((m) => m.couple)}::uuid[], ${members.map((m) => m.user)}::uuid[])`.execute(db);
  // Negative safety screens for everyone: the couple's joint features are open.
  await sql`
    with responses as (
      insert into assessment_responses (owner_id, submission_id, instrument_id, instrument_version, answers, scoring_options, score, local_date)
      select id, gen_random_uuid(), 'hark', '1', '{}'::jsonb, '{}'::jsonb, '{}'::jsonb, current_date from unnest(${ids}::uuid[]) id
      returning id, owner_id
    )
    insert into safety_screens (owner_id, response_id, positive) select owner_id, id, false from responses`.execute(db);
  const tokens = new Map(ids.map((id) => [id, randomBytes(32).toString('base64url')]));
  await sql`insert into sessions (id, user_id, last_seen_at, expires_at)
    select s.id, s.user_id, now(), now() + interval '1 day'
    from unnest(${ids.map((id) => hashToken(tokens.get(id)!))}::text[], ${ids}::uuid[]) as s(id, user_id)`.execute(db);
  return {
    handle,
    couples: pairs.map((p) => ({ id: coupleOf.get(p.a)!, a: p.a, b: p.b, tokenA: tokens.get(p.a)!, tokenB: tokens.get(p.b)! })),
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

async function main(): Promise<void> {
  if (!(await isPostgresReachable(adminUrl))) {
    log(`PostgreSQL is not reachable at ${adminUrl}: event fan-out skipped.`);
    return;
  }
  const loadAtStart = loadavg()[0]!;
  const database = await freshPostgresDatabase(adminUrl, 'twofold_fanout');
  const dataDir = mkdtempSync(join(tmpdir(), 'twofold-fanout-'));
  const env = {
    DATABASE_URL: database.url,
    TWOFOLD_DATA_DIR: dataDir,
    TWOFOLD_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'warn',
  };
  const server = await startServer({ env });
  let failed = false;
  try {
    const seeded = await seed(database.url);
    log(`fan-out: ${couples} couples, opening ${2 * couples} event streams on one server process (PostgreSQL)`);
    const streamsA: Stream[] = [];
    const streamsB: Stream[] = [];
    // Opened a few at a time, as browsers would arrive.
    for (let start = 0; start < seeded.couples.length; start += 50) {
      const batch = seeded.couples.slice(start, start + 50);
      streamsA.push(...(await Promise.all(batch.map((c) => openStream(server.url, c.tokenA, c.id)))));
      streamsB.push(...(await Promise.all(batch.map((c) => openStream(server.url, c.tokenB, c.id)))));
    }
    log(`fan-out: ${streamsA.length + streamsB.length} streams open; ${writes} writes at ${rate}/s`);

    const startedAt: number[] = [];
    const targets: number[] = [];
    const pending: Array<Promise<void>> = [];
    const t0 = performance.now();
    for (let seq = 0; seq < writes; seq += 1) {
      const due = t0 + (seq * 1000) / rate;
      const wait = due - performance.now();
      if (wait > 0) {
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
      const index = Math.floor(Math.random() * seeded.couples.length);
      const couple = seeded.couples[index]!;
      targets[seq] = index;
      startedAt[seq] = performance.now();
      pending.push(
        seeded.handle.db
          .transaction()
          .execute((tx) =>
            publishCoupleEvent(tx, couple.id, { type: 'pause.called', actorId: couple.a, data: { seq, couple: couple.id } }),
          ),
      );
    }
    await Promise.all(pending);
    // Let the last deliveries arrive.
    const deadline = performance.now() + 5_000;
    while (performance.now() < deadline && targets.some((index, seq) => !streamsB[index]!.arrivals.has(seq))) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const latencies: number[] = [];
    let missing = 0;
    let missingOnA = 0;
    targets.forEach((index, seq) => {
      const arrived = streamsB[index]!.arrivals.get(seq);
      if (arrived === undefined) {
        missing += 1;
      } else {
        latencies.push(arrived - startedAt[seq]!);
      }
      if (!streamsA[index]!.arrivals.has(seq)) {
        missingOnA += 1;
      }
    });
    const foreign = [...streamsA, ...streamsB].reduce((sum, stream) => sum + stream.foreign, 0);
    latencies.sort((x, y) => x - y);
    const figures = {
      streams: streamsA.length + streamsB.length,
      couples,
      writes,
      ratePerSecond: rate,
      delivered: latencies.length,
      missing,
      missingOnActorsOwnStream: missingOnA,
      foreign,
      p50Ms: Number(percentile(latencies, 0.5).toFixed(1)),
      p90Ms: Number(percentile(latencies, 0.9).toFixed(1)),
      p99Ms: Number(percentile(latencies, 0.99).toFixed(1)),
      maxMs: Number(latencies.at(-1)!.toFixed(1)),
      budgetP99Ms,
      loadAverage: { start: loadAtStart, end: loadavg()[0]! },
      cpus: cpus().length,
      node: process.version,
      at: new Date().toISOString(),
    };
    const pass = figures.p99Ms < budgetP99Ms;
    failed = missing > 0 || missingOnA > 0 || foreign > 0 || (args.strict && !pass);
    console.log(
      `event fan-out, ${figures.streams} streams, ${writes} writes at ${rate}/s: write → partner's stream p50 ${figures.p50Ms} ms, ` +
        `p90 ${figures.p90Ms} ms, p99 ${figures.p99Ms} ms, max ${figures.maxMs} ms (budget p99 < ${budgetP99Ms} ms: ${pass ? 'PASS' : 'FAIL'}); ` +
        `missing ${missing} (actor's own stream ${missingOnA}), to another couple ${foreign}; load ${loadAtStart.toFixed(1)} → ${figures.loadAverage.end.toFixed(1)}`,
    );
    mkdirSync('artifacts', { recursive: true });
    writeFileSync('artifacts/bench-fanout.json', `${JSON.stringify(figures, null, 2)}\n`);
    for (const stream of [...streamsA, ...streamsB]) {
      stream.response.destroy();
    }
    await seeded.handle.close();
  } finally {
    await server.stop();
    await database.drop();
    removeDir(dataDir);
  }
  process.exitCode = failed ? 1 : 0;
}

await main();

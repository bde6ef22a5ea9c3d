/**
 * `npm run audit:verify [-- --anchors FILE]`: walks every person's audit chain end to end
 * (platform/audit.ts) and exits 1 naming the first row that does not fit: a row edited, removed
 * from the middle of a chain, or inserted out of order. It only reads the database. Uses the same
 * configuration as the server (DATABASE_URL, or the embedded database in TWOFOLD_DATA_DIR); run it
 * on a copy when the server is running on the embedded database, which allows one process at a time.
 *
 * A chain cannot show that its newest rows (its tail) were deleted: what is left is still a valid
 * chain. `--anchors FILE` closes that gap. Each run records every chain's head (the id and hash of
 * its newest row, and its length) in FILE; the next run first checks that every head recorded
 * there is still in the table, unchanged, in the same person's chain, and exits 1 naming each
 * chain that lost rows. Only when everything holds is FILE replaced by the new heads (written to
 * a temporary file and renamed, so a crash leaves the old one); after a failure it stays as it was,
 * as evidence. FILE must live where the database's owner cannot write (another machine, write-once
 * storage; docs/OPERATIONS.md): rows deleted before the first anchoring run, or after the last one,
 * are not detectable. Each run also prints one digest of all heads: a log kept elsewhere is a second anchor.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { sql } from 'kysely';
import { loadConfig } from '../server/src/platform/config';
import { openDatabase, type Db } from '../server/src/platform/db';
import { verifyAuditChain } from '../server/src/platform/audit';

export interface AuditVerification {
  rows: number;
  chains: number;
  /** The first row that breaks its chain, or null when every chain is intact. */
  broken: { id: string; subjectId: string; at: string } | null;
}

export async function verifyAuditTrail(db: Db): Promise<AuditVerification> {
  const { rows } = await sql<{ rows: number; chains: number }>`
    select count(*)::int as rows, count(distinct subject_id)::int as chains from audit_events`.execute(db);
  const brokenId = await verifyAuditChain(db);
  let broken: AuditVerification['broken'] = null;
  if (brokenId !== null) {
    const row = await db.selectFrom('auditEvents').select(['id', 'subjectId', 'at']).where('id', '=', brokenId).executeTakeFirst();
    broken = { id: brokenId, subjectId: row?.subjectId ?? '?', at: row ? new Date(row.at).toISOString() : '?' };
  }
  return { rows: rows[0]?.rows ?? 0, chains: rows[0]?.chains ?? 0, broken };
}

/** The newest row of one person's chain, as recorded in an anchors file. */
export interface ChainHead {
  id: string;
  hash: string;
  rows: number;
}

export interface AnchorsFile {
  format: 'twofold-audit-anchors/1';
  writtenAt: string;
  rows: number;
  /** SHA-256 over every head, in subject order: one line to keep in a log elsewhere. */
  digest: string;
  heads: Record<string, ChainHead>;
}

/** Every chain's head now: the newest row of each subject, and the chain's length. */
export async function chainHeads(db: Db): Promise<Record<string, ChainHead>> {
  const { rows } = await sql<{ subjectId: string; id: string; hash: string; rows: number }>`
    select distinct on (subject_id) subject_id, id::text as id, hash, count(*) over (partition by subject_id)::int as rows
    from audit_events order by subject_id, id desc`.execute(db);
  return Object.fromEntries(rows.map((row) => [row.subjectId, { id: row.id, hash: row.hash, rows: row.rows }]));
}

export function headsDigest(heads: Record<string, ChainHead>): string {
  const lines = Object.keys(heads)
    .sort()
    .map((subject) => `${subject} ${heads[subject]!.id} ${heads[subject]!.hash} ${heads[subject]!.rows}`);
  return createHash('sha256').update(lines.join('\n')).digest('hex');
}

/**
 * What an anchors file says is missing now: each recorded head must still be a row of the same
 * person's chain with the same hash, and the chain at least as long. (Rows between the head and
 * the genesis are covered by the chain itself, which `verifyAuditChain` walks.)
 */
export async function checkAnchors(db: Db, anchors: AnchorsFile): Promise<string[]> {
  const recorded = Object.entries(anchors.heads);
  if (recorded.length === 0) {
    return [];
  }
  const { rows } = await sql<{ id: string; subjectId: string; hash: string }>`
    select id::text as id, subject_id, hash from audit_events where id = any(${recorded.map(([, head]) => head.id)}::bigint[])`.execute(db);
  const byId = new Map(rows.map((row) => [row.id, row]));
  const now = await chainHeads(db);
  const failures: string[] = [];
  for (const [subject, head] of recorded) {
    const row = byId.get(head.id);
    const current = now[subject];
    if (!row || row.subjectId !== subject || row.hash !== head.hash) {
      failures.push(
        `subject ${subject}: its head on ${anchors.writtenAt} was row ${head.id} (hash ${head.hash.slice(0, 12)}…, ${head.rows} rows); ` +
          (row
            ? 'that row is different now'
            : `that row is gone, the chain now ends at ${current ? `row ${current.id} (${current.rows} rows)` : 'nothing'}`) +
          ': rows were removed from its end.',
      );
    } else if (!current || current.rows < head.rows) {
      failures.push(`subject ${subject}: ${head.rows} rows on ${anchors.writtenAt}, ${current?.rows ?? 0} now.`);
    }
  }
  return failures;
}

function readAnchors(path: string): AnchorsFile | null {
  if (!existsSync(path)) {
    return null;
  }
  const parsed = JSON.parse(readFileSync(path, 'utf8')) as AnchorsFile;
  if (parsed.format !== 'twofold-audit-anchors/1' || typeof parsed.heads !== 'object' || parsed.heads === null) {
    throw new Error(`${path} is not an audit anchors file (format twofold-audit-anchors/1).`);
  }
  return parsed;
}

function writeAnchors(path: string, anchors: AnchorsFile): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(anchors, null, 2)}\n`, { mode: 0o640 });
  renameSync(temporary, path);
}

/** Verifies and reports; returns the exit code (0 intact, 1 broken). */
export async function runAuditVerify(db: Db, log: (line: string) => void, options: { anchorsPath?: string } = {}): Promise<number> {
  const result = await verifyAuditTrail(db);
  let failed = false;
  if (result.broken) {
    log(
      `audit:verify: BROKEN at row ${result.broken.id} (subject ${result.broken.subjectId}, at ${result.broken.at}); ` +
        `${result.rows} rows in ${result.chains} chains checked up to there. The trail was changed outside Twofold.`,
    );
    failed = true;
  }
  const heads = await chainHeads(db);
  const digest = headsDigest(heads);
  if (options.anchorsPath !== undefined) {
    const previous = readAnchors(options.anchorsPath);
    const failures = previous ? await checkAnchors(db, previous) : [];
    for (const failure of failures) {
      log(`audit:verify: TAIL REMOVED: ${failure}`);
    }
    if (failures.length > 0) {
      log(
        `audit:verify: ${failures.length} of ${Object.keys(previous!.heads).length} anchored chains lost rows; ${options.anchorsPath} kept as it was.`,
      );
      failed = true;
    } else if (!failed) {
      writeAnchors(options.anchorsPath, {
        format: 'twofold-audit-anchors/1',
        writtenAt: new Date().toISOString(),
        rows: result.rows,
        digest,
        heads,
      });
      log(
        previous
          ? `audit:verify: all ${Object.keys(previous.heads).length} anchored heads present; ${Object.keys(heads).length} heads anchored in ${options.anchorsPath}.`
          : `audit:verify: no anchors yet; ${Object.keys(heads).length} heads anchored in ${options.anchorsPath}.`,
      );
    }
  }
  if (failed) {
    return 1;
  }
  log(`audit:verify: intact, ${result.rows} rows in ${result.chains} chains verified end to end; heads digest ${digest}.`);
  return 0;
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({ options: { anchors: { type: 'string' } } });
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    process.exitCode = await runAuditVerify(database.db, (line) => console.log(line), { anchorsPath: args.anchors });
  } finally {
    await database.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error('audit:verify could not run:', error);
    process.exitCode = 2;
  });
}

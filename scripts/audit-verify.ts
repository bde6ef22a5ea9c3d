/**
 * `npm run audit:verify`: walks every person's audit chain end to end (platform/audit.ts) and exits
 * 1 naming the first row that does not fit: a row edited, removed from the middle of a chain, or
 * inserted out of order. It only reads. Uses the same configuration as the server (DATABASE_URL,
 * or the embedded database in TWOFOLD_DATA_DIR); run it on a copy when the server is running on
 * the embedded database, which allows one process at a time.
 */
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

/** Verifies and reports; returns the exit code (0 intact, 1 broken). */
export async function runAuditVerify(db: Db, log: (line: string) => void): Promise<number> {
  const result = await verifyAuditTrail(db);
  if (result.broken) {
    log(
      `audit:verify: BROKEN at row ${result.broken.id} (subject ${result.broken.subjectId}, at ${result.broken.at}); ` +
        `${result.rows} rows in ${result.chains} chains checked up to there. The trail was changed outside Twofold.`,
    );
    return 1;
  }
  log(`audit:verify: intact, ${result.rows} rows in ${result.chains} chains verified end to end.`);
  return 0;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    process.exitCode = await runAuditVerify(database.db, (line) => console.log(line));
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

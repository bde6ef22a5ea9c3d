import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db, DbOrTx } from './db';

/**
 * The append-only, hash-chained audit trail of every access to another person's data.
 * The table refuses UPDATE, DELETE and TRUNCATE (migration 0003). There is one chain per person
 * whose data was accessed (`subject_id`): each row's hash covers its content and the previous
 * row's hash in that person's chain, so removing or editing a row breaks `verifyAuditChain`, and
 * reads of different people's data never wait for each other.
 */
export interface AuditEntry {
  actorId: string;
  subjectId: string;
  kind: string;
  action: 'read' | 'write';
  purpose: 'partner-support' | 'treatment';
  relation: 'partner' | 'clinician' | 'former-partner';
  programId: string | null;
}

const genesis = '0'.repeat(64);

function chainHash(prevHash: string, entry: AuditEntry, at: string): string {
  const content = JSON.stringify([
    prevHash,
    at,
    entry.actorId,
    entry.subjectId,
    entry.kind,
    entry.action,
    entry.purpose,
    entry.relation,
    entry.programId,
  ]);
  return createHash('sha256').update(content).digest('hex');
}

/** Appends one entry. Call inside the transaction that reads the data, so both happen or neither. */
export async function appendAuditEntry(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  // One writer at a time extends a person's chain; the lock ends with the transaction.
  await sql`select pg_advisory_xact_lock(hashtext(${`audit:${entry.subjectId}`}))`.execute(tx);
  const last = await tx
    .selectFrom('auditEvents')
    .select('hash')
    .where('subjectId', '=', entry.subjectId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  const prevHash = last?.hash ?? genesis;
  const at = new Date().toISOString();
  await tx
    .insertInto('auditEvents')
    .values({ ...entry, at, prevHash, hash: chainHash(prevHash, entry, at) })
    .execute();
}

/** Walks every person's chain; returns the id of the first row that does not fit, or null when intact. */
export async function verifyAuditChain(db: Db): Promise<string | null> {
  const lastHashBySubject = new Map<string, string>();
  const rows = await db.selectFrom('auditEvents').selectAll().orderBy('id', 'asc').execute();
  for (const row of rows) {
    const prevHash = lastHashBySubject.get(row.subjectId) ?? genesis;
    if (row.prevHash !== prevHash || row.hash !== chainHash(prevHash, row, row.at.toISOString())) {
      return String(row.id);
    }
    lastHashBySubject.set(row.subjectId, row.hash);
  }
  return null;
}

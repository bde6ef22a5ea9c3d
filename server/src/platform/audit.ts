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

/**
 * Appends one entry. Call inside the transaction that reads the data, so both happen or neither.
 *
 * Two statements: the lock on the person's chain, then one insert that reads the chain's last
 * hash and computes the new one in the database (the same SHA-256 of the same JSON text as
 * `chainHash`, which `verifyAuditChain` checks). The insert is a statement of its own, after the
 * lock is held, so its snapshot sees every entry committed before: the chain cannot fork. A
 * caller that already holds the lock in this transaction (`lockAuditChain`, taken together with
 * another query to save a round trip) passes `{ isChainLocked: true }`: one statement.
 */
export async function appendAuditEntry(tx: DbOrTx, entry: AuditEntry, options: { isChainLocked?: boolean } = {}): Promise<void> {
  if (!options.isChainLocked) {
    // One writer at a time extends a person's chain; the lock ends with the transaction.
    await sql`select ${lockAuditChain(entry.subjectId)}`.execute(tx);
  }
  const at = new Date().toISOString();
  const json = (value: unknown) => sql`to_json(${value}::text)::text`;
  // JSON.stringify of an array of strings (and null): to_json escapes a string the same way.
  const content = sql.join(
    [
      sql`to_json(prev.hash)::text`,
      json(at),
      json(entry.actorId),
      json(entry.subjectId),
      json(entry.kind),
      json(entry.action),
      json(entry.purpose),
      json(entry.relation),
      entry.programId === null ? sql`'null'` : json(entry.programId),
    ],
    sql`|| ',' ||`,
  );
  await sql`
    insert into audit_events (at, actor_id, subject_id, kind, action, purpose, relation, program_id, prev_hash, hash)
    select ${at}::timestamptz, ${entry.actorId}::uuid, ${entry.subjectId}::uuid, ${entry.kind}, ${entry.action}, ${entry.purpose},
      ${entry.relation}, ${entry.programId}::uuid, prev.hash,
      encode(sha256(convert_to('[' || ${content} || ']', 'UTF8')), 'hex')
    from (select coalesce((select hash from audit_events where subject_id = ${entry.subjectId}::uuid order by id desc limit 1), ${genesis}) as hash) prev`.execute(
    tx,
  );
}

/**
 * Appends several entries, each about a DIFFERENT person, in two statements whatever their number
 * (a caseload view discloses flags of many people at once): the locks on every person's chain, taken
 * in one statement in a fixed order (so two such batches never wait on each other in a cycle), then
 * one insert that extends each chain from its own last hash, computed in the database exactly as
 * `appendAuditEntry` does. Call inside the transaction that reads the data.
 */
export async function appendAuditEntries(tx: DbOrTx, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) {
    return;
  }
  const subjects = entries.map((entry) => entry.subjectId);
  if (new Set(subjects).size !== subjects.length) {
    throw new Error('appendAuditEntries: one entry per person');
  }
  const ordered = [...entries].sort((a, b) => (a.subjectId < b.subjectId ? -1 : a.subjectId > b.subjectId ? 1 : 0));
  // One lock per chain, in subject order: the ordered subquery is evaluated before the outer select.
  await sql`
    select count(pg_advisory_xact_lock(hashtext('audit:' || s.subject)))
    from (select subject from unnest(${ordered.map((entry) => entry.subjectId)}::text[]) with ordinality as u(subject, n) order by n offset 0) s`.execute(
    tx,
  );
  const at = new Date().toISOString();
  const column = (pick: (entry: AuditEntry) => string | null) => ordered.map(pick);
  await sql`
    insert into audit_events (at, actor_id, subject_id, kind, action, purpose, relation, program_id, prev_hash, hash)
    select ${at}::timestamptz, e.actor_id::uuid, e.subject_id::uuid, e.kind, e.action, e.purpose, e.relation, e.program_id::uuid, prev.hash,
      encode(sha256(convert_to('[' || to_json(prev.hash)::text || ',' || to_json(${at}::text)::text || ',' || to_json(e.actor_id)::text
        || ',' || to_json(e.subject_id)::text || ',' || to_json(e.kind)::text || ',' || to_json(e.action)::text
        || ',' || to_json(e.purpose)::text || ',' || to_json(e.relation)::text
        || ',' || coalesce(to_json(e.program_id)::text, 'null') || ']', 'UTF8')), 'hex')
    from unnest(
      ${column((entry) => entry.actorId)}::text[], ${column((entry) => entry.subjectId)}::text[], ${column((entry) => entry.kind)}::text[],
      ${column((entry) => entry.action)}::text[], ${column((entry) => entry.purpose)}::text[], ${column((entry) => entry.relation)}::text[],
      ${column((entry) => entry.programId)}::text[]
    ) with ordinality as e(actor_id, subject_id, kind, action, purpose, relation, program_id, n)
    cross join lateral (
      select coalesce((select hash from audit_events where subject_id = e.subject_id::uuid order by id desc limit 1), ${genesis}) as hash
    ) prev
    order by e.n`.execute(tx);
}

/**
 * The SQL expression that takes the lock on `subjectId`'s audit chain until the transaction
 * ends, to be selected in a query the caller runs anyway (it returns nothing useful).
 */
export function lockAuditChain(subjectId: string) {
  return sql`pg_advisory_xact_lock(hashtext(${`audit:${subjectId}`}))`;
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

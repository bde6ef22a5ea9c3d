import { type Kysely, sql } from 'kysely';

/**
 * The audit trail stays append-only in every session mode. Migration 0003 made the triggers that
 * refuse UPDATE, DELETE and TRUNCATE on audit_events; a trigger in the default (origin) mode does
 * not fire while `session_replication_role = replica`, which restore and replication tools set and
 * which one SET turns on for a privileged session. `ENABLE ALWAYS` makes them fire in that mode
 * too. Disabling or dropping them remains possible for the table's owner and a superuser; that
 * residual risk and the hash chain that detects it are in docs/SECURITY.md.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table audit_events enable always trigger audit_events_no_change`.execute(db);
  await sql`alter table audit_events enable always trigger audit_events_no_truncate`.execute(db);
  await sql`comment on table audit_events is 'Append-only, hash-chained per subject (platform/audit.ts); triggers refuse UPDATE, DELETE, TRUNCATE in every session mode.'`.execute(
    db,
  );
}

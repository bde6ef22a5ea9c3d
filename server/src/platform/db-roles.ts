import { sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest, openDatabase, type Db } from './db';

/**
 * Two PostgreSQL roles (docs/OPERATIONS.md, "Database roles"): a migration role that owns the
 * tables and runs the migrations, and the application role the server serves requests with,
 * which owns nothing. Only a table's owner (or a superuser) can disable its triggers, so the
 * application role, or SQL injected through it, cannot switch off the append-only protection of
 * the audit trail; and it gets only SELECT and INSERT on `audit_events`, so it cannot even try
 * to change or remove a row.
 *
 * With MIGRATION_DATABASE_URL set, each start: checks the roles are really separate, runs the
 * migrations as the migration role, then grants the application role its rights on everything
 * the migrations made (so a new table is covered the moment it exists).
 */
export class RoleSetupError extends Error {}

export interface RoleSetup {
  migrationRole: string;
  applicationRole: string;
}

/** The role `url` connects as (asked of PostgreSQL: the URL may leave the user to PGUSER). */
async function currentRole(url: string): Promise<{ role: string; isSuperuser: boolean }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ role: string; is_superuser: boolean }>(
      'select current_user as role, rolsuper as is_superuser from pg_roles where rolname = current_user',
    );
    return { role: rows[0]!.role, isSuperuser: rows[0]!.is_superuser };
  } finally {
    await client.end();
  }
}

export async function migrateWithSeparateRoles(migrationUrl: string, applicationUrl: string): Promise<RoleSetup> {
  const application = await currentRole(applicationUrl);
  const migration = await openDatabase({ kind: 'postgres', url: migrationUrl, poolSize: 2 });
  try {
    const db = migration.db;
    const { rows } = await sql<{ role: string; isMember: boolean }>`
      select current_user as role, pg_has_role(${application.role}, current_user, 'USAGE') as is_member`.execute(db);
    const migrationRole = rows[0]!.role;
    if (application.role === migrationRole) {
      throw new RoleSetupError(
        `DATABASE_URL and MIGRATION_DATABASE_URL both connect as "${migrationRole}": the application role must be a role of its own.`,
      );
    }
    if (application.isSuperuser) {
      throw new RoleSetupError(`The application role "${application.role}" is a superuser: it could switch the audit protection off.`);
    }
    if (rows[0]!.isMember) {
      throw new RoleSetupError(
        `The application role "${application.role}" is a member of the migration role "${migrationRole}" (it could SET ROLE to it): revoke that membership.`,
      );
    }
    const owned = await sql<{ name: string }>`
      select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relowner = (select oid from pg_roles where rolname = ${application.role})`.execute(db);
    if (owned.rows.length > 0) {
      throw new RoleSetupError(
        `The application role "${application.role}" owns ${owned.rows.map((r) => r.name).join(', ')} (migrated with it before). ` +
          `As a superuser, run: REASSIGN OWNED BY ${pg.escapeIdentifier(application.role)} TO ${pg.escapeIdentifier(migrationRole)};`,
      );
    }
    await migrateToLatest(db);
    await grantApplicationRights(db, application.role);
    await allowJobQueueSchema(db, application.role, migrationRole);
    return { migrationRole, applicationRole: application.role };
  } finally {
    await migration.close();
  }
}

/**
 * The application role's rights, granted by the owner after every migration: ordinary rights on
 * every table and sequence, except the audit trail (SELECT, INSERT) and the migration bookkeeping
 * (SELECT). Idempotent.
 */
export async function grantApplicationRights(db: Db, applicationRole: string): Promise<void> {
  const role = pg.escapeIdentifier(applicationRole);
  await db.transaction().execute(async (tx) => {
    for (const statement of [
      `grant usage on schema public to ${role}`,
      `grant select, insert, update, delete on all tables in schema public to ${role}`,
      `grant usage, select on all sequences in schema public to ${role}`,
      `revoke update, delete, truncate, references, trigger on audit_events from ${role}`,
      `revoke insert, update, delete, truncate on kysely_migration, kysely_migration_lock from ${role}`,
    ]) {
      await sql.raw(statement).execute(tx);
    }
  });
}

/**
 * The job queue (pg-boss, reminders) keeps its tables in a schema of its own, `pgboss`, which it
 * creates and upgrades itself when a process starts, as the application role: creating a schema
 * needs CREATE on the database. The application role owns that schema and what is in it, and
 * still nothing of Twofold's own tables (it cannot alter, unprotect or own `audit_events`).
 */
async function allowJobQueueSchema(db: Db, applicationRole: string, migrationRole: string): Promise<void> {
  const { rows } = await sql<{ database: string; allowed: boolean }>`
    select current_database() as database, has_database_privilege(${applicationRole}, current_database(), 'CREATE') as allowed`.execute(db);
  const { database, allowed } = rows[0]!;
  if (allowed) {
    return;
  }
  const grant = `grant create on database ${pg.escapeIdentifier(database)} to ${pg.escapeIdentifier(applicationRole)}`;
  try {
    await sql.raw(grant).execute(db);
  } catch (error) {
    throw new RoleSetupError(
      `The migration role "${migrationRole}" could not let the application role create the job queue's schema (${(error as Error).message}). ` +
        `Make "${migrationRole}" the database's owner, or as a superuser run: ${grant};`,
    );
  }
}

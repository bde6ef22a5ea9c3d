import { sql } from 'kysely';
import type { TestApp } from '../test-app';

/**
 * Every table of the application, each as sorted JSON, so two dumps compare equal exactly when
 * nothing was written. Tables are found in the catalog, so a table added later is included.
 * Except `auth_throttle`: it counts attempts at signing in and redeeming links, and a refused
 * attempt must count (that is how guessing is slowed down), so it changes by design. And
 * `sessions.last_seen_at`: it is the idle timeout's clock, moved at most once a minute by any
 * signed-in request, a refused one too, so a suite running longer than a minute sees it move.
 */
const ignoredColumns: Record<string, string[]> = { sessions: ['last_seen_at'] };

export async function dumpDatabase(t: TestApp): Promise<string> {
  const { rows: tables } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_%'
      and table_name <> 'auth_throttle'
    order by table_name`.execute(t.database.db);
  const parts: string[] = [];
  for (const { name } of tables) {
    const { rows } = await sql<{
      data: unknown;
    }>`select coalesce(json_agg(r order by r::text), '[]'::json) as data
       from (select to_jsonb(t) - ${sql.val(ignoredColumns[name] ?? [])}::text[] as r from ${sql.table(name)} t) d`.execute(t.database.db);
    parts.push(`${name}:${JSON.stringify(rows[0]?.data)}`);
  }
  return parts.join('\n');
}

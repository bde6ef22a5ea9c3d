import { sql } from 'kysely';
import type { Db } from '../server/src/platform/db';
import type { Cipher } from '../server/src/platform/crypto';
import { encryptedColumns, encryptionContext } from '../server/src/db/encrypted-columns';

/** Re-encrypts, row by row in one transaction per table, every value not written with the current key. */
export async function reencryptAll(db: Db, cipher: Cipher): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { table, key, columns } of encryptedColumns) {
    counts[table] = await db.transaction().execute(async (tx) => {
      const { rows } = await sql<Record<string, string | null>>`select * from ${sql.table(table)} for update`.execute(tx.withoutPlugins());
      const rowKey = (row: Record<string, string | null>) => key.map((column) => row[column]).join('/');
      const whereKey = (row: Record<string, string | null>) =>
        sql.join(
          key.map((column) => sql`${sql.ref(column)} = ${row[column]}`),
          sql` and `,
        );
      let changed = 0;
      for (const row of rows) {
        const updates = Object.entries(columns).flatMap(([column, field]) => {
          // Optional fields (a consent's own words, a topic) are null when left empty: nothing to re-encrypt.
          const stored = row[column];
          if (stored === null || stored === undefined || !cipher.needsRotation(stored)) {
            return [];
          }
          const context = encryptionContext(table, rowKey(row), field);
          return [sql`${sql.ref(column)} = ${cipher.encrypt(cipher.decrypt(stored, context), context)}`];
        });
        if (updates.length > 0) {
          await sql`update ${sql.table(table)} set ${sql.join(updates)} where ${whereKey(row)}`.execute(tx.withoutPlugins());
          changed += 1;
        }
      }
      return changed;
    });
  }
  return counts;
}

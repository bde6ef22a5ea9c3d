/**
 * `npm run rotate-key`: re-encrypts every encrypted column with the current key. Run it after
 * setting TWOFOLD_ENCRYPTION_KEY to the new key and TWOFOLD_PREVIOUS_ENCRYPTION_KEYS to the old
 * one(s); afterwards the old keys can be removed. See docs/OPERATIONS.md.
 */
import { loadConfig } from '../server/src/platform/config';
import { migrateToLatest, openDatabase } from '../server/src/platform/db';
import { resolveCipher } from '../server/src/platform/encryption-key';
import { reencryptAll } from './reencrypt';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    await migrateToLatest(database.db);
    const counts = await reencryptAll(database.db, resolveCipher(config, console));
    for (const [table, count] of Object.entries(counts)) {
      console.log(`${table}: ${count} row(s) re-encrypted with the current key`);
    }
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error('Key rotation failed; nothing after the failing row was changed:', error);
  process.exitCode = 1;
});

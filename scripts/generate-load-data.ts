/**
 * `npm run generate-load-data -- --couples 1000 --days 365`: fills the configured database (same
 * environment as `npm start`) with load-test couples and their daily check-ins. See load-data.ts.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/src/platform/config';
import { migrateToLatest, openDatabase } from '../server/src/platform/db';
import { resolveCipher } from '../server/src/platform/encryption-key';
import { generateLoadData, loadDataPassword } from './load-data';

const { values } = parseArgs({ options: { couples: { type: 'string', default: '1000' }, days: { type: 'string', default: '365' } } });

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    await migrateToLatest(database.db);
    const started = Date.now();
    const summary = await generateLoadData(database.db, resolveCipher(config, console), {
      couples: Number(values.couples),
      days: Number(values.days),
    });
    console.log(
      `${summary.couples} couples, ${summary.checkins} check-ins in ${((Date.now() - started) / 1000).toFixed(1)} s. Log in as ${summary.firstEmail} / ${loadDataPassword}.`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error('Load data could not be generated:', error);
  process.exitCode = 1;
});

/**
 * `npm run generate-load-data -- --couples 1000 --days 365 [--couples-per-clinician 60]`: fills the
 * configured database (same environment as `npm start`) with load-test couples and their daily
 * check-ins; with --couples-per-clinician, programs and clinicians with the care team's data. See load-data.ts.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/src/platform/config';
import { migrateToLatest, openDatabase } from '../server/src/platform/db';
import { resolveCipher } from '../server/src/platform/encryption-key';
import { generateLoadData, loadDataPassword } from './load-data';

const { values } = parseArgs({
  options: {
    couples: { type: 'string', default: '1000' },
    days: { type: 'string', default: '365' },
    // Issue 8: programs of this many couples, each with one clinician, consents and the care team's data.
    'couples-per-clinician': { type: 'string' },
  },
});

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    await migrateToLatest(database.db);
    const started = Date.now();
    const summary = await generateLoadData(database.db, resolveCipher(config, console), {
      couples: Number(values.couples),
      days: Number(values.days),
      ...(values['couples-per-clinician'] ? { careTeam: { couplesPerClinician: Number(values['couples-per-clinician']) } } : {}),
    });
    console.log(
      `${summary.couples} couples, ${summary.checkins} check-ins in ${((Date.now() - started) / 1000).toFixed(1)} s. Log in as ${summary.firstEmail} / ${loadDataPassword}.` +
        (summary.programs > 0
          ? ` ${summary.programs} programs, one clinician each (load-clinician-0@load.twofold.test, TOTP secret in scripts/load-data.ts).`
          : ''),
    );
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error('Load data could not be generated:', error);
  process.exitCode = 1;
});

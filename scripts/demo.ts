/**
 * `npm run demo`: fills an EMPTY database (the one `npm start` would use, same configuration) with
 * a demo program: an admin, a clinician, and two couples with some history, through the same
 * services the API uses. Prints the logins. Refuses to touch a database that already has accounts.
 */
import { sql } from 'kysely';
import { loadConfig } from '../server/src/platform/config';
import { migrateToLatest, openDatabase } from '../server/src/platform/db';
import { resolveCipher } from '../server/src/platform/encryption-key';
import { demoPassword, seedDemo } from './demo-seed';

async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  try {
    await migrateToLatest(database.db);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from users`.execute(database.db);
    if ((rows[0]?.n ?? 0) > 0) {
      console.error('The database already has accounts; the demo only fills an empty one. Use another TWOFOLD_DATA_DIR (or DATABASE_URL).');
      process.exitCode = 1;
      return;
    }
    const logins = await seedDemo(database.db, config.publicUrl, resolveCipher(config, console));
    console.log(`\nDemo data is ready. Every account's password is: ${demoPassword}\n`);
    for (const [role, email, name, twoFactorSecret] of logins) {
      console.log(`  ${email.padEnd(32)} ${name.padEnd(18)} ${role}`);
      if (twoFactorSecret) {
        console.log(`  ${''.padEnd(32)} two-step sign-in: add the secret ${twoFactorSecret} to an authenticator app`);
      }
    }
    console.log(`\nStart Twofold with \`npm start\` and log in at ${config.publicUrl}/login\n`);
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error('The demo could not be created:', error);
  process.exitCode = 1;
});

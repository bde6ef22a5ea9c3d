import { performance } from 'node:perf_hooks';
import { buildApp } from './app';
import { ConfigError, loadConfig } from './platform/config';
import { migrateToLatest, openDatabase } from './platform/db';
import { migrateWithSeparateRoles, RoleSetupError } from './platform/db-roles';
import { resolveCipher } from './platform/encryption-key';

async function main(): Promise<void> {
  const startedAt = performance.now();
  const config = loadConfig();
  if (config.migrationDatabaseUrl !== null && config.database.kind === 'postgres') {
    // Migrations as the owner; the application role gets only its rights (docs/OPERATIONS.md).
    await migrateWithSeparateRoles(config.migrationDatabaseUrl, config.database.url);
  }
  const database = await openDatabase(config.database);
  if (config.migrationDatabaseUrl === null) {
    await migrateToLatest(database.db);
  }
  const app = await buildApp({ config, database, cipher: resolveCipher(config, console) });
  app.addHook('onClose', () => database.close());

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.log.info(`${signal}: closing`);
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }

  await app.listen({ host: config.host, port: config.port });
  const where = config.database.kind === 'postgres' ? 'PostgreSQL' : `the embedded database in ${config.database.dataDir}`;
  app.log.info(`Twofold is ready on ${config.publicUrl} with ${where} (started in ${Math.round(performance.now() - startedAt)} ms)`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof RoleSetupError) {
    console.error(error.message);
  } else {
    console.error('Twofold could not start:', error);
  }
  process.exit(1);
});

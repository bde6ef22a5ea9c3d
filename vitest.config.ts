import { configDefaults, defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const alias = { '@twofold/core': fileURLToPath(new URL('./core/src', import.meta.url)) };
const serverTests = ['server/**/*.test.ts', 'scripts/**/*.test.ts'];
// About the embedded database only (its gate, its kill -9 recovery): PGlite project only.
const pgliteOnlyTests = ['server/src/platform/db-gate.test.ts', 'server/test/durability/**'];
// Several server processes on one database: PostgreSQL project only (PGlite lives in one process).
const postgresOnlyTests = [
  'server/test/reminders-two-processes.test.ts',
  'server/test/two-processes-events.test.ts',
  'server/test/db-reconnect.test.ts',
  'server/test/db-roles.test.ts',
];

/**
 * unit: pure rules in core. api-pglite: every server test on the embedded database.
 * api-postgres: the same tests on PostgreSQL, only when TEST_DATABASE_URL is set.
 * web: components in a DOM.
 */
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['core/**/*.test.ts'], environment: 'node' } },
      {
        resolve: { alias },
        test: {
          name: 'api-pglite',
          include: serverTests,
          exclude: [...configDefaults.exclude, ...postgresOnlyTests],
          environment: 'node',
          env: { TWOFOLD_TEST_DIALECT: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      ...(process.env['TEST_DATABASE_URL']
        ? [
            {
              resolve: { alias },
              test: {
                name: 'api-postgres',
                include: serverTests,
                exclude: [...configDefaults.exclude, ...pgliteOnlyTests],
                environment: 'node',
                env: { TWOFOLD_TEST_DIALECT: 'postgres' },
                testTimeout: 30_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
      {
        plugins: [react()],
        resolve: { alias },
        test: { name: 'web', include: ['web/src/**/*.test.{ts,tsx}'], environment: 'happy-dom', setupFiles: ['web/src/test/setup.ts'] },
      },
    ],
  },
});

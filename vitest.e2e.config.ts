import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

/** Browser journeys: `npm run test:e2e` (needs `npm run build:web` first and /usr/bin/chromium). */
export default defineConfig({
  resolve: { alias: { '@twofold/core': fileURLToPath(new URL('./core/src', import.meta.url)) } },
  test: {
    name: 'e2e',
    include: ['e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});

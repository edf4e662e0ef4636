import { defineConfig } from 'vitest/config';

/**
 * The fast tier: tests that need no database, without the global setup that starts Neo4j. `npm test` runs these
 * and all the others (test/vitest.config.ts).
 */
export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['test/unit/**/*.test.ts'],
    testTimeout: 30_000,
    reporters: ['default'],
  },
});

import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/neo4j/**'],
        },
      },
      {
        extends: true,
        test: {
          name: 'neo4j',
          include: ['test/neo4j/**/*.test.ts'],
          // A project's globalSetup runs only when one of its files is selected, so
          // unit-only runs never pay for starting Neo4j.
          globalSetup: ['test/setup/neo4j-global.ts'],
          // One shared server; every test clears it, so files must not overlap.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});

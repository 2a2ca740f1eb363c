import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// graphql 16 ships CommonJS (main) and ESM (module). Node loads dependencies through `main`,
// Vite would load our sources through `module`: two copies of graphql, whose classes do not
// recognise each other ("Cannot use GraphQLSchema from another module or realm"). Pin ours
// to the copy Node uses.
const graphqlMain = createRequire(import.meta.url).resolve('graphql');

export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlMain }] },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'services/*/test/**/*.test.ts', 'test/**/*.test.ts'],
    // Integration tests start servers and workers; give them room, but never minutes.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores: more parallel files only add contention on Redis and PostgreSQL.
    maxWorkers: 2,
    env: { LOG_LEVEL: 'silent', FETCH_ALLOW_PRIVATE: 'true' },
  },
});

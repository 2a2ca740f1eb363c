import { defineConfig } from 'vitest/config';

export default defineConfig({
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

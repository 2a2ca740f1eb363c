import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/shared-dir.js';

const run = promisify(execFile);
const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');

async function start(env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  try {
    await run(tsx, [join(ROOT, 'scripts', 'start.ts')], {
      cwd: ROOT,
      env: { ...process.env, ...env },
      timeout: 30_000,
    });
    return { code: 0, stderr: '' };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

describe('npm start', () => {
  it('exits non-zero with one line naming REDIS_URL when Redis is unreachable', async () => {
    const { code, stderr } = await start({ REDIS_URL: 'redis://127.0.0.1:1', DATA_DIR: 'memory://' });
    expect(code).not.toBe(0);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/REDIS_URL=redis:\/\/127\.0\.0\.1:1/);
    expect(lines[0]).toMatch(/redis-server/);
  });

  it('names the bad variable when the configuration is invalid', async () => {
    const { code, stderr } = await start({ WORKER_CONCURRENCY: 'lots' });
    expect(code).toBe(2);
    expect(stderr).toMatch(/WORKER_CONCURRENCY is invalid \("lots"\)/);
  });
});

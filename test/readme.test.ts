import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { apiEnvSchema } from '../services/api/src/config.js';
import { workerEnvSchema } from '../services/worker/src/config.js';
import { ROOT } from './helpers/shared-dir.js';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };

describe('README.md', () => {
  it('documents every configuration variable of both services', () => {
    const keys = new Set([...Object.keys(apiEnvSchema.shape), ...Object.keys(workerEnvSchema.shape)]);
    for (const key of keys) expect(readme, key).toContain(`\`${key}\``);
  });

  it('gives the two commands, and .ci/run runs the same test command', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toMatch(/```sh\nnpm test\n```/);
    expect(pkg.scripts['start']).toBeDefined();
    expect(pkg.scripts['test']).toBeDefined();
    const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8');
    expect(ci).toMatch(/^npm ci/m);
    expect(ci).toMatch(/^npm test$/m);
  });

  it('lists only npm scripts that exist', () => {
    for (const m of readme.matchAll(/npm run (?:-s )?([\w:-]+)/g)) expect(pkg.scripts, m[1]).toHaveProperty(m[1]!);
  });
});

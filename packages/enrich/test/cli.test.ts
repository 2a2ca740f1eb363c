import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../test/helpers/shared-dir.js';

const run = promisify(execFile);
const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
const cli = join(ROOT, 'services', 'worker', 'src', 'cli', 'enrich.ts');
// Unreachable services: enrichment must need neither.
const offline = {
  ...process.env,
  REDIS_URL: 'redis://127.0.0.1:1',
  DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
};

describe('npm run -s enrich', () => {
  it('prints one JSON line per input line and reports bad lines without stopping', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'famwatch-enrich-'));
    const file = join(dir, 'in.jsonl');
    const lines = [
      {
        id: 'one',
        title: 'Mali ends its defence agreements with France',
        text: 'French troops must leave Bamako.',
        lang: 'en',
      },
      { id: 'two', title: 'Rain in Paris', text: 'It rained all day.' },
    ].map((l) => JSON.stringify(l));
    writeFileSync(file, `${lines.join('\n')}\n{"id":"three","title":1,"text":"x"}\n`);
    const result = await run(tsx, [cli, file], { env: offline, cwd: ROOT }).catch(
      (e: { code: number; stdout: string }) => e,
    );
    expect((result as { code?: number }).code).toBe(1);
    const out = result.stdout
      .trim()
      .split('\n')
      .map((l: string) => JSON.parse(l));
    expect(out).toHaveLength(3);
    expect(Object.keys(out[0])).toEqual(['id', 'relevance', 'countries', 'actors', 'events']);
    expect(out[0]).toMatchObject({ id: 'one', relevance: { relevant: true } });
    expect(out[0].events.map((e: { type: string }) => e.type)).toContain('cooperation_ended');
    expect(out[1]).toMatchObject({ id: 'two', relevance: { relevant: false }, events: [] });
    expect(out[2]).toMatchObject({ id: 'three', error: { code: 'INVALID_JOB' } });
  });
});

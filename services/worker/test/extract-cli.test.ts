import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildSeedPages } from '../../../test/helpers/seed-pages.js';
import { explainSkip, ROOT, sharedAvailable } from '../../../test/helpers/shared-dir.js';

const run = promisify(execFile);
const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
const cli = join(ROOT, 'services', 'worker', 'src', 'cli', 'extract.ts');
// Unreachable services: the extractor must need neither.
const offline = {
  ...process.env,
  REDIS_URL: 'redis://127.0.0.1:1',
  DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
};

explainSkip('the extract CLI tests');

describe.skipIf(!sharedAvailable)('npm run -s extract', () => {
  it('prints one JSON line per file (.html and .html.gz) without Redis or a database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'famwatch-extract-'));
    const pages = buildSeedPages('https://fixture.example');
    writeFileSync(join(dir, 'a.html'), pages[0]!.html);
    writeFileSync(join(dir, 'b.html.gz'), gzipSync(pages[2]!.html));
    const { stdout } = await run(tsx, [cli, join(dir, 'a.html'), join(dir, 'b.html.gz')], { env: offline, cwd: ROOT });
    const lines = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(2);
    expect(lines[0].file).toBe(join(dir, 'a.html'));
    expect(lines[0].title).toBe(pages[0]!.title);
    expect(lines[0].canonicalUrl).toBe(`https://fixture.example${pages[0]!.path}`);
    expect(lines[1].title).toBe(pages[2]!.title);
    expect(lines[1].publishedAt).toBe(pages[2]!.expectPublished);
    for (const key of ['body', 'byline', 'language', 'agencies', 'wordCount', 'summary', 'imageUrl', 'modifiedAt']) {
      expect(lines[1]).toHaveProperty(key);
    }
    expect(lines[1].language).toBe('en');
  });

  it('uses --url as the page address and reports unreadable files without stopping', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'famwatch-extract-'));
    writeFileSync(join(dir, 'a.html'), buildSeedPages('https://elsewhere.example')[1]!.html);
    const missing = join(dir, 'missing.html');
    const result = await run(tsx, [cli, '--url', 'https://southfront.press/x/', missing, join(dir, 'a.html')], {
      env: offline,
      cwd: ROOT,
    }).catch((error: { code: number; stdout: string }) => error);
    expect((result as { code?: number }).code).toBe(1);
    const lines = result.stdout
      .trim()
      .split('\n')
      .map((line: string) => JSON.parse(line));
    expect(lines[0].error.code).toBe('NOT_FOUND');
    // The declared canonical is on another site than --url: the fetched URL wins.
    expect(lines[1].canonicalUrl).toBe('https://southfront.press/x/');
  });

  it('explains its usage when called without files', async () => {
    const error = await run(tsx, [cli], { env: offline, cwd: ROOT }).catch((e: { code: number; stderr: string }) => e);
    expect((error as { code: number }).code).toBe(2);
    expect((error as { stderr: string }).stderr).toMatch(/usage: npm run -s extract/);
  });
});

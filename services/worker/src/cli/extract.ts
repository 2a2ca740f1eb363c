// `npm run -s extract -- [--url URL] FILE...`: one JSON line per HTML file (.html or .html.gz)
// with the extracted, normalized article. Needs neither Redis nor a database.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { CodedError, isHttpUrl } from '@famwatch/shared';
import { extractArticle } from '../extract/index.js';
import { decodeBody } from '../fetch/decode.js';

const USAGE = 'usage: npm run -s extract -- [--url URL] FILE.html[.gz]...';

function parseArgs(argv: string[]): { url: string | null; files: string[] } {
  let url: string | null = null;
  const files: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--url') {
      url = argv[i + 1] ?? null;
      i += 1;
      if (!url || !isHttpUrl(url)) throw new Error(`--url needs an absolute http(s) URL\n${USAGE}`);
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else files.push(arg);
  }
  if (files.length === 0) throw new Error(USAGE);
  return { url, files };
}

let args: { url: string | null; files: string[] };
try {
  args = parseArgs(process.argv.slice(2));
} catch (error) {
  console.error((error as Error).message);
  process.exit(2);
}

let failed = 0;
for (const file of args.files) {
  try {
    const raw = readFileSync(file);
    const bytes = file.endsWith('.gz') ? gunzipSync(raw) : raw;
    const html = decodeBody(bytes, null);
    // Without --url the page's own canonical URL (when it declares one) stands in.
    const url = args.url ?? pathToFileURL(resolve(file)).toString();
    const article = extractArticle(html, url, { now: Date.now() });
    const { bodyHtml: _html, ...rest } = article;
    process.stdout.write(`${JSON.stringify({ file, ...rest })}\n`);
  } catch (error) {
    failed += 1;
    // A file that cannot be read is not a page that failed to parse.
    const errno = (error as NodeJS.ErrnoException).code;
    const code =
      error instanceof CodedError ? error.code : errno === 'ENOENT' ? 'NOT_FOUND' : errno ? 'READ_FAILED' : 'INTERNAL';
    process.stdout.write(`${JSON.stringify({ file, error: { code, message: (error as Error).message } })}\n`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;

// `npm run -s enrich -- FILE.jsonl...`: reads lines { "id", "title", "text", "lang"? } and prints
// one JSON line per input with id, relevance, countries, actors and events. Needs neither Redis
// nor a database: enrichment is pure. `-` reads standard input.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { enrich, parseEnrichInput } from '@famwatch/enrich';
import { CodedError } from '@famwatch/shared';

const USAGE =
  'usage: npm run -s enrich -- FILE.jsonl... (one {"id","title","text","lang"?} object per line; - for stdin)';

const files = process.argv.slice(2);
if (files.length === 0 || files.includes('--help') || files.includes('-h')) {
  console.error(USAGE);
  process.exit(files.length === 0 ? 2 : 0);
}

/** One output line for one input line: the enrichment, or the reason there is none. */
function enrichLine(line: string, where: string): { ok: boolean; out: Record<string, unknown> } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return { ok: false, out: { line: where, error: { code: 'INVALID_JSON', message: (error as Error).message } } };
  }
  const id = (value as { id?: unknown } | null)?.id ?? null;
  try {
    const result = enrich(parseEnrichInput(value));
    return { ok: true, out: { id, ...result } };
  } catch (error) {
    const code = error instanceof CodedError ? error.code : 'INTERNAL';
    return { ok: false, out: { id, line: where, error: { code, message: (error as Error).message } } };
  }
}

let failed = 0;
for (const file of files) {
  const input = file === '-' ? process.stdin : createReadStream(file);
  try {
    let n = 0;
    for await (const line of createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })) {
      n += 1;
      if (!line.trim()) continue;
      const { ok, out } = enrichLine(line, `${file}:${n}`);
      if (!ok) failed += 1;
      process.stdout.write(`${JSON.stringify(out)}\n`);
    }
  } catch (error) {
    failed += 1;
    const code = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'NOT_FOUND' : 'READ_FAILED';
    process.stdout.write(`${JSON.stringify({ file, error: { code, message: (error as Error).message } })}\n`);
  }
}
process.exitCode = failed > 0 ? 1 : 0;

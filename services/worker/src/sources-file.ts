import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, type Source, sourcesFileSchema, toSource } from '@famwatch/shared';

/** Reads and validates SOURCES_FILE. Errors name the file, the entry and the field. */
export function readSourcesFile(path: string): Source[] {
  const file = resolve(path);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`SOURCES_FILE ${file} could not be read as JSON: ${(error as Error).message}`);
  }
  const result = sourcesFileSchema.safeParse(raw);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigError(`SOURCES_FILE ${file}: entry ${issue.path.join('.')}: ${issue.message}`);
  }
  const sources = result.data.map(toSource);
  const ids = new Set<string>();
  for (const source of sources) {
    if (ids.has(source.id)) throw new ConfigError(`SOURCES_FILE ${file}: two sources have the id "${source.id}"`);
    ids.add(source.id);
  }
  return sources;
}

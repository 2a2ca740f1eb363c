// The boundary check for callers that hold untyped data (CLI lines, job payloads).
import { ValidationError } from '@famwatch/shared';
import type { EnrichInput } from './types.js';

/**
 * Checks an untyped value and returns it as an `EnrichInput`: `title` and `text` strings (a
 * missing title is an empty one), `lang` a string or null. Throws `ValidationError`
 * (code `INVALID_JOB`) naming the first bad field.
 */
export function parseEnrichInput(value: unknown): EnrichInput {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ValidationError('enrichment input must be an object with title and text');
  }
  const record = value as Record<string, unknown>;
  const title = record['title'] ?? '';
  const text = record['text'];
  const lang = record['lang'] ?? null;
  if (typeof title !== 'string') throw new ValidationError('title must be a string');
  if (typeof text !== 'string') throw new ValidationError('text must be a string');
  if (lang !== null && typeof lang !== 'string') throw new ValidationError('lang must be a string or null');
  return { title, text, lang };
}

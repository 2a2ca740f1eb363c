import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * The workplace's shared folder (seeds, benchmark data), a sibling of the checkout. Its texts
 * are read from there, never copied into the repository. SHARED_DIR overrides the location.
 */
export const SHARED_DIR = resolve(process.env['SHARED_DIR'] ?? join(ROOT, '..', 'shared'));

export const SEEDS_DIR = join(SHARED_DIR, 'seeds');

export const sharedAvailable = existsSync(SEEDS_DIR);

/** Printed once by tests that skip because ../shared is absent. */
export function explainSkip(what: string): void {
  if (!sharedAvailable) console.warn(`skipping ${what}: ${SEEDS_DIR} not found (set SHARED_DIR to the shared folder)`);
}

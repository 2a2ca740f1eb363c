import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';

/** Debian's Chromium (`apt-get install -y chromium`); Playwright never downloads a browser here. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const chromiumAvailable = existsSync(CHROMIUM_PATH);

/** Printed once by tests that skip because Chromium is not installed. */
export function explainChromiumSkip(what: string): void {
  if (!chromiumAvailable) console.warn(`skipping ${what}: ${CHROMIUM_PATH} not found (apt-get install -y chromium)`);
}

// Nothing on this list talks to the network by itself: no QUIC probes, no component or
// safe-browsing updates, no sync. The tests check that the page itself stays local too.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Headless Chromium with a fresh profile. Playwright takes the profile directory as an argument
 * of `launchPersistentContext` (it refuses `--user-data-dir` in `args`) and passes it on as
 * `--user-data-dir`.
 */
export async function launchChromium(viewport = { width: 1366, height: 900 }): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'famwatch-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ARGS,
    viewport,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Headless Chromium for the browser tests: Debian's `chromium` package driven by playwright-core
 * (no browser download; `.ci/run` installs the package where it is missing). The flags keep
 * Chromium off the network it would otherwise reach for at start (updates, sync, QUIC), which a
 * closed machine refuses, and give every launch a new empty profile.
 *
 * @example
 * const browser = await launchChromium();
 * const page = await browser.newPage();
 * await page.goto(`${mock.url}/docs`);
 * await browser.close();
 */
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

/** Where Debian puts its Chromium; `CHROMIUM_PATH` names another. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/**
 * Whether the browser tests run: CI always runs them (`.ci/run` and `npm test`'s pretest install
 * Chromium, so a missing one fails there); a machine without Chromium skips them.
 */
export const browserTestsRun = chromiumAvailable() || Boolean(process.env.CI);

export async function launchChromium(): Promise<Browser> {
  if (!chromiumAvailable()) throw new Error(`no Chromium at ${CHROMIUM_PATH}: install Debian's chromium package (.ci/run does) or set CHROMIUM_PATH`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS });
}

/**
 * Issue 13, in a real browser (headless Chromium, Debian's package, playwright-core): a page on
 * another origin of 127.0.0.1 logs in with `demo-spa` by PKCE and calls the mock with `fetch`,
 * reading the rate-limit headers; with `--cors off` the browser blocks the same page's calls.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SAMPLE_CUSTOMER_NUMBER, SAMPLE_EMAIL, SAMPLE_UNIQUE_ID } from '../../fixtures/index.ts';
import type { MockConfig } from '../config.ts';
import { type RunningMock, startMock } from '../server.ts';
import { browserTestsRun, launchChromium } from '../testing/chromium.ts';
import { SPA_PAGE } from './spa-page.ts';

let browser: Browser;
let app: Server;
let appUrl: string;
const mocks: RunningMock[] = [];

beforeAll(async () => {
  if (!browserTestsRun) return;
  // The app's own origin: the same page at / and at /callback.
  app = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(SPA_PAGE));
  await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
  appUrl = `http://127.0.0.1:${(app.address() as AddressInfo).port}`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all(mocks.map((mock) => mock.close()));
  await new Promise((resolve) => (app ? app.close(resolve) : resolve(undefined)));
});

/** Runs the app against a mock with `overrides` and returns what the page saw. */
async function runApp(overrides: Partial<MockConfig>): Promise<Record<string, any>> {
  const mock = await startMock({ count: 0, ...overrides });
  mocks.push(mock);
  const page = await browser.newPage();
  try {
    await page.goto(`${appUrl}/?${new URLSearchParams({ mock: mock.url, login_hint: SAMPLE_EMAIL }).toString()}`);
    await page.waitForFunction(() => (window as unknown as { result?: unknown }).result !== undefined, undefined, { timeout: 20_000 });
    expect(new URL(page.url()).origin).toBe(appUrl);
    return await page.evaluate(() => (window as unknown as { result: Record<string, unknown> }).result);
  } finally {
    await page.close();
  }
}

it.skipIf(!browserTestsRun)('logs in with demo-spa by PKCE and calls info, profile, client info and search with fetch', { timeout: 60_000 }, async () => {
  const result = await runApp({});
  expect(result.error).toBeUndefined();
  expect(result.tokenType).toBe('Bearer');
  expect(result.info).toEqual({ status: 200, customerNumber: SAMPLE_CUSTOMER_NUMBER });
  expect(result.profile.status).toBe(200);
  expect(result.profile.body).toMatchObject({ uniqueId: SAMPLE_UNIQUE_ID, credential: { credential: SAMPLE_EMAIL, credentialType: 'A' } });
  expect(result.clientInfo.status).toBe(200);
  expect(Number(result.clientInfo.rateLimitRemaining)).toBeGreaterThan(0);
  expect(result.search.status).toBe(200);
  expect(result.search.customers).toContain(SAMPLE_CUSTOMER_NUMBER);
  // The second call of the same client in the window: one fewer left.
  expect(Number(result.search.rateLimitRemaining)).toBe(Number(result.clientInfo.rateLimitRemaining) - 1);
  expect(Number(result.search.rateLimitReset)).toBeGreaterThan(Date.now() / 1000 - 1);
});

it.skipIf(!browserTestsRun)('fails the same page\'s fetch with --cors off', { timeout: 60_000 }, async () => {
  const result = await runApp({ cors: 'off' });
  expect(result.error).toMatch(/TypeError: Failed to fetch/);
});

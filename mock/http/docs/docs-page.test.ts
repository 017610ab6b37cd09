/**
 * The docs page in headless Chromium (mock/testing/chromium.ts): it renders the reference from the
 * mock alone. Every request the page makes passes through the route handler below, which lets
 * through the mock's own origin and aborts, and records, anything else.
 * `DOCS_SCREENSHOT=docs/docs-page.png` saves the picture that docs/reference.md shows.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { listOperations, loadSpec, type OperationObject } from '../../../spec/index.ts';
import { browserTestsRun, launchChromium } from '../../testing/chromium.ts';
import { type RunningMock, startMock } from '../../server.ts';

const runs = browserTestsRun;
let mock: RunningMock;
let browser: Browser;
beforeAll(async () => {
  if (!runs) return;
  mock = await startMock({ count: 0, rateLimit: false });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await mock?.close();
});

it.runIf(runs)('asks no other host for anything, not even what its policy would block', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const origin = new URL(mock.url).origin;
  const requested: string[] = [];
  page.on('request', (request) => requested.push(request.url()));
  // What the Content-Security-Policy stops never reaches the network, so the page reports it.
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { blocked: string[] }).blocked = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(event.blockedURI));
  });
  await page.goto(`${mock.url}/docs`);
  await page.getByRole('heading', { name: 'Connect Customer API', exact: false }).first().waitFor({ timeout: 20_000 });
  await page.getByText('API docs by Redocly').waitFor({ timeout: 5_000 });
  // Redoc's sidebar logo renders after the first paint; a moment for it to ask.
  await page.waitForTimeout(500);
  const blocked = await page.evaluate(() => (window as unknown as { blocked: string[] }).blocked);
  const images = await page.locator('img').evaluateAll((elements) => elements.map((element) => (element as HTMLImageElement).src));
  const elsewhere = (url: string) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:');
  expect(requested.filter(elsewhere)).toEqual([]);
  expect(blocked).toEqual([]);
  expect(images.filter(elsewhere)).toEqual([]);
  await page.close();
});

it.runIf(runs)('renders every operation from the mock alone, offline', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const origin = new URL(mock.url).origin;
  const seen: string[] = [];
  const elsewhere: string[] = [];
  await page.route('**', (route) => {
    const url = route.request().url();
    seen.push(url);
    // data: and blob: URLs are the page's own memory (Redoc's search worker), not the network.
    if (url.startsWith(`${origin}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    elsewhere.push(url);
    return route.abort();
  });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${mock.url}/docs`);
  await page.getByRole('heading', { name: 'Connect Customer API', exact: false }).first().waitFor({ timeout: 20_000 });
  const text = await page.locator('body').innerText();
  const operations = listOperations(loadSpec());
  // The five operations of the reference and the profile resource the mock adds (docs/reference.md §7).
  expect(operations.map((operation) => operation.operationId)).toContain('getCustomerProfile');
  expect(operations).toHaveLength(6);
  for (const { path, method } of operations) {
    const summary = (loadSpec().paths[path]![method] as OperationObject).summary!;
    expect(text).toContain(summary);
  }
  // Each operation's endpoint panel lists the servers, this mock first.
  expect(await page.content()).toContain(`<span>${mock.url}</span>/v1/client/customer/search`);
  expect(seen).toContain(`${origin}/openapi.json`);
  expect(elsewhere).toEqual([]);
  expect(errors).toEqual([]);
  if (process.env.DOCS_SCREENSHOT) await page.screenshot({ path: process.env.DOCS_SCREENSHOT });
});

it.runIf(runs)('renders the admin API and OAuth routes beside it, reached from the bar above', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${mock.url}/docs`);
  await page.getByRole('navigation', { name: 'Specs' }).getByRole('link', { name: 'Admin API and OAuth' }).click();
  await page.getByRole('heading', { name: 'Make customers from a template' }).waitFor({ timeout: 20_000 });
  expect(await page.locator('body').innerText()).toContain('Exchange a grant for tokens');
  expect(errors).toEqual([]);
  await page.close();
});

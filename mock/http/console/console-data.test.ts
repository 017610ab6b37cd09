/**
 * The console's data views in headless Chromium: the journal, live; export, reset and import;
 * sessions; the admin token asked for on a 401. Each asserts through the API afterwards. One
 * browser for the file; every wait is bounded.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { sampleCustomer } from '../../../fixtures/index.ts';
import { browserTestsRun, launchChromium } from '../../testing/chromium.ts';
import { type RunningMock, startMock } from '../../server.ts';
import { clientToken, getJson, postJson } from '../../testing/test-support.ts';

const runs = browserTestsRun;
const WAIT = 5_000;
let mock: RunningMock;
let browser: Browser;
let page: Page;
let dir: string;

beforeAll(async () => {
  if (!runs) return;
  mock = await startMock({ count: 10, rateLimit: false });
  browser = await launchChromium();
  dir = await mkdtemp(join(tmpdir(), 'console-data-'));
});
afterAll(async () => {
  await browser?.close();
  await mock?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});
beforeEach(async () => {
  if (!runs) return;
  expect((await postJson(`${mock.url}/__admin/reset`, {})).status).toBe(200);
  page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  page.setDefaultTimeout(WAIT);
  return () => page.close();
});

it.runIf(runs)('shows in the journal, within 2 s, a request made from outside the page, and opens it', async () => {
  await page.goto(`${mock.url}/__admin/console#journal`);
  await page.getByRole('heading', { name: 'Request journal' }).waitFor();
  const token = await clientToken(mock.url);
  expect((await getJson(`${mock.url}/v1/client/customer/info/900101`, { authorization: `Bearer ${token}` })).status).toBe(200);
  const row = page.getByRole('button', { name: 'GET /v1/client/customer/info/900101' });
  await row.waitFor({ timeout: 2_000 });
  await row.click();
  await page.getByRole('heading', { name: /^Request \d+: GET \/v1\/client\/customer\/info\/900101 → 200$/ }).waitFor();
  // The filter narrows the list to what it names.
  await page.getByLabel('Status').fill('404');
  await row.waitFor({ state: 'detached' });
});

it.runIf(runs)('exports, resets and imports the exported file: the same records as before', async () => {
  const extra = { ...sampleCustomer(), customerNumber: 4_400_001, attachedUsers: [], name: { lastName: 'Eksport' } };
  expect((await postJson(`${mock.url}/__admin/customers`, extra)).status).toBe(200);
  const before = await (await fetch(`${mock.url}/__admin/export`)).text();
  await page.goto(`${mock.url}/__admin/console#data`);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export to a file' }).click()]);
  const file = join(dir, 'customers.json');
  await download.saveAs(file);
  expect(await readFile(file, 'utf8')).toBe(before);
  await page.getByRole('button', { name: 'Reset to the start data' }).click();
  await page.getByRole('button', { name: 'Really reset to the start data?' }).click();
  await page.getByRole('status').getByText(/^Reset to the start data/).waitFor();
  expect((await getJson(`${mock.url}/__admin/customers/4400001`)).status).toBe(404);
  await page.getByLabel('Import a fixtures file').setInputFiles(file);
  await page.getByRole('status').getByText(/^Imported \d+ customers from customers\.json\.$/).waitFor();
  expect(await (await fetch(`${mock.url}/__admin/export`)).text()).toBe(before);
});

it.runIf(runs)('shows the API\'s error when the imported file is not a fixtures file, and changes nothing', async () => {
  const file = join(dir, 'bad.json');
  const { writeFile } = await import('node:fs/promises');
  await writeFile(file, JSON.stringify([{ customerNumber: 1, name: { lastName: 'Halv' } }]));
  const size = mock.store.size;
  await page.goto(`${mock.url}/__admin/console#data`);
  await page.getByLabel('Import a fixtures file').setInputFiles(file);
  await page.getByRole('alert').getByText(/^record 1 of 1 \(customerNumber 1\): attachedUsers: is required/).waitFor();
  expect(mock.store.size).toBe(size);
});

it.runIf(runs)('creates a session, edits a customer in it, and the root\'s customer is unchanged', async () => {
  await page.goto(`${mock.url}/__admin/console#sessions`);
  await page.getByLabel('Session id').fill('qa-console');
  await page.getByRole('button', { name: 'Create session' }).click();
  await page.getByRole('link', { name: 'Open session qa-console' }).click();
  await page.getByText('session qa-console').waitFor();
  await page.getByRole('button', { name: 'Open customer 563457' }).click();
  await page.getByRole('group', { name: 'Name' }).getByLabel('Last name').fill('Sesjonsen');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('status').getByText('Saved customer 563457.').waitFor();
  const session = `${mock.url}/__sessions/qa-console`;
  const inSession = await getJson(`${session}/v1/client/customer/info/563457`, { authorization: `Bearer ${await clientToken(session)}` });
  expect(inSession.body.name.lastName).toBe('Sesjonsen');
  const atRoot = await getJson(`${mock.url}/v1/client/customer/info/563457`, { authorization: `Bearer ${await clientToken(mock.url)}` });
  expect(atRoot.body.name.lastName).toBe('Nordmann');
  // Ended from the root's console, it is gone.
  await page.goto(`${mock.url}/__admin/console#sessions`);
  await page.getByRole('button', { name: 'End session qa-console' }).click();
  await page.getByRole('status').getByText('Session qa-console ended.').waitFor();
  expect((await getJson(`${mock.url}/__admin/sessions`)).body.sessions).toEqual([]);
});

it.runIf(runs)('asks for the admin token on a 401, keeps it for the tab, and lists the customers with it', async () => {
  const guarded = await startMock({ count: 0, rateLimit: false, adminToken: 'hemmelig' });
  try {
    await page.goto(`${guarded.url}/__admin/console`);
    await page.getByRole('dialog', { name: 'Admin token' }).waitFor();
    await page.getByRole('textbox', { name: 'Admin token' }).fill('feil');
    await page.getByRole('button', { name: 'Use this token' }).click();
    await page.getByText('The admin token was not accepted; enter it again.').waitFor();
    await page.getByRole('textbox', { name: 'Admin token' }).fill('hemmelig');
    await page.getByRole('button', { name: 'Use this token' }).click();
    await page.getByRole('button', { name: 'Open customer 563457' }).waitFor();
    expect(await page.evaluate(() => Object.values(sessionStorage))).toEqual(['hemmelig']);
    expect(await page.evaluate(() => Object.values(localStorage))).toEqual([]);
  } finally {
    await guarded.close();
  }
});

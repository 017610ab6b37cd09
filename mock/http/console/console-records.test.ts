/**
 * The console driven as QA would, in headless Chromium (mock/testing/chromium.ts): edit, validate,
 * template, scenario, act as, bad input. Every test asserts through the API afterwards, not only
 * on the page. One browser for the file; every wait is bounded.
 */
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { browserTestsRun, launchChromium } from '../../testing/chromium.ts';
import { type RunningMock, startMock } from '../../server.ts';
import { clientToken, getJson, postJson } from '../../testing/test-support.ts';

const runs = browserTestsRun;
const WAIT = 5_000;
let mock: RunningMock;
let browser: Browser;
let page: Page;
let token: string;

beforeAll(async () => {
  if (!runs) return;
  mock = await startMock({ count: 20, rateLimit: false });
  browser = await launchChromium();
  token = await clientToken(mock.url);
});
afterAll(async () => {
  await browser?.close();
  await mock?.close();
});
beforeEach(async () => {
  if (!runs) return;
  expect((await postJson(`${mock.url}/__admin/reset`, {})).status).toBe(200);
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(WAIT);
  return () => page.close();
});

const clientInfo = async (customerNumber: number) => (await getJson(`${mock.url}/v1/client/customer/info/${customerNumber}`, { authorization: `Bearer ${token}` })).body;

async function openCustomer(customerNumber: number): Promise<void> {
  await page.goto(`${mock.url}/__admin/console`);
  await page.getByLabel('Filter').fill(String(customerNumber));
  await page.getByRole('button', { name: `Open customer ${customerNumber}` }).click();
  await page.getByRole('heading', { name: `Customer ${customerNumber}` }).waitFor();
}

it.runIf(runs)('edits a customer\'s phone numbers, read back from GET /v1/client/customer/info/{n}', async () => {
  await openCustomer(563457);
  await page.getByRole('group', { name: 'Phone number 1' }).getByRole('textbox', { name: 'Phone number', exact: true }).fill('+4798765432');
  await page.getByRole('button', { name: 'Add phone number' }).click();
  const third = page.getByRole('group', { name: 'Phone number 3' });
  await third.getByRole('textbox', { name: 'Phone number', exact: true }).fill('+4722334455');
  await third.getByLabel('Phone number type').fill('home');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByRole('status').getByText('Saved customer 563457.').waitFor();
  expect((await clientInfo(563457)).phoneNumbers).toEqual([
    { phoneNumber: '+4798765432', phoneNumberType: 'personal' },
    { phoneNumber: '+4723339100', phoneNumberType: 'company' },
    { phoneNumber: '+4722334455', phoneNumberType: 'home' },
  ]);
});

it.runIf(runs)('shows a bad e-mail\'s error beside the field and changes nothing', async () => {
  const before = (await getJson(`${mock.url}/__admin/customers/563457`)).body;
  await openCustomer(563457);
  await page.getByLabel('Email 2').fill('not-an-email');
  await page.getByRole('group', { name: 'Name' }).getByLabel('Last name').fill('Endret');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const field = page.getByLabel('Email 2');
  await expectAttribute(field, 'aria-invalid', 'true');
  const errorId = (await field.getAttribute('aria-describedby'))!.split(' ').find((id) => id.endsWith('-error'))!;
  expect(await page.locator(`#${errorId}`).innerText()).toBe('must be a valid email');
  expect((await getJson(`${mock.url}/__admin/customers/563457`)).body).toEqual(before);
});

it.runIf(runs)('creates 6 customers sharing +4791234567 in one step; the API\'s search by it is then a 403', async () => {
  await page.goto(`${mock.url}/__admin/console#scenario`);
  await page.getByLabel('Number of customers').fill('6');
  await page.getByLabel('Shared phone number').fill('+4791234567');
  await page.getByRole('button', { name: 'Create customers' }).click();
  await page.getByRole('status').getByText('Created 6 customers sharing +4791234567.').waitFor();
  const search = await postJson(`${mock.url}/v1/client/customer/search`, { phoneNumber: '+4791234567' }, { authorization: `Bearer ${token}` });
  expect(search.status).toBe(403);
  expect(search.body.exceptionType).toBe('TooManyResultsException');
  expect((await getJson(`${mock.url}/__admin/customers?q=%2B4791234567`)).body.total).toBe(6);
});

it.runIf(runs)('creates one customer from a template with only a last name and a postal code', async () => {
  await page.goto(`${mock.url}/__admin/console#template`);
  await page.getByRole('group', { name: 'Name' }).getByLabel('Last name').fill('Malsen');
  await page.getByRole('group', { name: 'Address' }).getByLabel('Postal code').fill('0150');
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByRole('region', { name: 'Preview' }).waitFor();
  await page.getByRole('button', { name: 'Save 1 customer' }).click();
  const saved = await page.getByRole('status').getByText(/^Saved 1 customer: \d+\.$/).innerText();
  const customerNumber = Number(/(\d+)\.$/.exec(saved)![1]);
  const record = await clientInfo(customerNumber);
  expect(record.name.lastName).toBe('Malsen');
  // The rest is generated.
  const stored = (await getJson(`${mock.url}/__admin/customers/${customerNumber}`)).body;
  expect(stored.address).toMatchObject({ postalCode: '0150', postalPlace: expect.any(String), streetAddress: expect.any(String) });
  expect(stored.products).toEqual(expect.any(Array));
});

it.runIf(runs)('acts as a customer: the user token it gives reads GET /v1/customer/info', async () => {
  await page.goto(`${mock.url}/__admin/console#act`);
  await page.getByLabel('Customer number').fill('563457');
  await page.getByRole('button', { name: 'Find its users' }).click();
  await page.getByRole('button', { name: 'User token for abc123ee63461dd' }).click();
  const userToken = await page.getByLabel('Token', { exact: true }).inputValue();
  expect(await page.getByLabel('Ready curl').inputValue()).toBe(`curl -s -H "Authorization: Bearer ${userToken}" ${mock.url}/v1/customer/info`);
  const info = await getJson(`${mock.url}/v1/customer/info`, { authorization: `Bearer ${userToken}` });
  expect(info.status).toBe(200);
  expect(info.body.customerNumber).toBe(563457);
});

it.runIf(runs)('duplicates a customer under a new number with new users, then deletes the copy', async () => {
  await openCustomer(563457);
  await page.getByRole('button', { name: 'Duplicate' }).click();
  const heading = await page.getByRole('heading', { name: /^New customer \d+$/ }).innerText();
  const copy = Number(/(\d+)$/.exec(heading)![1]);
  await page.getByRole('button', { name: 'Save new customer' }).click();
  await page.getByRole('status').getByText(`Saved customer ${copy}.`).waitFor();
  const original = (await getJson(`${mock.url}/__admin/customers/563457`)).body;
  const stored = (await getJson(`${mock.url}/__admin/customers/${copy}`)).body;
  expect(stored.name).toEqual(original.name);
  // A credential belongs to one user: the copy has users of its own.
  expect(stored.attachedUsers.map((user: { uniqueId: string }) => user.uniqueId)).not.toContain(original.attachedUsers[0].uniqueId);
  await page.getByRole('button', { name: 'Delete' }).click();
  await page.getByRole('button', { name: `Really delete ${copy}?` }).click();
  await page.getByRole('status').getByText(`Deleted customer ${copy}.`).waitFor();
  expect((await getJson(`${mock.url}/__admin/customers/${copy}`)).status).toBe(404);
});

it.runIf(runs)('shows the API\'s errorMessage for bad input, never a stack or [object Object]', async () => {
  await page.goto(`${mock.url}/__admin/console#act`);
  await page.getByLabel('Customer number').fill('1');
  await page.getByRole('button', { name: 'Find its users' }).click();
  await page.getByText('No customer has customer number 1.').waitFor();
  await page.goto(`${mock.url}/__admin/console#template`);
  await page.getByLabel('Count', { exact: true }).fill('10001');
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.locator('#template-count-error').getByText('must be a whole number from 1 to 10000.').waitFor();
  await page.goto(`${mock.url}/__admin/console#search`);
  await page.getByLabel('Last name').fill('Nordmann');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByText(/HTTP 400 A search needs companyName or lastName/).waitFor();
  const text = await page.locator('body').innerText();
  expect(text).not.toContain('[object Object]');
  expect(text).not.toMatch(/\bat .*\.(ts|js):\d+/);
  // The template's bad count stored nothing: the store is as reset left it.
  expect((await getJson(`${mock.url}/healthz`)).body.customers).toBe(mock.store.size);
});

it.runIf(runs)('works by keyboard at 390×844, from the mock alone, without scrolling sideways', async () => {
  const small = await browser.newPage({ viewport: { width: 390, height: 844 } });
  small.setDefaultTimeout(WAIT);
  try {
    const origin = new URL(mock.url).origin;
    const elsewhere: string[] = [];
    await small.route('**', (route) => {
      if (route.request().url().startsWith(`${origin}/`)) return route.continue();
      elsewhere.push(route.request().url());
      return route.abort();
    });
    await small.goto(`${mock.url}/__admin/console`);
    await small.getByLabel('Filter').focus();
    await small.keyboard.type('563457');
    await small.getByRole('button', { name: 'Open customer 563457' }).waitFor();
    await small.getByText('1–1 of 1').waitFor();
    await small.keyboard.press('Tab');
    await small.keyboard.press('Enter');
    await small.getByRole('heading', { name: 'Customer 563457' }).waitFor();
    expect(await small.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(elsewhere).toEqual([]);
  } finally {
    await small.close();
  }
});

async function expectAttribute(locator: ReturnType<Page['getByLabel']>, name: string, value: string): Promise<void> {
  await locator.and(page.locator(`[${name}="${value}"]`)).waitFor();
}

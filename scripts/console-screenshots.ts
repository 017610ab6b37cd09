/**
 * `npx tsx scripts/console-screenshots.ts [DIR]`: the console's main views in headless Chromium
 * (mock/testing/chromium.ts), saved as PNG files in DIR (default docs/), which the README's
 * section "The console" shows. Seeded data, so a run gives the same pictures.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium } from '../mock/testing/chromium.ts';
import { startMock } from '../mock/server.ts';

const dir = process.argv[2] ?? 'docs';
const mock = await startMock({ count: 40, rateLimit: false });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.setDefaultTimeout(10_000);
  const shot = (name: string, target: Page = page) => target.screenshot({ path: join(dir, `console-${name}.png`) });

  await page.goto(`${mock.url}/__admin/console`);
  await page.getByLabel('Filter').fill('oslo');
  await page.getByText(/ of \d+$/).waitFor();
  await shot('customers');

  await page.getByLabel('Filter').fill('563457');
  await page.getByRole('button', { name: 'Open customer 563457' }).click();
  await page.getByLabel('Email 2').fill('ola.nordmann@');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.getByText('must be a valid email').waitFor();
  await page.getByLabel('Email 2').evaluate((element) => element.scrollIntoView({ block: 'center' }));
  await shot('editor');

  await page.goto(`${mock.url}/__admin/console#template`);
  await page.getByRole('group', { name: 'Name' }).getByLabel('Last name').fill('Malsen');
  await page.getByRole('group', { name: 'Address' }).getByLabel('Postal code').fill('0150');
  await page.getByLabel('Count', { exact: true }).fill('3');
  await page.getByLabel('Seed').fill('7');
  await page.getByRole('button', { name: 'Preview' }).click();
  await page.getByRole('region', { name: 'Preview' }).scrollIntoViewIfNeeded();
  await shot('template');

  await page.goto(`${mock.url}/__admin/console#scenario`);
  await page.getByRole('button', { name: 'Create customers' }).click();
  await page.getByText(/^Created customers/).waitFor();
  await shot('scenario');

  await page.goto(`${mock.url}/__admin/console#act`);
  await page.getByRole('button', { name: 'Find its users' }).click();
  await page.getByRole('button', { name: 'User token for abc123ee63461dd' }).click();
  await page.getByRole('button', { name: 'Call GET /v1/customer/info' }).click();
  await page.getByText('HTTP 200').waitFor();
  await shot('act-as');

  await page.goto(`${mock.url}/__admin/console#search`);
  await page.getByLabel('Phone number').fill('+4791234567');
  await page.getByRole('button', { name: 'Search' }).click();
  await page.getByText(/HTTP 403/).waitFor();
  await shot('search');

  await page.goto(`${mock.url}/__admin/console#journal`);
  await page.getByRole('button', { name: /^POST \/v1\/client\/customer\/search/ }).first().click();
  await shot('journal');

  const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await phone.goto(`${mock.url}/__admin/console`);
  await phone.getByRole('button', { name: 'Open customer 563457' }).waitFor();
  await shot('phone', phone);
} finally {
  await browser.close();
  await mock.close();
}
console.log(`console-screenshots: written to ${dir}/console-*.png`);

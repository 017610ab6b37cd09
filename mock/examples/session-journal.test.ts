import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../server.ts';

// The code under test: it gets a client token and searches by phone number.
async function searchByPhone(apiBase: string, phoneNumber: string): Promise<unknown> {
  const auth = `Basic ${Buffer.from('demo-client:demo-secret').toString('base64')}`;
  const tokenResponse = await fetch(`${apiBase}/user/oauth/token`, { method: 'POST', headers: { authorization: auth }, body: new URLSearchParams({ grant_type: 'client_credentials' }) });
  const { access_token } = (await tokenResponse.json()) as { access_token: string };
  const search = await fetch(`${apiBase}/v1/client/customer/search`, {
    method: 'POST',
    headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ phoneNumber }),
  });
  return search.json();
}

const json = { 'content-type': 'application/json' };
let mock: RunningMock;
let base: string; // this suite's own session: its own customers, tokens and journal

beforeAll(async () => {
  mock = await startMock(); // or use the URL of one mock that all your suites share
  const created = await fetch(`${mock.url}/__admin/sessions`, { method: 'POST', headers: json, body: JSON.stringify({ seed: 7, count: 10 }) });
  base = ((await created.json()) as { baseUrl: string }).baseUrl;
});
afterAll(() => mock.close());

it('searches once, by the phone number it was given', async () => {
  await searchByPhone(base, '+4712345678');
  const counted = await fetch(`${base}/__admin/requests/count`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ operationId: 'searchCustomers', body: { phoneNumber: '+4712345678' } }),
  });
  expect(await counted.json()).toEqual({ count: 1 });
});

/**
 * `--admin-token T` guards every `/__admin` route (docs/reference.md §4): a missing, wrong or differently
 * sent token is a 401 before the route runs, on reads and writes alike, on unknown admin paths too.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../server.ts';

const TOKEN = 'admin-s3cret';
let mock: RunningMock;

beforeAll(async () => {
  mock = await startMock({ rateLimit: false, count: 0, adminToken: TOKEN });
});

afterAll(() => mock.close());

const ROUTES: Array<[method: string, path: string, body?: unknown]> = [
  ['POST', '/__admin/reset', { customers: [] }],
  ['POST', '/__admin/customers', []],
  ['GET', '/__admin/customers?offset=0&limit=1'],
  ['GET', '/__admin/customers/563457'],
  ['GET', '/__admin/export'],
  ['POST', '/__admin/tokens', { customerNumber: 563457 }],
  ['GET', '/__admin/no-such-route'],
  ['GET', '/__ADMIN/customers/563457'],
  ['GET', '/__admin/requests/'],
];

const WRONG: Array<[label: string, headers: Record<string, string>]> = [
  ['no Authorization header', {}],
  ['a wrong token', { authorization: 'Bearer admin-s3creT' }],
  ['a prefix of the token', { authorization: 'Bearer admin-s3cre' }],
  ['the token and more', { authorization: `Bearer ${TOKEN}x` }],
  ['an empty bearer', { authorization: 'Bearer ' }],
  ['the token as Basic credentials', { authorization: `Basic ${Buffer.from(`${TOKEN}:`).toString('base64')}` }],
  ['the token without a scheme', { authorization: TOKEN }],
  ['the token in another header', { 'x-admin-token': TOKEN }],
];

function send(method: string, path: string, body: unknown, headers: Record<string, string>): Promise<Response> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) init.body = JSON.stringify(body);
  if (body !== undefined) (init.headers as Record<string, string>)['content-type'] = 'application/json';
  return fetch(`${mock.url}${path}`, init);
}

it.each(ROUTES)('refuses %s %s given any missing or wrong admin token', async (method, path, body) => {
  const sizeBefore = mock.store.size;
  for (const [label, headers] of WRONG) {
    const response = await send(method, path, body, headers);
    expect(response.status, label).toBe(401);
    expect(response.headers.get('www-authenticate'), label).toMatch(/^Bearer /);
    expect(await response.json(), label).toMatchObject({ error: 'invalid_token' });
  }
  expect(mock.store.size).toBe(sizeBefore);
});

it.each(ROUTES.filter(([, path]) => !/no-such|\/$/.test(path)))('serves %s %s given the admin token', async (method, path, body) => {
  const response = await send(method, path, body, { authorization: `Bearer ${TOKEN}` });
  expect(response.status).not.toBe(401);
  expect(response.status).toBeLessThan(500);
});

it.each(['/__admin', '/__admin/', '/__admin/console', '/__admin/console/console.js'])('serves %s without the token: the start page and the console hold no data', async (path) => {
  const response = await fetch(`${mock.url}${path}`);
  expect(response.status).toBe(200);
  expect(await response.text()).not.toContain('ola.nordmann');
});

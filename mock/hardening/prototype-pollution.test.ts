/**
 * No prototype pollution through JSON keys or query strings (issue 6): `__proto__`, `constructor`
 * and `prototype` keys anywhere in a body reach no prototype; each request is refused with a 4xx or
 * served cleanly, never a 500. The mock runs in this process, so `({}).polluted` here is the
 * server's own `Object.prototype`.
 */
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { clientToken, userToken } from '../testing/test-support.ts';
import { type RunningMock, startMock } from '../server.ts';

let mock: RunningMock;
let tokens: { user: string; client: string };

beforeAll(async () => {
  mock = await startMock({ rateLimit: false, count: 5 });
  tokens = { user: await userToken(mock.url), client: await clientToken(mock.url) };
});

afterAll(() => mock.close());

afterEach(() => {
  // Leave nothing behind for the next case, whatever this one did.
  delete (Object.prototype as Record<string, unknown>).polluted;
});

/** Bodies written as text: an object literal with `__proto__` would set the prototype, not a key. */
const POISONS = [
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"name":{"lastName":"Hansen","__proto__":{"polluted":"yes"}}}',
  '{"emails":["a@example.no"],"phoneNumbers":[{"phoneNumber":"+4712345678","__proto__":{"polluted":"yes"}}]}',
  '[{"__proto__":{"polluted":"yes"}}]',
];

const RECORD = '{"customerNumber":990001,"__proto__":{"polluted":"yes"},"address":{"__proto__":{"polluted":"yes"}},"products":[]}';

type Target = [label: string, path: string, auth: () => Record<string, string>];

const TARGETS: Target[] = [
  ['the update', '/v1/customer/info', () => ({ authorization: `Bearer ${tokens.user}` })],
  ['the search', '/v1/client/customer/search', () => ({ authorization: `Bearer ${tokens.client}` })],
  ['the credential check', '/v1/client/credential/customers/check', () => ({ authorization: `Bearer ${tokens.client}` })],
  ['the admin insert', '/__admin/customers', () => ({})],
  ['the admin reset', '/__admin/reset', () => ({})],
  ['the admin token minting', '/__admin/tokens', () => ({})],
  ['the token endpoint', '/user/oauth/token', () => ({ authorization: `Basic ${Buffer.from('demo-client:demo-secret').toString('base64')}` })],
];

const cases = TARGETS.flatMap(([label, path, auth]) =>
  [...POISONS, ...(path.startsWith('/__admin/customers') ? [RECORD, `[${RECORD}]`] : [])].map((body) => [label, body, path, auth] as const),
);

it.each(cases)('keeps Object.prototype clean given to %s: %s', async (_label, body, path, auth) => {
  const response = await fetch(`${mock.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth() }, body });
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(response.status === 200 || (response.status >= 400 && response.status < 500), `status ${response.status}`).toBe(true);
  const answer = (await response.json()) as Record<string, unknown>;
  if (response.status >= 400) expect(typeof (answer.exceptionType ?? answer.error)).toBe('string');
});

it.each([
  '/__admin/customers?__proto__[polluted]=yes&limit=1',
  '/__admin/customers?constructor[prototype][polluted]=yes&limit=1',
  '/user/oauth/authorize?response_type=code&client_id=demo-client&redirect_uri=http://localhost/cb&__proto__[polluted]=yes',
])('keeps Object.prototype clean given the query string %s', async (path) => {
  const response = await fetch(`${mock.url}${path}`, { redirect: 'manual' });
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(response.status).toBeLessThan(500);
});

it('refuses an admin record with a __proto__ key with a 400 and stores no such key', async () => {
  const record = (await (await fetch(`${mock.url}/__admin/customers/563457`)).json()) as Record<string, unknown>;
  const response = await fetch(`${mock.url}/__admin/customers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(record).replace('{', '{"__proto__":{"polluted":"yes"},'),
  });
  expect(response.status).toBe(400);
  expect(Object.keys(mock.store.get(563457)!)).not.toContain('__proto__');
});

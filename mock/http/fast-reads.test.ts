/**
 * The fast read path (fast-reads.ts, docs/decisions/018) answers exactly as the Express routes do,
 * serves plain reads without Express, and leaves everything else to Express.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SAMPLE_CUSTOMER_NUMBER, SAMPLE_EMAIL, SAMPLE_PHONE, SHARED_PHONE } from '../../fixtures/index.ts';
import { type RunningMock, startMock } from '../server.ts';
import { type Handler, handlers } from './handlers.ts';
import { clientToken, userToken } from './test-support.ts';

let mock: RunningMock;
let client: string;
let user: string;
/** Whether the last handler call had Express's router on its stack. */
let viaExpress: boolean | undefined;

const spied: Record<string, Handler> = Object.fromEntries(
  Object.entries(handlers).map(([id, handler]) => [
    id,
    (input, context) => {
      viaExpress = /node_modules[\\/](express|router)[\\/]/.test(new Error().stack ?? '');
      return handler(input, context);
    },
  ]),
);

beforeAll(async () => {
  mock = await startMock({ count: 20, rateLimit: false }, { handlers: spied });
  client = await clientToken(mock.url);
  user = await userToken(mock.url);
});
afterAll(() => mock.close());

interface Exchange {
  method: 'GET' | 'POST';
  path: string;
  token?: string;
  body?: string;
}

/** `Prefer: delay=0` changes nothing in the answer but sends the request through Express. */
async function send(exchange: Exchange, throughExpress: boolean) {
  const headers: Record<string, string> = {};
  if (exchange.token !== undefined) headers.authorization = `Bearer ${exchange.token}`;
  if (exchange.body !== undefined) headers['content-type'] = 'application/json';
  if (throughExpress) headers.prefer = 'delay=0';
  viaExpress = undefined;
  const res = await fetch(mock.url + exchange.path, { method: exchange.method, headers, body: exchange.body });
  const pick = ['content-type', 'content-length', 'www-authenticate', 'cache-control', 'retry-after'];
  return {
    status: res.status,
    headers: Object.fromEntries(pick.map((name) => [name, res.headers.get(name)])),
    body: await res.text(),
    viaExpress,
  };
}

const info = (n: number | string) => `/v1/client/customer/info/${n}`;
const search = '/v1/client/customer/search';
const cases: Array<[string, () => Exchange]> = [
  ['client info', () => ({ method: 'GET', path: info(SAMPLE_CUSTOMER_NUMBER), token: client })],
  ['client info under /capi', () => ({ method: 'GET', path: `/capi${info(SAMPLE_CUSTOMER_NUMBER)}`, token: client })],
  ['user info', () => ({ method: 'GET', path: '/v1/customer/info', token: user })],
  ['a search', () => ({ method: 'POST', path: search, token: client, body: JSON.stringify({ phoneNumber: SAMPLE_PHONE }) })],
  ['a credential check', () => ({ method: 'POST', path: '/v1/client/credential/customers/check', token: client, body: JSON.stringify({ credentials: [SAMPLE_EMAIL] }) })],
  ['no token', () => ({ method: 'GET', path: info(SAMPLE_CUSTOMER_NUMBER) })],
  ['an unknown token', () => ({ method: 'GET', path: info(SAMPLE_CUSTOMER_NUMBER), token: 'nope' })],
  ['a token of the wrong kind', () => ({ method: 'GET', path: info(SAMPLE_CUSTOMER_NUMBER), token: user })],
  ['an unknown customer', () => ({ method: 'GET', path: info(999_999_999), token: client })],
  ['a number that is not one', () => ({ method: 'GET', path: info('abc'), token: client })],
  ['malformed JSON', () => ({ method: 'POST', path: search, token: client, body: '{"phoneNumber": ' })],
  ['an unknown field', () => ({ method: 'POST', path: search, token: client, body: '{"phoneNumber":"+4712345678","shoeSize":42}' })],
  ['a prototype key', () => ({ method: 'POST', path: search, token: client, body: '{"phoneNumber":"+4712345678","__proto__":{"polluted":1}}' })],
  ['a search without a shape', () => ({ method: 'POST', path: search, token: client, body: '{"firstName":"Ola"}' })],
  ['more than five matches', () => ({ method: 'POST', path: search, token: client, body: JSON.stringify({ phoneNumber: SHARED_PHONE }) })],
];

it.each(cases)('answers %s with the same status, headers and bytes as the Express route', async (_name, exchange) => {
  const fast = await send(exchange(), false);
  const slow = await send(exchange(), true);
  expect({ ...fast, viaExpress: undefined }).toEqual({ ...slow, viaExpress: undefined });
});

it('serves a plain read without Express', async () => {
  expect((await send(cases[0]![1](), false)).viaExpress).toBe(false);
  expect((await send(cases[3]![1](), false)).viaExpress).toBe(false);
});

it('hands a request with a Prefer header, a query string or a write to Express', async () => {
  expect((await send(cases[0]![1](), true)).viaExpress).toBe(true);
  expect((await send({ ...cases[0]![1](), path: `${info(SAMPLE_CUSTOMER_NUMBER)}?x=1` }, false)).viaExpress).toBe(true);
  const update = { method: 'POST' as const, path: '/v1/customer/info', token: user, body: '{"name":{"lastName":"Nordmann"}}' };
  expect((await send(update, false)).viaExpress).toBe(true);
});

it('is off when rate limits are on, so every call is counted in one place', async () => {
  const limited = await startMock({ count: 0 }, { handlers: spied });
  try {
    const token = await clientToken(limited.url);
    viaExpress = undefined;
    const res = await fetch(`${limited.url}${info(SAMPLE_CUSTOMER_NUMBER)}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.headers.get('x-ratelimit-remaining')).not.toBeNull();
    expect(viaExpress).toBe(true);
  } finally {
    await limited.close();
  }
});

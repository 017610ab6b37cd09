/** docs/reference.md §1 and §3 "Rate limits": per client, both windows, headers on every API response. */
import { afterEach, expect, it } from 'vitest';
import { SAMPLE_CUSTOMER_NUMBER } from '../../fixtures/index.ts';
import type { MockConfig } from '../config.ts';
import { type RunningMock, startMock } from '../server.ts';
import { manualClock } from './components.ts';
import { callOperation, clientToken, postJson, userToken } from '../testing/test-support.ts';

let mock: RunningMock | undefined;
afterEach(() => mock?.close());

/** A clock in the middle of a minute, so both windows start fresh and stay put. */
async function start(overrides: Partial<MockConfig> = {}) {
  const clock = manualClock(Date.UTC(2026, 0, 1, 12, 0, 30, 0));
  mock = await startMock({ count: 0, ...overrides }, { clock });
  return { clock, url: mock.url };
}

const info = (url: string, token: string) =>
  callOperation(url, 'getClientCustomerInfo', { token, params: { customerNumber: SAMPLE_CUSTOMER_NUMBER } });

it('puts X-RateLimit-Remaining and X-RateLimit-Reset on responses, errors included', async () => {
  const { url, clock } = await start();
  const token = await clientToken(url);
  const ok = await info(url, token);
  expect(ok.headers.get('x-ratelimit-remaining')).toBe('99');
  expect(ok.headers.get('x-ratelimit-reset')).toBe(String(Math.floor(clock.now() / 1000) + 1));
  const missing = await callOperation(url, 'getClientCustomerInfo', { token, params: { customerNumber: 999999999 } });
  expect(missing.status).toBe(404);
  expect(missing.headers.get('x-ratelimit-remaining')).toBe('98');
});

it('puts the headers on a 403 for a token of the wrong kind', async () => {
  const { url } = await start();
  const result = await callOperation(url, 'getCustomerInfo', { token: await clientToken(url) });
  expect(result.status).toBe(403);
  expect(result.headers.get('x-ratelimit-remaining')).toBe('99');
});

it('returns 429 with Retry-After on the 101st call in one second, and serves again in the next', async () => {
  const { url, clock } = await start();
  const token = await clientToken(url);
  for (let i = 0; i < 100; i++) expect((await info(url, token)).status).toBe(200);
  const refused = await info(url, token);
  expect(refused.status).toBe(429);
  expect(refused.body.exceptionType).toBe('TooManyRequestsException');
  expect(refused.headers.get('retry-after')).toBe('1');
  expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
  clock.advance(1000);
  expect((await info(url, token)).status).toBe(200);
});

it('returns 429 once the minute limit is reached, until the minute ends', async () => {
  const { url, clock } = await start({ rateLimits: { perSecond: 100, perMinute: 3 } });
  const token = await clientToken(url);
  for (let i = 0; i < 3; i++) {
    expect((await info(url, token)).status).toBe(200);
    clock.advance(1000);
  }
  const refused = await info(url, token);
  expect(refused.status).toBe(429);
  expect(refused.headers.get('retry-after')).toBe('27');
  clock.advance(27_000);
  expect((await info(url, token)).status).toBe(200);
});

it('counts a user token for the client it was issued to', async () => {
  const { url } = await start({ rateLimits: { perSecond: 2, perMinute: 100 } });
  const client = await clientToken(url);
  const user = await userToken(url);
  expect((await info(url, client)).status).toBe(200);
  expect((await callOperation(url, 'getCustomerInfo', { token: user })).status).toBe(200);
  expect((await info(url, client)).status).toBe(429);
});

it('counts each client on its own', async () => {
  const { url } = await start({ rateLimits: { perSecond: 1, perMinute: 100 } });
  const demo = await clientToken(url);
  const other = (await postJson(`${url}/__admin/tokens`, { clientId: 'other-client' })).body.access_token;
  expect((await info(url, demo)).status).toBe(200);
  expect((await info(url, other)).status).toBe(200);
  expect((await info(url, demo)).status).toBe(429);
});

it('neither limits nor sends the headers with --rate-limit off', async () => {
  const { url } = await start({ rateLimit: false, rateLimits: { perSecond: 1, perMinute: 1 } });
  const token = await clientToken(url);
  for (let i = 0; i < 3; i++) {
    const result = await info(url, token);
    expect(result.status).toBe(200);
    expect(result.headers.get('x-ratelimit-remaining')).toBeNull();
  }
});

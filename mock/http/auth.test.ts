/** docs/reference.md §3 "Auth": bearer checks on the API, token kinds, expiry on the injected clock. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SAMPLE_CUSTOMER_NUMBER } from '../../fixtures/index.ts';
import { type RunningMock, startMock } from '../server.ts';
import { manualClock } from './components.ts';
import { callOperation, clientToken, userToken } from '../testing/test-support.ts';

const clock = manualClock();
let mock: RunningMock;

beforeAll(async () => {
  mock = await startMock({ count: 0, rateLimit: false, tokenTtl: 60 }, { clock });
});
afterAll(() => mock.close());

const clientInfo = (token?: string) =>
  callOperation(mock.url, 'getClientCustomerInfo', { ...(token ? { token } : {}), params: { customerNumber: SAMPLE_CUSTOMER_NUMBER } });

it('returns 401 invalid_token with WWW-Authenticate given no bearer', async () => {
  const result = await clientInfo();
  expect(result.status).toBe(401);
  expect(result.body.error).toBe('invalid_token');
  expect(result.headers.get('www-authenticate')).toMatch(/^Bearer realm="connect", error="invalid_token"/);
});

it('returns 401 invalid_token given an unknown bearer', async () => {
  const result = await clientInfo('at_not-a-token');
  expect(result.status).toBe(401);
  expect(result.body.error_description).toMatch(/not known/);
});

it('returns 401 given a Basic instead of a Bearer authorization', async () => {
  const result = await callOperation(mock.url, 'getCustomerInfo', { headers: { authorization: 'Basic ZGVtby1jbGllbnQ6ZGVtby1zZWNyZXQ=' } });
  expect(result.status).toBe(401);
});

it('takes the bearer in any form RFC 6750 allows, and says which form is wrong', async () => {
  const token = await clientToken(mock.url);
  const withHeader = (authorization: string) => callOperation(mock.url, 'getClientCustomerInfo', { headers: { authorization }, params: { customerNumber: SAMPLE_CUSTOMER_NUMBER } });
  for (const header of [`Bearer ${token}`, `bearer ${token}`, `BEARER   ${token}`, `Bearer ${token}  `]) {
    expect((await withHeader(header)).status, header).toBe(200);
  }
  const malformed = await withHeader(`Bearer ${token} extra`);
  expect(malformed.status).toBe(401);
  expect(malformed.body.error_description).toMatch(/must be "Bearer <access token>"/);
  expect((await withHeader(`Bearer x${token}`)).body.error_description).toMatch(/not known/);
});

it('returns 401 invalid_token once the token expired on the clock', async () => {
  const token = await clientToken(mock.url);
  expect((await clientInfo(token)).status).toBe(200);
  clock.advance(59_000);
  expect((await clientInfo(token)).status).toBe(200);
  clock.advance(1_000);
  const result = await clientInfo(token);
  expect(result.status).toBe(401);
  expect(result.body.error_description).toMatch(/expired/);
  expect(result.headers.get('www-authenticate')).toContain('invalid_token');
});

it('returns 403 insufficient_scope given a client token on a user endpoint', async () => {
  const result = await callOperation(mock.url, 'getCustomerInfo', { token: await clientToken(mock.url) });
  expect(result.status).toBe(403);
  expect(result.body.error).toBe('insufficient_scope');
  expect(result.headers.get('www-authenticate')).toContain('insufficient_scope');
});

it('returns 403 insufficient_scope given a user token on a client endpoint', async () => {
  const result = await clientInfo(await userToken(mock.url));
  expect(result.status).toBe(403);
  expect(result.body.error).toBe('insufficient_scope');
});

it('returns 403 insufficient_scope given a user token on search', async () => {
  const result = await callOperation(mock.url, 'searchCustomers', { token: await userToken(mock.url), body: { phoneNumber: '+4712345678' } });
  expect(result.status).toBe(403);
  expect(result.body.error).toBe('insufficient_scope');
});

it('answers expires_in from --token-ttl', async () => {
  const response = await fetch(`${mock.url}/user/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=client_credentials&client_id=demo-client&client_secret=demo-secret',
  });
  expect((await response.json()).expires_in).toBe(60);
});

/**
 * Size limits and slow-client timeouts (issue 6): every refusal is a 4xx with the API's
 * `{exceptionType, errorMessage}` body, also those that Node's HTTP parser raises before Express.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../config.ts';
import { userToken } from '../testing/test-support.ts';
import { type RunningMock, startMock } from '../server.ts';
import { rawRequest } from './raw-http.ts';

let mock: RunningMock;

beforeAll(async () => {
  mock = await startMock({ rateLimit: false, count: 0, limits: { ...DEFAULT_CONFIG.limits, headersTimeoutMs: 400, requestTimeoutMs: 800 } });
});

afterAll(() => mock.close());

const head = (target: string, extra = '') => `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${extra}Connection: close\r\n\r\n`;

it('guards the server with limits tighter than Node’s defaults', () => {
  expect(DEFAULT_CONFIG.limits).toEqual({ maxUrlBytes: 8192, maxHeaderBytes: 16384, headersTimeoutMs: 10_000, requestTimeoutMs: 30_000 });
});

it('answers 413 with the API error body given a body over 1 MiB', async () => {
  const token = await userToken(mock.url);
  const body = JSON.stringify({ emails: ['a@example.no'], padding: 'x'.repeat(1024 * 1024) });
  const response = await fetch(`${mock.url}/v1/customer/info`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body,
  });
  expect(response.status).toBe(413);
  expect(await response.json()).toMatchObject({ exceptionType: 'PayloadTooLargeException' });
});

it.each([
  ['a long query string', `/v1/client/customer/info/563457?pad=${'a'.repeat(8200)}`],
  ['a long path', `/v1/client/customer/info/${'1'.repeat(8200)}`],
  ['a long admin path', `/__admin/customers/${'1'.repeat(8200)}`],
])('answers 414 with the API error body given a URL over 8 KiB with %s', async (_label, target) => {
  const response = await fetch(`${mock.url}${target}`);
  expect(response.status).toBe(414);
  expect(await response.json()).toEqual({ exceptionType: 'UriTooLongException', errorMessage: expect.stringContaining('8 KiB') });
});

it('answers a browser app\'s long URL with a 414 it can read: CORS headers included, preflight granted', async () => {
  const target = `${mock.url}/v1/client/customer/info/563457?pad=${'a'.repeat(8200)}`;
  const origin = 'http://app.localhost:5173';
  const preflight = await fetch(target, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
  expect(preflight.status).toBe(204);
  const response = await fetch(target, { headers: { origin } });
  expect(response.status).toBe(414);
  expect(response.headers.get('access-control-allow-origin')).toBe(origin);
  expect(response.headers.get('access-control-expose-headers')).toContain('Retry-After');
});

it('serves a URL just under the limit', async () => {
  const response = await fetch(`${mock.url}/healthz?pad=${'a'.repeat(8000)}`);
  expect(response.status).toBe(200);
});

it('answers 431 with the API error body given headers over 16 KiB', async () => {
  const exchange = await rawRequest(mock.url, head('/healthz', `X-Padding: ${'a'.repeat(17 * 1024)}\r\n`));
  expect(exchange.status).toBe(431);
  expect(exchange.body).toEqual({ exceptionType: 'RequestHeaderFieldsTooLargeException', errorMessage: expect.stringContaining('16 KiB') });
  expect(exchange.closedByServer).toBe(true);
});

it('answers 400 with the API error body given bytes that are not HTTP', async () => {
  const exchange = await rawRequest(mock.url, 'HELLO THERE\r\n\r\n');
  expect(exchange.status).toBe(400);
  expect(exchange.body).toMatchObject({ exceptionType: 'BadRequestException' });
});

it('answers 408 and closes given a client that never finishes its headers (headersTimeout)', async () => {
  const exchange = await rawRequest(mock.url, 'GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ', 5000);
  expect(exchange.status).toBe(408);
  expect(exchange.body).toMatchObject({ exceptionType: 'RequestTimeoutException' });
  expect(exchange.closedByServer).toBe(true);
  expect(exchange.elapsedMs).toBeLessThan(4000);
});

it('answers 408 and closes given a client that never finishes its body (requestTimeout)', async () => {
  const request = 'POST /__admin/customers HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"customerNumber":';
  const exchange = await rawRequest(mock.url, request, 5000);
  expect(exchange.status).toBe(408);
  expect(exchange.body).toMatchObject({ exceptionType: 'RequestTimeoutException' });
  expect(exchange.closedByServer).toBe(true);
  expect(exchange.elapsedMs).toBeLessThan(4000);
});

it('keeps serving after refusing every kind of bad request', async () => {
  expect((await fetch(`${mock.url}/healthz`)).status).toBe(200);
});

/**
 * Protocol edges (issue 16): too many header fields is a 431, not a silent drop; invalid UTF-8 in
 * a JSON body is a 400; a method a known path does not take is a 405 with `Allow`; an HTTP/1.1
 * request without Host gets the API's error body.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startWithClientToken } from '../testing/test-support.ts';
import type { RunningMock } from '../server.ts';
import { rawRequest } from './raw-http.ts';

let mock: RunningMock;
let token: string;

beforeAll(async () => ({ mock, token } = await startWithClientToken()));

afterAll(() => mock.close());

it('answers 431 with the API error body given more than 2000 header fields, even when the Authorization comes last', async () => {
  const filler = Array.from({ length: 2001 }, (_, i) => `x${i.toString(36)}:1\r\n`).join('');
  const exchange = await rawRequest(mock.url, `GET /v1/client/customer/info/563457 HTTP/1.1\r\nHost: 127.0.0.1\r\n${filler}Authorization: Bearer ${token}\r\nConnection: close\r\n\r\n`);
  expect(exchange.status).toBe(431);
  expect(exchange.body).toMatchObject({ exceptionType: 'RequestHeaderFieldsTooLargeException' });
});

it('serves a request with 1000 header fields', async () => {
  const filler = Array.from({ length: 1000 }, (_, i) => `x${i.toString(36)}:1\r\n`).join('');
  const exchange = await rawRequest(mock.url, `GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n${filler}Connection: close\r\n\r\n`);
  expect(exchange.status).toBe(200);
});

it('answers 400 given a JSON body that is not valid UTF-8', async () => {
  const body = Buffer.concat([Buffer.from('{"phoneNumber":"+47'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
  const response = await fetch(`${mock.url}/v1/client/customer/search`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body,
  });
  expect(response.status).toBe(400);
  expect((await response.json()).errorMessage).toMatch(/UTF-8/);
});

it.each([
  ['DELETE', '/v1/client/customer/search', 'POST'],
  ['PUT', '/v1/customer/info', 'GET, POST, HEAD'],
  ['GET', '/capi/v1/client/customer/search', 'POST'],
  ['DELETE', '/v1/client/customer/info/563457', 'GET, HEAD'],
  ['OPTIONS', '/user/oauth/token', 'POST'],
  ['POST', '/healthz', 'GET, HEAD'],
])('answers %s %s with 405 and Allow: %s', async (method, path, allowed) => {
  const response = await fetch(`${mock.url}${path}`, { method, headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(405);
  expect(response.headers.get('allow')).toBe(allowed);
  expect(await response.json()).toMatchObject({ exceptionType: 'MethodNotAllowedException' });
});

it('answers an HTTP/1.1 request without Host with 400 and the API error body', async () => {
  const exchange = await rawRequest(mock.url, 'GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n');
  expect(exchange.status).toBe(400);
  expect(exchange.body).toMatchObject({ exceptionType: 'BadRequestException', errorMessage: expect.stringContaining('Host') });
});

it('serves an HTTP/1.0 request without Host, which that version allows', async () => {
  const exchange = await rawRequest(mock.url, 'GET /healthz HTTP/1.0\r\n\r\n');
  expect(exchange.response).toMatch(/^HTTP\/1\.1 200/);
});

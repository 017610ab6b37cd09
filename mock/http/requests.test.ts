/** docs/reference.md §3 "Validation" and the routing rules: bodies, content types, sizes, unknown routes, no 500s. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SAMPLE_PHONE } from '../../fixtures/index.ts';
import { errors } from '../core/errors.ts';
import { type RunningMock, startMock } from '../server.ts';
import { handlers } from './handlers.ts';
import { callOperation, clientToken, expectSpecResponse, getJson, startWithClientToken } from '../testing/test-support.ts';

let mock: RunningMock;
let token: string;

beforeAll(async () => ({ mock, token } = await startWithClientToken()));
afterAll(() => mock.close());

const search = (options: { rawBody?: string; contentType?: string; body?: unknown }) =>
  callOperation(mock.url, 'searchCustomers', { token, ...options });

it('returns 400 MalformedJsonException given malformed JSON', async () => {
  const result = await search({ rawBody: '{"phoneNumber": ' });
  expect(result.status).toBe(400);
  expect(result.body.exceptionType).toBe('MalformedJsonException');
});

it('returns 415 given a body that is not application/json', async () => {
  const result = await search({ rawBody: `phoneNumber=${SAMPLE_PHONE}`, contentType: 'text/plain' });
  expect(result.status).toBe(415);
  expect(result.body.errorMessage).toContain('text/plain');
});

it('accepts application/json with a charset', async () => {
  const result = await search({ body: { phoneNumber: SAMPLE_PHONE }, contentType: 'application/json; charset=utf-8' });
  expect(result.status).toBe(200);
});

it('returns 413 given a body over 1 MiB', async () => {
  const result = await search({ rawBody: JSON.stringify({ email: 'a'.repeat(1024 * 1024) }) });
  expect(result.status).toBe(413);
  expect(result.body.exceptionType).toBe('PayloadTooLargeException');
});

it('returns 400 given a required body that is missing', async () => {
  const result = await callOperation(mock.url, 'searchCustomers', { token });
  expect(result.status).toBe(400);
  expect(result.body.errorMessage).toMatch(/body: is required/);
});

it.each(['null', '[]', '42', '"text"'])('returns 400 given the search body %s', async (rawBody) => {
  const result = await search({ rawBody });
  expect(result.status).toBe(400);
  expect(result.body.exceptionType).toBe('ValidationException');
});

it('returns 400, not 500, given a path parameter with broken percent-encoding', async () => {
  const result = await getJson(`${mock.url}/v1/client/customer/info/%E0%A4%A`, { authorization: `Bearer ${token}` });
  expectSpecResponse('getClientCustomerInfo', result);
  expect(result.status).toBe(400);
  expect(result.body.exceptionType).toBe('ValidationException');
});

it('returns 400, not 500, given a gzip body that does not decode', async () => {
  const result = await callOperation(mock.url, 'searchCustomers', {
    token, rawBody: 'not gzip at all', headers: { 'content-encoding': 'gzip' },
  });
  expect(result.status).toBe(400);
});

it('returns 404 with the API error body given an unknown route', async () => {
  const result = await getJson(`${mock.url}/v1/nothing/here`);
  expect(result.status).toBe(404);
  expect(result.body).toEqual({ exceptionType: 'NotFoundException', errorMessage: 'There is no endpoint GET /v1/nothing/here.' });
});

it('returns 405 with Allow given a known path with the wrong method', async () => {
  const result = await getJson(`${mock.url}/v1/client/customer/search`, { authorization: `Bearer ${token}` });
  expect(result.status).toBe(405);
  expect(result.headers.get('allow')).toBe('POST');
  expect(result.body.exceptionType).toBe('MethodNotAllowedException');
});

it('answers 500 with the API error body when a handler fails unexpectedly, and keeps serving', async () => {
  const failing = await startMock({ count: 0, rateLimit: false }, {
    handlers: { ...handlers, searchCustomers: () => { throw new TypeError('boom'); } },
  });
  try {
    const other = await clientToken(failing.url);
    const result = await callOperation(failing.url, 'searchCustomers', { token: other, body: { phoneNumber: SAMPLE_PHONE } });
    expect(result.status).toBe(500);
    expect(result.body).toEqual(errors.internal().body());
    expect((await getJson(`${failing.url}/healthz`)).status).toBe(200);
  } finally {
    await failing.close();
  }
});

it('refuses to start given an operation without a handler', async () => {
  const { getCustomerInfo: _dropped, ...rest } = handlers;
  await expect(startMock({ count: 0 }, { handlers: rest })).rejects.toThrow(/no handler for getCustomerInfo/);
});

it('refuses to start given a handler without an operation', async () => {
  await expect(startMock({ count: 0 }, { handlers: { ...handlers, deleteCustomer: () => ({}) } })).rejects.toThrow(
    /no operation for deleteCustomer/,
  );
});

it('answers GET /healthz with 200 when ready', async () => {
  const result = await getJson(`${mock.url}/healthz`);
  expect(result.status).toBe(200);
  expect(result.body.status).toBe('ok');
});

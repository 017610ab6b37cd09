/** docs/reference.md §3 "Fault injection": Prefer code and delay, and --fault-rate, over HTTP. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SAMPLE_CUSTOMER_NUMBER } from '../../fixtures/index.ts';
import { type RunningMock, startMock } from '../server.ts';
import { callOperation, getJson, postForm, postJson, DEMO_BASIC, startWithClientToken } from '../testing/test-support.ts';

let mock: RunningMock;
let token: string;

beforeAll(async () => ({ mock, token } = await startWithClientToken()));
afterAll(() => mock.close());

const info = (prefer?: string, bearer = token, url = mock.url) =>
  callOperation(url, 'getClientCustomerInfo', {
    token: bearer,
    params: { customerNumber: SAMPLE_CUSTOMER_NUMBER },
    ...(prefer ? { headers: { prefer } } : {}),
  });

it('answers 429 with Retry-After given Prefer: code=429', async () => {
  const result = await info('code=429');
  expect(result.status).toBe(429);
  expect(result.body.exceptionType).toBe('TooManyRequestsException');
  expect(result.headers.get('retry-after')).toBe('1');
});

it('answers 500 with the catalogue body given Prefer: code=500', async () => {
  const result = await info('code=500');
  expect(result.status).toBe(500);
  expect(result.body.exceptionType).toBe('InternalServerErrorException');
});

it('answers 404 given Prefer: code=404 where the operation documents it', async () => {
  expect((await info('code=404')).status).toBe(404);
});

it('answers 400 naming the documented codes given a code the operation does not document', async () => {
  const result = await callOperation(mock.url, 'getCustomerInfo', { token: await userTokenFor(), headers: { prefer: 'code=413' } });
  expect(result.status).toBe(400);
  expect(result.body.errorMessage).toMatch(/code=413 is not documented/);
});

it('answers 400 given an unknown preference', async () => {
  const result = await info('return=minimal');
  expect(result.status).toBe(400);
  expect(result.body.errorMessage).toMatch(/not a known preference/);
});

it('serves normally given Prefer: code=200', async () => {
  expect((await info('code=200')).status).toBe(200);
});

it('adds latency given Prefer: delay=MS', async () => {
  const started = performance.now();
  const result = await info('delay=250');
  expect(result.status).toBe(200);
  expect(performance.now() - started).toBeGreaterThanOrEqual(240);
});

it('combines code and delay in one Prefer header', async () => {
  const started = performance.now();
  const result = await info('code=500, delay=150');
  expect(result.status).toBe(500);
  expect(performance.now() - started).toBeGreaterThanOrEqual(140);
});

it('answers 400 given a delay over 10 seconds', async () => {
  const result = await info('delay=10001');
  expect(result.status).toBe(400);
  expect(result.body.errorMessage).toMatch(/delay/);
});

it('still needs a valid token given a Prefer header', async () => {
  expect((await info('code=500', 'at_unknown')).status).toBe(401);
});

it('answers every API call with 500 at --fault-rate 1, and spares OAuth, admin and health', async () => {
  const faulty = await startMock({ count: 0, rateLimit: false, faultRate: 1 });
  try {
    const tokenResponse = await postForm(`${faulty.url}/user/oauth/token`, { grant_type: 'client_credentials' }, { authorization: DEMO_BASIC });
    expect(tokenResponse.status).toBe(200);
    const result = await info(undefined, tokenResponse.body.access_token, faulty.url);
    expect(result.status).toBe(500);
    expect((await getJson(`${faulty.url}/healthz`)).status).toBe(200);
    expect((await getJson(`${faulty.url}/__admin/customers/${SAMPLE_CUSTOMER_NUMBER}`)).status).toBe(200);
    expect((await info(undefined, 'at_unknown', faulty.url)).status).toBe(401);
  } finally {
    await faulty.close();
  }
});

it('injects faults into about the given share of calls, the same ones for the same seed', async () => {
  const pattern = async () => {
    const faulty = await startMock({ count: 0, rateLimit: false, faultRate: 0.3, seed: 7 });
    try {
      const bearer = (await postJson(`${faulty.url}/__admin/tokens`, { clientId: 'demo-client' })).body.access_token;
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) statuses.push((await info(undefined, bearer, faulty.url)).status);
      return statuses;
    } finally {
      await faulty.close();
    }
  };
  const first = await pattern();
  const failures = first.filter((status) => status === 500).length;
  expect(failures).toBeGreaterThan(4);
  expect(failures).toBeLessThan(24);
  expect(await pattern()).toEqual(first);
});

async function userTokenFor(): Promise<string> {
  return (await postJson(`${mock.url}/__admin/tokens`, { customerNumber: SAMPLE_CUSTOMER_NUMBER })).body.access_token;
}

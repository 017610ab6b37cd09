/**
 * Three mock processes on one Redis serve one mock (docs/decisions/037): a write acknowledged by
 * one is seen by the very next request to each other one, for every kind of write; a code is
 * redeemed once; rate limits count across processes; the journal is one list.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SAMPLE_CUSTOMER_NUMBER, SAMPLE_EMAIL, SAMPLE_UNIQUE_ID } from '../../../fixtures/scenario-sample.ts';
import { customer } from '../../core/test-records.ts';
import { type MockProcess, startMockProcess } from '../../testing/mock-process.ts';
import { authorizationCode, call, REDIRECT, tokenRequest } from '../../testing/http.ts';
import { startRedisServer, type TestRedis } from '../../testing/redis-server.ts';

let redis: TestRedis;
let mocks: MockProcess[];
let urls: string[];

beforeAll(async () => {
  redis = await startRedisServer();
  const flags = ['--redis', redis.url, '--redis-prefix', 'three', '--count', '20'];
  mocks = await Promise.all([0, 1, 2].map(() => startMockProcess(flags)));
  urls = mocks.map((mock) => mock.url);
});

afterAll(async () => {
  await Promise.all((mocks ?? []).map((mock) => mock.stop()));
  await redis?.stop();
});

/** Each process but `i`. */
const others = (i: number) => urls.filter((_, j) => j !== i);

it('names its state and process on /healthz', async () => {
  const health = await Promise.all(urls.map((url) => call(`${url}/healthz`)));
  expect(health.map((h) => h.body.state)).toStrictEqual(['redis', 'redis', 'redis']);
  expect(new Set(health.map((h) => h.body.pid)).size).toBe(3);
});

it('shows an update, and the token it was made with, on every other process at once', async () => {
  const { body: tokens } = await call(`${urls[0]}/__admin/tokens`, { json: { credential: SAMPLE_EMAIL } });
  const updated = await call(`${urls[0]}/v1/customer/info`, { token: tokens.access_token, json: { name: { lastName: 'Shared' } } });
  expect(updated.status).toBe(200);
  for (const url of others(0)) {
    const info = await call(`${url}/v1/customer/info`, { token: tokens.access_token });
    expect(info.status).toBe(200);
    expect(info.body.name.lastName).toBe('Shared');
  }
});

it('shows an admin insert, a delete and a reset on every other process at once', async () => {
  expect((await call(`${urls[1]}/__admin/customers`, { json: customer(9_000_001) })).status).toBe(200);
  for (const url of others(1)) expect((await call(`${url}/__admin/customers/9000001`)).body.customerNumber).toBe(9_000_001);
  expect((await call(`${urls[2]}/__admin/customers/9000001`, { method: 'DELETE' })).status).toBe(204);
  for (const url of others(2)) expect((await call(`${url}/__admin/customers/9000001`)).status).toBe(404);
  const reset = await call(`${urls[0]}/__admin/reset`, { json: { seed: 7, count: 5 } });
  expect(reset.body.count).toBeGreaterThan(5);
  for (const url of others(0)) expect((await call(`${url}/__admin/customers?limit=1`)).body.total).toBe(reset.body.count);
  await call(`${urls[0]}/__admin/reset`, { json: {} });
});

it('issues and revokes tokens for every process: a code replayed on another process revokes what it gave', async () => {
  const code = await authorizationCode(urls[0]!, SAMPLE_EMAIL);
  const first = await tokenRequest(urls[1]!, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
  expect(first.status).toBe(200);
  expect((await call(`${urls[2]}/v1/customer/info`, { token: first.body.access_token })).status).toBe(200);
  const replay = await tokenRequest(urls[2]!, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
  expect(replay.status).toBe(400);
  for (const url of urls) expect((await call(`${url}/v1/customer/info`, { token: first.body.access_token })).status).toBe(401);
});

it('rotates refresh tokens for every process: the old one is spent everywhere, and its reuse revokes the new pair', async () => {
  const code = await authorizationCode(urls[2]!, SAMPLE_EMAIL);
  const first = await tokenRequest(urls[2]!, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT });
  const rotated = await tokenRequest(urls[0]!, { grant_type: 'refresh_token', refresh_token: first.body.refresh_token });
  expect(rotated.status).toBe(200);
  expect((await call(`${urls[1]}/v1/customer/info`, { token: rotated.body.access_token })).status).toBe(200);
  const reused = await tokenRequest(urls[1]!, { grant_type: 'refresh_token', refresh_token: first.body.refresh_token });
  expect(reused.status).toBe(400);
  for (const url of urls) expect((await call(`${url}/v1/customer/info`, { token: rotated.body.access_token })).status).toBe(401);
});

it('redeems one code exactly once when 50 exchanges of it race over three processes', async () => {
  const code = await authorizationCode(urls[0]!, SAMPLE_EMAIL);
  const answers = await Promise.all(
    Array.from({ length: 50 }, (_, i) => tokenRequest(urls[i % 3]!, { grant_type: 'authorization_code', code, redirect_uri: REDIRECT })),
  );
  expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
  expect(answers.filter((a) => a.status === 400)).toHaveLength(49);
});

it('creates and ends sessions for every process, with their customers, tokens and journal', async () => {
  const created = await call(`${urls[0]}/__admin/sessions`, { json: { id: 'team-1', seed: 3, count: 4 } });
  expect(created.status).toBe(201);
  const session = (url: string) => `${url}/__sessions/team-1`;
  for (const url of others(0)) expect((await call(`${session(url)}/__admin/customers?limit=1`)).body.total).toBe(created.body.count);
  const { body: tokens } = await call(`${session(urls[1]!)}/__admin/tokens`, { json: { clientId: 'session-client' } });
  for (const url of urls) expect((await call(`${session(url)}/v1/client/customer/info/${SAMPLE_CUSTOMER_NUMBER}`, { token: tokens.access_token })).status).toBe(200);
  // The root does not know the session's token.
  expect((await call(`${urls[2]}/v1/client/customer/info/${SAMPLE_CUSTOMER_NUMBER}`, { token: tokens.access_token })).status).toBe(401);
  const journals = await eventually(() => Promise.all(urls.map((url) => call(`${session(url)}/__admin/requests?operationId=getClientCustomerInfo`))), (all) => all.every((j) => j.body.total === 3));
  expect(journals.map((j) => j.body.requests.map((r: { id: number }) => r.id))).toStrictEqual(Array(3).fill(journals[0]!.body.requests.map((r: { id: number }) => r.id)));
  expect((await call(`${urls[1]}/__admin/sessions/team-1`, { method: 'DELETE' })).status).toBe(204);
  for (const url of urls) expect((await call(`${session(url)}/healthz`)).status).toBe(404);
});

it('counts the rate limit of a client across processes: 150 calls in one second over three give exactly 50 429s', async () => {
  for (let attempt = 0; ; attempt++) {
    const { body: tokens } = await call(`${urls[0]}/__admin/tokens`, { json: { clientId: `burst-${attempt}` } });
    // Start at the beginning of a second, so the burst falls in one window.
    await new Promise((resolve) => setTimeout(resolve, 1000 - (Date.now() % 1000) + 20));
    const answers = await Promise.all(
      Array.from({ length: 150 }, (_, i) => call(`${urls[i % 3]}/v1/client/customer/info/${SAMPLE_CUSTOMER_NUMBER}`, { token: tokens.access_token })),
    );
    const resets = new Set(answers.filter((a) => a.status === 200).map((a) => a.headers.get('x-ratelimit-reset')));
    // A loaded machine may stretch the burst over a second's end; then it proves nothing: again.
    if (resets.size > 1 && attempt < 3) continue;
    expect(answers.filter((a) => a.status === 429)).toHaveLength(50);
    expect(answers.filter((a) => a.status === 200)).toHaveLength(100);
    return;
  }
});

it('keeps one journal: ids increase across processes and every process lists the same requests', async () => {
  await Promise.all(urls.map((url) => call(`${url}/__admin/requests`, { method: 'DELETE' })));
  const { body: tokens } = await call(`${urls[0]}/__admin/tokens`, { json: { uniqueId: SAMPLE_UNIQUE_ID } });
  for (const url of urls) await call(`${url}/v1/customer/profile`, { token: tokens.access_token });
  const lists = await eventually(
    () => Promise.all(urls.map((url) => call(`${url}/__admin/requests?operationId=getCustomerProfile`))),
    (all) => all.every((list) => list.body.total === 3),
  );
  const ids = lists[0]!.body.requests.map((entry: { id: number }) => entry.id);
  expect([...ids].sort((a, b) => a - b)).toStrictEqual(ids);
  expect(new Set(ids).size).toBe(3);
  for (const list of lists) expect(list.body.requests.map((entry: { id: number }) => entry.id)).toStrictEqual(ids);
  // Rendered when asked, as the in-process journal does: secrets masked.
  expect(lists[2]!.body.requests[0]).toMatchObject({
    method: 'GET',
    path: '/v1/customer/profile',
    status: 200,
    operationId: 'getCustomerProfile',
    clientId: 'demo-client',
    uniqueId: SAMPLE_UNIQUE_ID,
    headers: { authorization: `Bearer ${tokens.access_token.slice(0, 6)}…` },
  });
});

/** The journal is written after each answer: wait for it, boundedly. */
async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

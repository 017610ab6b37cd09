/**
 * `--session-ttl` with shared state (docs/decisions/037): a session's idle time is one for every
 * process, kept in Redis, so a session used on one process stays alive on all, and a session
 * unused on all of them ends on all of them.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { call } from '../../testing/http.ts';
import { type MockProcess, startMockProcess } from '../../testing/mock-process.ts';
import { startRedisServer, type TestRedis } from '../../testing/redis-server.ts';

let redis: TestRedis;
let mocks: MockProcess[] = [];

beforeAll(async () => {
  redis = await startRedisServer();
  mocks = await Promise.all([0, 1].map(() => startMockProcess(['--redis', redis.url, '--redis-prefix', 'ttl', '--count', '0', '--session-ttl', '3'])));
});

afterAll(async () => {
  await Promise.all(mocks.map((mock) => mock.stop()));
  await redis?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('keeps a session used on one process alive on every process, and ends it on every process once unused for --session-ttl', { timeout: 30_000 }, async () => {
  const [a, b] = mocks.map((mock) => `${mock.url}/__sessions/kept/healthz`) as [string, string];
  expect((await call(`${mocks[0]!.url}/__admin/sessions`, { json: { id: 'kept', count: 0 } })).status).toBe(201);
  for (let use = 0; use < 4; use++) {
    await sleep(1000);
    expect((await call(b)).status).toBe(200);
  }
  // Four seconds after it was created on A, and never used there since: alive, by B's uses.
  expect((await call(a)).status).toBe(200);
  await sleep(3500);
  const ended = await call(a);
  expect([ended.status, ended.body.exceptionType]).toStrictEqual([404, 'SessionNotFoundException']);
  expect((await call(b)).status).toBe(404);
  expect((await call(`${mocks[1]!.url}/__admin/sessions`)).body.sessions).toStrictEqual([]);
});

it('lists no session that ended unused, also when no request to it noticed', { timeout: 30_000 }, async () => {
  expect((await call(`${mocks[0]!.url}/__admin/sessions`, { json: { id: 'idle', count: 0 } })).status).toBe(201);
  expect((await call(`${mocks[1]!.url}/__admin/sessions`)).body.sessions.map((s: { id: string }) => s.id)).toStrictEqual(['idle']);
  await sleep(3500);
  for (const mock of mocks) expect((await call(`${mock.url}/__admin/sessions`)).body.sessions).toStrictEqual([]);
});

/**
 * The faults of a shared mock (docs/decisions/037): a process killed in a burst of writes loses
 * none that was acknowledged; while Redis is away every request is a 503 with `Retry-After`,
 * never a stale answer, and once it is back every process serves again; Redis back empty makes
 * the processes start over from the start data; processes that start together seed once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { SAMPLE_CUSTOMER_NUMBER } from '../../../fixtures/scenario-sample.ts';
import { customer } from '../../core/test-records.ts';
import { call } from '../../testing/http.ts';
import { type MockProcess, startMockProcess } from '../../testing/mock-process.ts';
import { startRedisServer, type TestRedis } from '../../testing/redis-server.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function redisServer(dataDir?: string): Promise<TestRedis> {
  const redis = await startRedisServer(dataDir ? { dataDir } : {});
  cleanups.push(() => redis.stop());
  return redis;
}

async function mocks(count: number, flags: string[]): Promise<MockProcess[]> {
  const started = await Promise.all(Array.from({ length: count }, () => startMockProcess(['--count', '0', '--rate-limit', 'off', ...flags])));
  cleanups.push(() => Promise.all(started.map((mock) => mock.stop())).then(() => {}));
  return started;
}

it('loses no acknowledged write when a process is SIGKILLed in a burst of 10,000 writes over three processes, and a process started after reads it all from a checkpoint', { timeout: 180_000 }, async () => {
  const redis = await redisServer();
  const flags = ['--redis', redis.url, '--redis-prefix', 'kill'];
  const processes = await mocks(3, flags);
  // State a checkpoint must carry besides customers: a session, and a token.
  expect((await call(`${processes[1]!.url}/__admin/sessions`, { json: { id: 'kept', count: 0 } })).status).toBe(201);
  const { body: tokens } = await call(`${processes[2]!.url}/__admin/tokens`, { json: { clientId: 'kept' } });
  const acknowledged: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < 10_000) {
      const i = next++;
      const target = processes[i % 3]!;
      if (i === 3000) target.child.kill('SIGKILL');
      try {
        const answer = await call(`${target.url}/__admin/customers`, { json: customer(5_000_000 + i) });
        if (answer.status === 200) acknowledged.push(5_000_000 + i);
      } catch {
        // The killed process: not acknowledged.
      }
    }
  };
  await Promise.all(Array.from({ length: 24 }, worker));
  expect(acknowledged.length).toBeGreaterThan(6000);
  const killed = processes[0]!;
  expect(killed.child.signalCode).toBe('SIGKILL');
  // The log was trimmed to a checkpoint (every 5,000 ops), and a new process starts from it.
  const [[first]] = await redis.client().xrange('kill:log', '-', '+', 'COUNT', 1);
  expect(Number(first!.split('-')[0])).toBeGreaterThan(5000);
  const [late] = await mocks(1, flags);
  expect((await call(`${late!.url}/__sessions/kept/healthz`)).status).toBe(200);
  expect((await call(`${late!.url}/v1/client/customer/info/${SAMPLE_CUSTOMER_NUMBER}`, { token: tokens.access_token })).status).toBe(200);
  for (const survivor of [...processes.slice(1), late!]) {
    const stored = new Set<number>();
    for (let offset = 0; ; offset += 1000) {
      const page = await call(`${survivor.url}/__admin/customers?offset=${offset}&limit=1000`);
      for (const record of page.body.customers) stored.add(record.customerNumber);
      if (page.body.customers.length < 1000) break;
    }
    expect(acknowledged.filter((n) => !stored.has(n))).toStrictEqual([]);
  }
});

it('answers 503 with Retry-After while Redis is away, and serves again, with nothing lost, once it is back', { timeout: 60_000 }, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mock-redis-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const redis = await redisServer(dataDir);
  const processes = await mocks(3, ['--redis', redis.url, '--redis-prefix', 'away']);
  const { body: tokens } = await call(`${processes[0]!.url}/__admin/tokens`, { json: { clientId: 'away' } });
  expect((await call(`${processes[1]!.url}/__admin/customers`, { json: customer(7_000_001) })).status).toBe(200);
  await redis.stop();
  for (const { url } of processes) {
    // Within a second: the client gives up after one.
    const signal = () => AbortSignal.timeout(1000);
    const info = await fetch(`${url}/v1/client/customer/info/${SAMPLE_CUSTOMER_NUMBER}`, { headers: { authorization: `Bearer ${tokens.access_token}` }, signal: signal() });
    expect(info.status).toBe(503);
    expect(info.headers.get('retry-after')).toBe('1');
    expect(await info.json()).toMatchObject({ exceptionType: 'ServiceUnavailableException', errorMessage: expect.stringContaining('Redis') });
    const health = await fetch(`${url}/healthz`, { signal: signal() });
    expect(health.status).toBe(503);
    expect(await health.text()).toContain(`Redis at ${redis.url}`);
    expect((await fetch(`${url}/__admin/customers/7000001`, { signal: signal() })).status).toBe(503);
    expect((await fetch(`${url}/user/oauth/token`, { method: 'POST', signal: signal() })).status).toBe(503);
  }
  await redis.restart();
  for (const { url } of processes) {
    const deadline = Date.now() + 5000;
    let status = 0;
    while (Date.now() < deadline && status !== 200) {
      status = (await call(`${url}/healthz`)).status;
      if (status !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(status).toBe(200);
    expect((await call(`${url}/__admin/customers/7000001`)).status).toBe(200);
    expect((await call(`${url}/v1/client/customer/info/${SAMPLE_CUSTOMER_NUMBER}`, { token: tokens.access_token })).status).toBe(200);
  }
});

it('starts over from the start data, on every process, when Redis comes back empty', { timeout: 60_000 }, async () => {
  const redis = await redisServer();
  const processes = await mocks(2, ['--redis', redis.url, '--redis-prefix', 'empty']);
  expect((await call(`${processes[0]!.url}/__admin/customers`, { json: customer(7_000_002) })).status).toBe(200);
  expect((await call(`${processes[1]!.url}/__admin/customers/7000002`)).status).toBe(200);
  await redis.stop();
  await redis.restart();
  for (const { url } of processes) {
    const deadline = Date.now() + 5000;
    let answer = await call(`${url}/__admin/customers/7000002`);
    while (answer.status === 503 && Date.now() < deadline) answer = await call(`${url}/__admin/customers/7000002`);
    // What Redis forgot is not served from a process's memory.
    expect(answer.status).toBe(404);
    expect((await call(`${url}/__admin/customers/${SAMPLE_CUSTOMER_NUMBER}`)).status).toBe(200);
  }
});

it('seeds an empty prefix once when two processes start at the same moment', { timeout: 60_000 }, async () => {
  const redis = await redisServer();
  const processes = await mocks(2, ['--redis', redis.url, '--redis-prefix', 'together', '--count', '5']);
  const log = await redis.client().xrange('together:log', '-', '+');
  const seeds = log.filter(([, fields]) => (JSON.parse(fields[1]!) as { seed?: boolean }).seed === true);
  expect(seeds.map(([id]) => id)).toStrictEqual(['1-0']);
  const totals = await Promise.all(processes.map(({ url }) => call(`${url}/__admin/customers?limit=1`)));
  expect(new Set(totals.map((t) => t.body.total)).size).toBe(1);
});

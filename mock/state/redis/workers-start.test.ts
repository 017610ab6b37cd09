/**
 * The CLI's side of a shared mock: `--workers 2 --redis URL` serves one port from two processes;
 * the start errors exit with code 2 and say why, naming a Redis URL without its password.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runCli, startMockProcess, type MockProcess } from '../../testing/mock-process.ts';
import { freePort, startRedisServer, type TestRedis } from '../../testing/redis-server.ts';

let redis: TestRedis;
const started: MockProcess[] = [];
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await Promise.all(started.map((mock) => mock.stop()));
  await redis?.stop();
});

/** `/healthz` on a connection of its own: the cluster hands each new connection to the next worker. */
function pidOf(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    request(`${url}/healthz`, { agent: false }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve((JSON.parse(text) as { pid: number }).pid));
    })
      .on('error', reject)
      .end();
  });
}

it('serves one port from two processes with --workers 2 --redis', { timeout: 90_000 }, async () => {
  const mock = await startMockProcess(['--workers', '2', '--redis', redis.url, '--redis-prefix', 'workers', '--count', '0']);
  started.push(mock);
  const pids = new Set<number>();
  // The first worker's banner may come before the second listens: ask for a while.
  for (let i = 0; i < 300 && pids.size < 2; i++) {
    pids.add(await pidOf(mock.url));
    if (pids.size < 2) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  expect(pids.size).toBe(2);
  expect(pids.has(mock.child.pid!)).toBe(false);
});

it('exits 2 for --workers 2 without --redis, and for --redis with --state-file', async () => {
  const alone = await runCli(['--workers', '2']);
  expect(alone.code).toBe(2);
  expect(alone.output).toMatch(/--workers 2 needs --redis URL/);
  const both = await runCli(['--redis', redis.url, '--state-file', 'state.jsonl']);
  expect(both.code).toBe(2);
  expect(both.output).toMatch(/--redis and --state-file cannot be used together/);
});

it('exits 2 after a bounded wait when Redis cannot be reached, naming the URL without its password', async () => {
  const port = await freePort();
  const { code, output } = await runCli(['--port', '0', '--redis', `redis://mock:hunter2@127.0.0.1:${port}`]);
  expect(code).toBe(2);
  expect(output).toContain(`Redis at redis://mock:***@127.0.0.1:${port} cannot be reached after 5 s`);
  expect(output).not.toContain('hunter2');
});

it('exits 2 at once with --workers when Redis cannot be reached, as one process does', async () => {
  const port = await freePort();
  const { code, output } = await runCli(['--port', '0', '--workers', '2', '--redis', `redis://127.0.0.1:${port}`], 20_000);
  expect(code).toBe(2);
  expect(output).toContain(`Redis at redis://127.0.0.1:${port} cannot be reached after 5 s`);
});

it('exits 2 with a clear message for a malformed URL and a prefix with spaces', async () => {
  const url = await runCli(['--redis', 'redis//127.0.0.1']);
  expect(url.code).toBe(2);
  expect(url.output).toMatch(/error: --redis must be a Redis URL/);
  const prefix = await runCli(['--redis', redis.url, '--redis-prefix', 'my mock']);
  expect(prefix.code).toBe(2);
  expect(prefix.output).toMatch(/error: --redis-prefix must be .* \(no spaces\)/);
});

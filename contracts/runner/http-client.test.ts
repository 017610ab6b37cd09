import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { HttpClient, retryAfterSeconds } from './http-client.ts';

async function serverAnswering429Times(times: number) {
  let calls = 0;
  const server = createServer((_req, res) => {
    calls += 1;
    if (calls <= times) res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' }).end('{}');
    else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls: () => calls, close: () => server.close() };
}

it('waits out a 429 for its Retry-After and retries', async () => {
  const server = await serverAnswering429Times(1);
  const client = new HttpClient(server.url, { minIntervalMs: 0 });
  const started = Date.now();
  const res = await client.request({ method: 'GET', path: '/' });
  server.close();
  expect(res.status).toBe(200);
  expect(server.calls()).toBe(2);
  expect(client.retries).toBe(1);
  expect(Date.now() - started).toBeGreaterThanOrEqual(950);
});

it('returns the 429 itself when asked not to retry', async () => {
  const server = await serverAnswering429Times(1);
  const res = await new HttpClient(server.url).request({ method: 'GET', path: '/', retryOn429: false });
  server.close();
  expect(res.status).toBe(429);
});

it('paces requests at least the minimum interval apart', async () => {
  const server = await serverAnswering429Times(0);
  const client = new HttpClient(server.url, { minIntervalMs: 50 });
  const started = Date.now();
  await Promise.all([1, 2, 3].map(() => client.request({ method: 'GET', path: '/' })));
  server.close();
  expect(Date.now() - started).toBeGreaterThanOrEqual(95);
});

it('reads Retry-After as seconds or as an HTTP date', () => {
  expect(retryAfterSeconds('3')).toBe(3);
  expect(retryAfterSeconds(new Date(Date.now() + 5000).toUTCString())).toBeGreaterThanOrEqual(4);
  expect(retryAfterSeconds(undefined)).toBe(1);
});

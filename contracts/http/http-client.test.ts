import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { HttpClient } from './http-client.ts';
import { retryAfterMs } from './retry-after.ts';

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

it('returns a 429 the request asked for with Prefer instead of retrying it', async () => {
  const server = await serverAnswering429Times(1);
  const client = new HttpClient(server.url, { minIntervalMs: 0 });
  const res = await client.send({ method: 'GET', path: '/x', headers: { prefer: 'code=429' } });
  server.close();
  client.close();
  expect(res.status).toBe(429);
  expect(client.stats).toMatchObject({ sent: 1, rateLimited: 0 });
});

it('sends the bytes and headers exactly as given, with no accept or content-type added', async () => {
  let seen: { headers: Record<string, string | string[] | undefined>; body: Buffer } | undefined;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen = { headers: req.headers, body: Buffer.concat(chunks) };
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = new HttpClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { minIntervalMs: 0 });
  await client.send({ method: 'POST', path: '/raw', headers: { 'x-odd': 'a' }, body: new Uint8Array([0xff, 0xfe, 0x7b]) });
  client.close();
  server.close();
  expect(seen?.body).toEqual(Buffer.from([0xff, 0xfe, 0x7b]));
  expect(seen?.headers['x-odd']).toBe('a');
  expect(seen?.headers.accept).toBeUndefined();
  expect(seen?.headers['content-type']).toBeUndefined();
});

it('says "connection refused" when nothing listens', async () => {
  const client = new HttpClient('http://127.0.0.1:9', { minIntervalMs: 0 });
  await expect(client.request({ method: 'GET', path: '/' })).rejects.toThrow(/connection refused \(ECONNREFUSED\)/);
  client.close();
});

it('reads Retry-After as seconds or as an HTTP date, else the X-RateLimit-Reset epoch', () => {
  expect(retryAfterMs({ headers: { 'retry-after': '3' } })).toBe(3050);
  expect(retryAfterMs({ headers: { 'retry-after': new Date(Date.now() + 5000).toUTCString() } })).toBeGreaterThanOrEqual(4000);
  expect(retryAfterMs({ headers: { 'x-ratelimit-reset': '1000' } }, 999_000)).toBe(1050);
  expect(retryAfterMs({ headers: {} })).toBe(1000);
});

it('follows a redirect unless told not to, turning a 303 after a POST into a GET', async () => {
  const seen: string[] = [];
  const server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    if (req.url === '/from') res.writeHead(303, { location: '/to' }).end();
    else res.writeHead(200, { 'content-type': 'application/json' }).end('{"at":"to"}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const client = new HttpClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { minIntervalMs: 0 });
  const followed = await client.request({ method: 'POST', path: '/from', json: { a: 1 } });
  const manual = await client.request({ method: 'POST', path: '/from', json: { a: 1 }, redirect: 'manual' });
  client.close();
  server.close();
  expect(followed.json).toEqual({ at: 'to' });
  expect(manual.status).toBe(303);
  expect(seen).toEqual(['POST /from', 'GET /to', 'POST /from']);
});

import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createClient, retryAfterMs } from './http-client.ts';

let server: Server | undefined;

afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server that answers 429 with `Retry-After: 1` to the first `limited` requests. */
async function rateLimitedServer(limited: number): Promise<string> {
  let seen = 0;
  server = createServer((_req, res) => {
    seen += 1;
    if (seen <= limited) res.writeHead(429, { 'retry-after': '1', 'content-type': 'application/json' }).end('{}');
    else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('createClient', () => {
  it('waits out a 429 for its Retry-After and sends the request again', async () => {
    const client = createClient({ baseUrl: await rateLimitedServer(1) });
    const started = Date.now();
    const response = await client.send({ method: 'GET', path: '/x', headers: {} });
    client.close();
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    expect(client.stats).toMatchObject({ sent: 2, rateLimited: 1 });
  });

  it('returns a 429 the request asked for with Prefer instead of retrying it', async () => {
    const client = createClient({ baseUrl: await rateLimitedServer(1) });
    const response = await client.send({ method: 'GET', path: '/x', headers: { prefer: 'code=429' } });
    client.close();
    expect(response.status).toBe(429);
  });
});

describe('retryAfterMs', () => {
  it('reads Retry-After seconds, else the X-RateLimit-Reset epoch', () => {
    expect(retryAfterMs({ status: 429, headers: { 'retry-after': '2' }, body: '', durationMs: 0 })).toBe(2050);
    expect(retryAfterMs({ status: 429, headers: { 'x-ratelimit-reset': '1000' }, body: '', durationMs: 0 }, 999_000)).toBe(1050);
  });
});

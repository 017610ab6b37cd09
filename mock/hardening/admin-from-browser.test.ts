/**
 * The admin API is not drivable from a web page (issue 16): a plain HTML form could POST
 * `/__admin/reset` as text/plain and wipe the store, and a DNS-rebinding page (`Host: evil.example`)
 * could read `/__admin/export`. What the mock protects: writes need JSON, a foreign Origin is 403,
 * and a loopback-bound mock answers only loopback names and `--allowed-host` ones. What it does
 * not: a process on the same machine, or anyone once it is bound to another interface without
 * `--admin-token` (README, "Security notes").
 */
import { request } from 'node:http';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../server.ts';

let mock: RunningMock;

beforeAll(async () => {
  mock = await startMock({ count: 3, rateLimit: false, allowedHosts: ['mock.test', '.dev.test'] });
});

afterAll(() => mock.close());

const admin = (path: string) => `${mock.url}/__admin${path}`;

it.each([
  ['no Content-Type and no body', {}, undefined],
  ['text/plain, as an HTML form sends it', { 'content-type': 'text/plain' }, '{}'],
  ['a URL-encoded form', { 'content-type': 'application/x-www-form-urlencoded' }, 'a=b'],
  ['multipart/form-data', { 'content-type': 'multipart/form-data; boundary=x' }, '--x--'],
])('answers 415 to POST /__admin/reset with %s, and keeps the store', async (_label, headers, body) => {
  mock.store.upsert([]);
  const before = mock.store.size;
  const response = await fetch(admin('/reset'), { method: 'POST', headers, body });
  expect(response.status).toBe(415);
  expect(await response.json()).toMatchObject({ exceptionType: 'UnsupportedMediaTypeException' });
  expect(mock.store.size).toBe(before);
});

it('answers 415 to an admin DELETE without a JSON Content-Type', async () => {
  const response = await fetch(admin('/customers/563457'), { method: 'DELETE' });
  expect(response.status).toBe(415);
  expect((await response.json()).errorMessage).toBe('An admin DELETE needs the header "Content-Type: application/json", even with no body (it was absent).');
});

it('takes an admin write with Content-Type: application/json and no body', async () => {
  const response = await fetch(admin('/reset'), { method: 'POST', headers: { 'content-type': 'application/json' } });
  expect(response.status).toBe(200);
});

it('answers 403 to an admin request from a foreign Origin, reads included', async () => {
  for (const [method, path] of [['GET', '/export'], ['POST', '/reset'], ['GET', '/no-such-route']] as const) {
    const response = await fetch(admin(path), { method, headers: { origin: 'https://evil.example', 'content-type': 'application/json' }, body: method === 'POST' ? '{}' : undefined });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ exceptionType: 'ForbiddenOriginException' });
  }
  const opaque = await fetch(admin('/export'), { headers: { origin: 'null' } });
  expect(opaque.status).toBe(403);
});

it("serves an admin request whose Origin is the mock's own", async () => {
  const response = await fetch(admin('/customers?limit=1'), { headers: { origin: mock.url } });
  expect(response.status).toBe(200);
});

it('serves the console\'s calls through a proxy that ends TLS: Origin https:// with the Host it forwards', async () => {
  const host = new URL(mock.url).host;
  const result = await get('/__admin/customers?limit=1', host, { origin: `https://${host}` });
  expect(result.status).toBe(200);
  expect((await get('/__admin/customers?limit=1', host, { origin: `https://other.${host}` })).status).toBe(403);
});

it.each(['evil.example', 'evil.example:4010', '127.0.0.1.evil.example', 'localhost.evil.example', 'mock.test.evil.example'])(
  'answers 403 with the API error body given Host %s while bound to loopback',
  async (host) => {
    const result = await get('/__admin/export', host);
    expect(result.status).toBe(403);
    expect(JSON.parse(result.body)).toMatchObject({ exceptionType: 'ForbiddenHostException' });
    // The refused name is not echoed back to the page that sent it.
    expect(result.body).not.toContain(host.split(':')[0]);
    expect((await get('/healthz', host)).status).toBe(403);
  },
);

it.each(['localhost', 'LOCALHOST:4010', 'app.localhost', '127.0.0.1:1', '[::1]:4010', 'mock.test', 'Mock.Test:80', 'a.dev.test'])(
  'serves Host %s while bound to loopback',
  async (host) => {
    expect((await get('/healthz', host)).status).toBe(200);
  },
);

it('serves any Host once bound to a non-loopback interface', async () => {
  // 0.0.0.0 would expose the test machine; the check reads only the configured bind address.
  const { hostCheck } = await import('../http/pipeline/host-check.ts');
  const check = hostCheck({ host: '0.0.0.0', allowedHosts: [] });
  expect(check({ headers: { host: 'evil.example' }, httpVersion: '1.1' } as never)).toBeUndefined();
  expect(hostCheck({ host: '127.0.0.1', allowedHosts: [] })({ headers: { host: 'evil.example' }, httpVersion: '1.1' } as never)?.status).toBe(403);
});

/** `fetch` will not send another Host; node:http will. */
function get(path: string, host: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(mock.url);
  return new Promise((resolve, reject) => {
    const req = request({ hostname, port, path, headers: { ...headers, host } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk)).on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject).end();
  });
}

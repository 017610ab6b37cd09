/** Issue 13: CORS for browser apps, once at the edge, on every route; the admin API refuses web origins. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { MockConfig } from '../config.ts';
import { type RunningMock, startMock } from '../server.ts';
import { clientToken } from '../testing/test-support.ts';

const APP = 'http://localhost:3000';
const mocks: RunningMock[] = [];
let open: RunningMock;
let off: RunningMock;
let listed: RunningMock;

async function mock(overrides: Partial<MockConfig>): Promise<RunningMock> {
  const started = await startMock({ count: 0, ...overrides });
  mocks.push(started);
  return started;
}

beforeAll(async () => {
  open = await mock({});
  off = await mock({ cors: 'off' });
  listed = await mock({ cors: [APP] });
});
afterAll(() => Promise.all(mocks.map((m) => m.close())));

const preflight = (base: string, path: string, origin = APP, method = 'POST', headers = 'authorization, content-type') =>
  fetch(`${base}${path}`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': headers } });

const corsHeaders = (response: Response) => [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));

it.each(['/v1/client/customer/search', '/capi/v1/customer/info', '/user/oauth/token', '/login/oauth/token', '/healthz', '/.well-known/oauth-authorization-server'])(
  'answers a preflight to %s with 204 and the origin, methods, headers and max age',
  async (path) => {
    const response = await preflight(open.url, path);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(APP);
    expect(response.headers.get('access-control-allow-methods')).toMatch(/\bPOST\b/);
    expect(response.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type, Prefer');
    expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    expect(response.headers.get('vary')).toBe('Origin');
    expect(response.headers.get('access-control-allow-credentials')).toBeNull();
  },
);

it('allows a requested method and header beyond the usual ones', async () => {
  const response = await preflight(open.url, '/v1/customer/info', APP, 'PUT', 'x-request-id');
  expect(response.headers.get('access-control-allow-methods')).toMatch(/\bPUT\b/);
  expect(response.headers.get('access-control-allow-headers')).toMatch(/x-request-id/);
});

it('gives an answer to a request with an Origin the origin, Vary and the exposed rate-limit and auth headers', async () => {
  const token = await clientToken(open.url);
  const response = await fetch(`${open.url}/v1/client/customer/info/563457`, { headers: { origin: APP, authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  expect(response.headers.get('access-control-allow-origin')).toBe(APP);
  expect(response.headers.get('vary')).toBe('Origin');
  expect(response.headers.get('access-control-expose-headers')).toBe('X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After, WWW-Authenticate');
  expect(response.headers.get('x-ratelimit-remaining')).not.toBeNull();
});

it('puts the CORS headers on errors and redirects too', async () => {
  const unauthorized = await fetch(`${open.url}/v1/customer/info`, { headers: { origin: APP } });
  expect(unauthorized.status).toBe(401);
  expect(unauthorized.headers.get('access-control-allow-origin')).toBe(APP);
  const redirect = await fetch(`${open.url}/user/oauth/authorize?response_type=token&client_id=demo-client&redirect_uri=${APP}/cb`, { headers: { origin: APP }, redirect: 'manual' });
  expect(redirect.status).toBe(302);
  expect(redirect.headers.get('access-control-allow-origin')).toBe(APP);
});

it('sends no CORS header to a request without an Origin', async () => {
  expect(corsHeaders(await fetch(`${open.url}/healthz`))).toEqual([]);
});

it('with --cors off sends no Access-Control-* header at all, and answers no preflight with 204', async () => {
  const response = await preflight(off.url, '/v1/client/customer/search');
  expect(response.status).not.toBe(204);
  expect(corsHeaders(response)).toEqual([]);
  const plain = await fetch(`${off.url}/healthz`, { headers: { origin: APP } });
  expect(plain.status).toBe(200);
  expect(corsHeaders(plain)).toEqual([]);
});

it('with --cors ORIGINS serves a listed origin and gives any other no CORS header, still answering it', async () => {
  expect((await preflight(listed.url, '/healthz')).headers.get('access-control-allow-origin')).toBe(APP);
  const other = await fetch(`${listed.url}/healthz`, { headers: { origin: 'http://evil.example' } });
  expect(other.status).toBe(200);
  expect(await other.json()).toMatchObject({ status: 'ok' });
  expect(corsHeaders(other)).toEqual([]);
  const otherPreflight = await preflight(listed.url, '/healthz', 'http://evil.example');
  expect(otherPreflight.status).not.toBe(204);
  expect(corsHeaders(otherPreflight)).toEqual([]);
});

it('refuses with 403 an admin request with an Origin unless --cors names it, and answers it no preflight', async () => {
  for (const base of [open.url, off.url]) {
    const response = await fetch(`${base}/__admin/customers`, { headers: { origin: APP } });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ exceptionType: 'ForbiddenOriginException' });
    expect(corsHeaders(response)).toEqual([]);
    const refused = await preflight(base, '/__admin/reset');
    expect(refused.status).toBe(403);
    expect(corsHeaders(refused)).toEqual([]);
  }
  const other = await fetch(`${listed.url}/__ADMIN/reset`, { method: 'POST', headers: { origin: 'http://evil.example', 'content-type': 'application/json' }, body: '{}' });
  expect(other.status).toBe(403);
});

it('serves the admin API to an origin --cors names, with CORS headers, and to a request without an Origin', async () => {
  const allowed = await preflight(listed.url, '/__admin/customers/563457', APP, 'DELETE');
  expect(allowed.status).toBe(204);
  expect(allowed.headers.get('access-control-allow-methods')).toMatch(/\bDELETE\b/);
  const read = await fetch(`${listed.url}/__admin/customers`, { headers: { origin: APP } });
  expect(read.status).toBe(200);
  expect(read.headers.get('access-control-allow-origin')).toBe(APP);
  expect((await fetch(`${open.url}/__admin/customers`)).status).toBe(200);
});

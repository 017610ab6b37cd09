/**
 * Test sessions (issue 14): isolated data under `/__sessions/{id}` for suites that share one mock.
 * Each session has its own store, tokens, codes, rate-limit windows and journal; the 404 and 409
 * cases; the TTL; a login inside a session.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SAMPLE_CUSTOMER_NUMBER, SAMPLE_EMAIL, SAMPLE_UNIQUE_ID } from '../../../fixtures/index.ts';
import { type RunningMock, startMock } from '../../server.ts';
import { manualClock } from '../components.ts';
import { callOperation, clientToken, DEMO_BASIC, getJson, postForm, postJson } from '../../testing/test-support.ts';

const REDIRECT = 'http://localhost:3000/callback';
const clock = manualClock();
let mock: RunningMock;

beforeAll(async () => {
  mock = await startMock({ count: 0, rateLimit: false, sessionTtl: 60, maxSessions: 4 }, { clock });
});
afterAll(() => mock.close());

const session = (id: string) => `${mock.url}/__sessions/${id}`;
const del = (url: string) => fetch(url, { method: 'DELETE', headers: { 'content-type': 'application/json' } });

async function createSession(body: Record<string, unknown> = {}) {
  return postJson(`${mock.url}/__admin/sessions`, body);
}

it('answers 201 with id, baseUrl and count, given {"seed", "count"}', async () => {
  const created = await createSession({ id: 'made-1', seed: 3, count: 5 });
  expect(created.status).toBe(201);
  expect(created.body.id).toBe('made-1');
  expect(created.body.baseUrl).toBe(session('made-1'));
  expect(created.body.count).toBeGreaterThan(5);
  const health = await getJson(`${created.body.baseUrl}/healthz`);
  expect(health.body.customers).toBe(created.body.count);
  expect((await del(`${mock.url}/__admin/sessions/made-1`)).status).toBe(204);
});

it('makes up an id when none is given, and loads given customers', async () => {
  const record = (await getJson(`${mock.url}/__admin/customers/${SAMPLE_CUSTOMER_NUMBER}`)).body;
  const created = await createSession({ customers: [record] });
  expect(created.status).toBe(201);
  expect(created.body.id).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  expect(created.body.count).toBe(1);
  expect((await del(`${mock.url}/__admin/sessions/${created.body.id}`)).status).toBe(204);
});

it('answers 400 given an id that breaks the rule, or a bad record, and creates nothing', async () => {
  for (const id of ['has space', 'x'.repeat(65), '', 7, 'ä']) {
    const refused = await createSession({ id });
    expect(refused.status, String(id)).toBe(400);
    expect(refused.body.exceptionType).toBe('ValidationException');
  }
  expect((await createSession({ id: 'bad-record', customers: [{ customerNumber: 'x' }] })).status).toBe(400);
  expect((await getJson(`${mock.url}/__admin/sessions`)).body.sessions).toEqual([]);
});

it('answers 409 given an id in use', async () => {
  expect((await createSession({ id: 'twice', count: 0 })).status).toBe(201);
  const again = await createSession({ id: 'twice', count: 0 });
  expect(again.status).toBe(409);
  expect(again.body).toMatchObject({ exceptionType: 'SessionConflictException' });
  await del(`${mock.url}/__admin/sessions/twice`);
});

it('answers 409 given one session more than --max-sessions', async () => {
  const ids = ['m1', 'm2', 'm3', 'm4'];
  for (const id of ids) expect((await createSession({ id, count: 0 })).status).toBe(201);
  const refused = await createSession({ id: 'm5', count: 0 });
  expect(refused.status).toBe(409);
  expect(refused.body.errorMessage).toContain('--max-sessions');
  const listed = await getJson(`${mock.url}/__admin/sessions`);
  expect(listed.body.sessions.map((s: { id: string }) => s.id)).toEqual(ids);
  expect(listed.body.sessions[0]).toEqual({ id: 'm1', baseUrl: session('m1'), count: expect.any(Number) });
  for (const id of ids) await del(`${mock.url}/__admin/sessions/${id}`);
});

it('answers 404 with the API body for an unknown session, and after DELETE', async () => {
  const unknown = await getJson(`${session('nobody')}/healthz`);
  expect(unknown.status).toBe(404);
  expect(unknown.body).toMatchObject({ exceptionType: 'SessionNotFoundException', errorMessage: expect.stringContaining('nobody') });
  await createSession({ id: 'ends', count: 0 });
  expect((await getJson(`${session('ends')}/healthz`)).status).toBe(200);
  expect((await del(`${mock.url}/__admin/sessions/ends`)).status).toBe(204);
  expect((await getJson(`${session('ends')}/healthz`)).status).toBe(404);
  expect((await del(`${mock.url}/__admin/sessions/ends`)).status).toBe(404);
});

it('does not serve /__admin/sessions inside a session', async () => {
  await createSession({ id: 'inner', count: 0 });
  expect((await getJson(`${session('inner')}/__admin/sessions`)).status).toBe(404);
  expect((await postJson(`${session('inner')}/__admin/sessions`, {})).status).toBe(404);
  await del(`${mock.url}/__admin/sessions/inner`);
});

it('ends a session unused for --session-ttl, and keeps one in use', async () => {
  await createSession({ id: 'idle', count: 0 });
  await createSession({ id: 'busy', count: 0 });
  clock.advance(40_000);
  expect((await getJson(`${session('busy')}/healthz`)).status).toBe(200);
  clock.advance(30_000);
  expect((await getJson(`${session('idle')}/healthz`)).status).toBe(404);
  expect((await getJson(`${session('busy')}/healthz`)).status).toBe(200);
  clock.advance(60_000);
  expect((await getJson(`${mock.url}/__admin/sessions`)).body.sessions).toEqual([]);
});

it('keeps each session\'s store apart from the root\'s and from the others', async () => {
  await createSession({ id: 'a', seed: 1, count: 3 });
  await createSession({ id: 'b', seed: 1, count: 3 });
  expect((await postJson(`${session('a')}/__admin/reset`, { customers: [] })).body).toEqual({ count: 0 });
  expect((await getJson(`${session('a')}/__admin/customers/${SAMPLE_CUSTOMER_NUMBER}`)).status).toBe(404);
  expect((await getJson(`${session('b')}/__admin/customers/${SAMPLE_CUSTOMER_NUMBER}`)).status).toBe(200);
  expect((await getJson(`${mock.url}/__admin/customers/${SAMPLE_CUSTOMER_NUMBER}`)).status).toBe(200);
  const rootCount = (await getJson(`${mock.url}/healthz`)).body.customers;
  expect((await postJson(`${mock.url}/__admin/reset`, { customers: [] })).status).toBe(200);
  expect((await getJson(`${session('b')}/healthz`)).body.customers).toBeGreaterThan(0);
  await postJson(`${mock.url}/__admin/reset`, { seed: 1, count: 0 });
  expect((await getJson(`${mock.url}/healthz`)).body.customers).toBe(rootCount);
  await del(`${mock.url}/__admin/sessions/a`);
  await del(`${mock.url}/__admin/sessions/b`);
});

it('answers 401 invalid_token for a token from another session or the root', async () => {
  await createSession({ id: 't1', count: 0 });
  await createSession({ id: 't2', count: 0 });
  const inT1 = await clientToken(session('t1'));
  const atRoot = await clientToken(mock.url);
  const read = (base: string, token: string) => callOperation(base, 'getClientCustomerInfo', { token, params: { customerNumber: SAMPLE_CUSTOMER_NUMBER } });
  expect((await read(session('t1'), inT1)).status).toBe(200);
  for (const [base, token] of [[session('t2'), inT1], [mock.url, inT1], [session('t1'), atRoot]] as const) {
    const refused = await read(base, token);
    expect(refused.status).toBe(401);
    expect(refused.body.error).toBe('invalid_token');
  }
  // The same under /capi, the real base path.
  const capi = await callOperation(session('t1'), 'getClientCustomerInfo', { token: inT1, prefix: '/capi', params: { customerNumber: SAMPLE_CUSTOMER_NUMBER } });
  expect(capi.status).toBe(200);
  await del(`${mock.url}/__admin/sessions/t1`);
  await del(`${mock.url}/__admin/sessions/t2`);
});

it('logs a user in inside a session: the login page and its form stay under the prefix, the code is the session\'s', async () => {
  await createSession({ id: 'login', count: 0 });
  for (const oauth of ['/user/oauth', '/login/oauth']) {
    const query = new URLSearchParams({ response_type: 'code', client_id: 'demo-client', redirect_uri: REDIRECT, state: 's-1' });
    const page = await fetch(`${session('login')}${oauth}/authorize?${query}`, { redirect: 'manual' });
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`action="/__sessions/login${oauth}/authorize"`);
    expect(html).toContain(`/__sessions/login${oauth}/authorize?`);

    query.set('login_hint', SAMPLE_EMAIL);
    const redirected = await fetch(`${session('login')}${oauth}/authorize?${query}`, { redirect: 'manual' });
    expect(redirected.status).toBe(302);
    const location = new URL(redirected.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    const code = location.searchParams.get('code')!;

    const form = { grant_type: 'authorization_code', code, redirect_uri: REDIRECT };
    // The code is unknown at the root: it was issued in the session.
    expect((await postForm(`${mock.url}${oauth}/token`, form, { authorization: DEMO_BASIC })).body.error).toBe('invalid_grant');
    const exchanged = await postForm(`${session('login')}${oauth}/token`, form, { authorization: DEMO_BASIC });
    expect(exchanged.status).toBe(200);
    const info = await callOperation(session('login'), 'getCustomerInfo', { token: exchanged.body.access_token });
    expect(info.status).toBe(200);
    expect(info.body.attachedUsers[0].uniqueId).toBe(SAMPLE_UNIQUE_ID);
  }
  await del(`${mock.url}/__admin/sessions/login`);
});

it('counts rate limits per session', async () => {
  const limited = await startMock({ count: 0, rateLimits: { perSecond: 2, perMinute: 100 } }, { clock: manualClock() });
  try {
    await postJson(`${limited.url}/__admin/sessions`, { id: 'r', count: 0 });
    const read = async (base: string) => {
      const token = await clientToken(base);
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) statuses.push((await callOperation(base, 'getClientCustomerInfo', { token, params: { customerNumber: SAMPLE_CUSTOMER_NUMBER } })).status);
      return statuses;
    };
    expect(await read(limited.url)).toEqual([200, 200, 429]);
    expect(await read(`${limited.url}/__sessions/r`)).toEqual([200, 200, 429]);
  } finally {
    await limited.close();
  }
});

it('serves a session at RFC 8414\'s /.well-known/oauth-authorization-server/__sessions/{id} too', async () => {
  await createSession({ id: 'disco', count: 0 });
  const known = await getJson(`${mock.url}/.well-known/oauth-authorization-server/__sessions/disco`);
  // Routed in the session as its own /.well-known/oauth-authorization-server (whatever serves it).
  expect(known.body.errorMessage ?? '').not.toContain('__sessions');
  const unknown = await getJson(`${mock.url}/.well-known/oauth-authorization-server/__sessions/nobody`);
  expect(unknown.status).toBe(404);
  expect(unknown.body.exceptionType).toBe('SessionNotFoundException');
  await del(`${mock.url}/__admin/sessions/disco`);
});

it('starts a session given {} with the data the mock started with', async () => {
  const created = await createSession({});
  expect(created.status).toBe(201);
  expect(created.body.count).toBe((await getJson(`${mock.url}/healthz`)).body.customers);
  await del(`${mock.url}/__admin/sessions/${created.body.id}`);
});

it('mints user tokens through a session\'s /__admin/tokens that hold in that session only', async () => {
  await createSession({ id: 'minted', count: 0 });
  const minted = await postJson(`${session('minted')}/__admin/tokens`, { credential: SAMPLE_EMAIL });
  expect(minted.status).toBe(200);
  expect((await callOperation(session('minted'), 'getCustomerInfo', { token: minted.body.access_token })).status).toBe(200);
  expect((await callOperation(mock.url, 'getCustomerInfo', { token: minted.body.access_token })).status).toBe(401);
  await del(`${mock.url}/__admin/sessions/minted`);
});

it("refuses a foreign Origin on a session's admin API as at the root, and keeps the session's API open to it", async () => {
  const created = await createSession({ id: 'origin-1' });
  const origin = { origin: 'http://evil.example' };
  const admin = await getJson(`${session('origin-1')}/__admin/customers`, origin);
  expect(admin.status).toBe(403);
  expect(admin.body.exceptionType).toBe('ForbiddenOriginException');
  expect((await getJson(`${session('origin-1')}/healthz`, origin)).status).toBe(200);
  expect(created.status).toBe(201);
  expect((await del(`${mock.url}/__admin/sessions/origin-1`)).status).toBe(204);
});

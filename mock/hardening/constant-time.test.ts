/**
 * Secrets are compared in constant time (issue 6): the client secret at the token endpoint and the
 * admin token both go through `crypto.timingSafeEqual` (on SHA-256 digests, so lengths leak
 * nothing either). Timing itself is too noisy to test on a shared machine; the test instead
 * watches that every refusal and every acceptance passed through `timingSafeEqual`.
 */
import { timingSafeEqual } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, expect, it, vi } from 'vitest';
import { DEMO_BASIC, postForm } from '../testing/test-support.ts';
import { type RunningMock, startMock } from '../server.ts';

vi.mock('node:crypto', async (importOriginal) => {
  const crypto = await importOriginal<typeof import('node:crypto')>();
  return { ...crypto, timingSafeEqual: vi.fn(crypto.timingSafeEqual) };
});

const spy = vi.mocked(timingSafeEqual);
let mock: RunningMock;

beforeAll(async () => {
  mock = await startMock({ rateLimit: false, count: 0, adminToken: 'admin-token-123' });
});

afterAll(() => mock.close());

beforeEach(() => {
  spy.mockClear();
});

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

it.each([
  ['a right secret', DEMO_BASIC, 200],
  ['a wrong secret of the same length', basic('demo-client', 'demo-secreX'), 401],
  ['a shorter secret', basic('demo-client', 'demo'), 401],
  ['a longer secret', basic('demo-client', 'demo-secret-and-more'), 401],
])('compares the client secret with timingSafeEqual given %s', async (_label, authorization, status) => {
  const response = await postForm(`${mock.url}/user/oauth/token`, { grant_type: 'client_credentials' }, { authorization });
  expect(response.status).toBe(status);
  expect(spy).toHaveBeenCalled();
});

it('compares the client secret with timingSafeEqual when it comes as form parameters', async () => {
  const response = await postForm(`${mock.url}/user/oauth/token`, { grant_type: 'client_credentials', client_id: 'demo-client', client_secret: 'nope' });
  expect(response.status).toBe(401);
  expect(spy).toHaveBeenCalled();
});

it.each([
  ['the admin token', 'Bearer admin-token-123', 200],
  ['a wrong admin token', 'Bearer admin-token-124', 401],
  ['a short admin token', 'Bearer a', 401],
])('compares %s with timingSafeEqual', async (_label, authorization, status) => {
  const response = await fetch(`${mock.url}/__admin/customers?limit=1`, { headers: { authorization } });
  expect(response.status).toBe(status);
  expect(spy).toHaveBeenCalled();
});

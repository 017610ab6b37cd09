/**
 * No open redirect from the authorize endpoint or its login page (RFC 6749 §4.1.2.1, §10.15): an
 * unknown client or a `redirect_uri` that is not an absolute http(s) URL gets an error page, with
 * or without `login_hint`, and never a `Location` header.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../server.ts';

let mock: RunningMock;

beforeAll(async () => {
  mock = await startMock({ rateLimit: false, count: 0 });
});

afterAll(() => mock.close());

function authorize(params: Record<string, string>, extra = ''): Promise<Response> {
  const query = new URLSearchParams({ response_type: 'code', state: 's', ...params }).toString();
  return fetch(`${mock.url}/user/oauth/authorize?${query}${extra}`, { redirect: 'manual' });
}

const HINT = { login_hint: 'ola.nordmann@hotmail.no' };

it.each([
  'javascript:alert(1)',
  'JaVaScRiPt:alert(document.domain)',
  'data:text/html,<script>alert(1)</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
  'ftp://evil.example/cb',
  '//evil.example/cb',
  '/relative/cb',
  'evil.example/cb',
  'http://localhost:3000/cb#fragment',
  '',
])('shows an error page and never redirects given redirect_uri %j', async (redirectUri) => {
  for (const hint of [{}, HINT]) {
    const response = await authorize({ client_id: 'demo-client', redirect_uri: redirectUri, ...hint });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
  }
});

it('shows an error page and never redirects given an unknown client, even with a valid redirect_uri', async () => {
  for (const hint of [{}, HINT]) {
    const response = await authorize({ client_id: 'evil-client', redirect_uri: 'https://evil.example/cb', ...hint });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
    expect(await response.text()).toMatch(/Unknown client/);
  }
});

it('shows an error page given a repeated client_id or redirect_uri (RFC 6749 §3.1)', async () => {
  const twice = await authorize({ client_id: 'demo-client', redirect_uri: 'http://localhost:3000/cb' }, '&redirect_uri=https%3A%2F%2Fevil.example%2F');
  expect(twice.status).toBe(400);
  expect(twice.headers.get('location')).toBeNull();
});

it('redirects only to the registered client’s http(s) redirect_uri, keeping its host', async () => {
  const response = await authorize({ client_id: 'demo-client', redirect_uri: 'http://localhost:3000/callback', ...HINT });
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get('location')!);
  expect(`${location.origin}${location.pathname}`).toBe('http://localhost:3000/callback');
  expect(location.searchParams.get('state')).toBe('s');
});

it('escapes the request in the login page, so no markup or link of the attacker’s choosing appears', async () => {
  const redirectUri = 'http://localhost:3000/cb?"><script>alert(1)</script><a href="https://evil.example/';
  const response = await authorize({ client_id: 'demo-client', redirect_uri: redirectUri, state: '"><img src=x onerror=alert(1)>' });
  expect(response.status).toBe(200);
  const page = await response.text();
  expect(page).not.toMatch(/<script>|<img|href="https:\/\/evil/);
});

/**
 * OAuth as the security BCP asks (issue 16): a code went with no interaction (login_hint) to any
 * http(s) destination, and `http://127.0.0.1@evil.example/cb` or `http:\\evil.example\cb` passed
 * for loopback. Redirect URIs are registered per client; the demo clients take loopback URIs only
 * (RFC 8252 §7.3). A replayed code revokes its tokens, a reused refresh token its family; the
 * login page may not be framed.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SAMPLE_EMAIL } from '../../fixtures/index.ts';
import { ConfigError, DEMO_CLIENT, parseMockConfig } from '../config.ts';
import { callOperation, DEMO_BASIC, postForm } from '../testing/test-support.ts';
import { type RunningMock, startMock } from '../server.ts';

const APP = { id: 'app', secret: 'app-secret', redirectUris: ['https://app.test/cb'] };
const LOOPBACK = 'http://127.0.0.1:8123/callback';
let mock: RunningMock;

beforeAll(async () => {
  mock = await startMock({ count: 0, rateLimit: false, clients: [DEMO_CLIENT, APP] });
});

afterAll(() => mock.close());

function authorize(params: Record<string, string>): Promise<Response> {
  const query = new URLSearchParams({ response_type: 'code', client_id: DEMO_CLIENT.id, state: 's', login_hint: SAMPLE_EMAIL, ...params });
  return fetch(`${mock.url}/user/oauth/authorize?${query.toString()}`, { redirect: 'manual' });
}

async function codeFor(redirectUri = LOOPBACK): Promise<string> {
  const response = await authorize({ redirect_uri: redirectUri });
  expect(response.status).toBe(302);
  return new URL(response.headers.get('location')!).searchParams.get('code')!;
}

const exchange = (form: Record<string, string>) => postForm(`${mock.url}/user/oauth/token`, form, { authorization: DEMO_BASIC });

it.each([
  'https://evil.example/cb',
  'http://evil.example/cb',
  'http://127.0.0.1@evil.example/cb',
  'http://localhost:80@evil.example/cb',
  'http:\\\\evil.example\\cb',
  'http://localhost.evil.example/cb',
  'http://127.0.0.1.nip.io/cb',
  'https://localhost/cb',
  'http://user:pw@localhost/cb',
])('shows an error page, never a redirect, given the demo client and redirect_uri %s', async (redirectUri) => {
  const response = await authorize({ redirect_uri: redirectUri });
  expect(response.status).toBe(400);
  expect(response.headers.get('location')).toBeNull();
  expect(await response.text()).toMatch(/loopback|redirect_uri/);
});

it.each(['http://localhost/cb', 'http://localhost:3000/callback', 'http://127.0.0.1:1/a/b?x=1', 'http://[::1]:8080/cb'])(
  'redirects the demo client with a code to the loopback URI %s',
  async (redirectUri) => {
    const response = await authorize({ redirect_uri: redirectUri });
    expect(response.status).toBe(302);
    expect(new URL(response.headers.get('location')!).searchParams.get('code')).toBeTruthy();
  },
);

it('redirects a client with registered URIs only to exactly those', async () => {
  const ok = await authorize({ client_id: APP.id, redirect_uri: 'https://app.test/cb' });
  expect(ok.status).toBe(302);
  for (const other of ['https://app.test/cb2', 'https://app.test/cb?x=1', 'http://localhost:3000/callback']) {
    const refused = await authorize({ client_id: APP.id, redirect_uri: other });
    expect(refused.status).toBe(400);
    expect(refused.headers.get('location')).toBeNull();
  }
});

it('registers --redirect-uri ID=URI on its client, and refuses an unknown client id at start', () => {
  const { config } = parseMockConfig(['--redirect-uri', 'demo-client=https://app.test/cb', '--redirect-uri', 'demo-client=https://app.test/two']);
  expect(config.clients.find((client) => client.id === 'demo-client')?.redirectUris).toEqual(['https://app.test/cb', 'https://app.test/two']);
  expect(() => parseMockConfig(['--redirect-uri', 'nobody=https://app.test/cb'])).toThrow(ConfigError);
  expect(() => parseMockConfig(['--redirect-uri', 'demo-client=javascript:alert(1)'])).toThrow(ConfigError);
  const fromEnv = parseMockConfig([], { MOCK_REDIRECT_URIS: 'demo-client=https://a.test/cb,demo-client=https://b.test/cb' }).config;
  expect(fromEnv.clients[0]?.redirectUris).toEqual(['https://a.test/cb', 'https://b.test/cb']);
});

it('revokes the tokens issued from a code when the code is replayed', async () => {
  const code = await codeFor();
  const first = await exchange({ grant_type: 'authorization_code', code, redirect_uri: LOOPBACK });
  expect(first.status).toBe(200);
  expect((await callOperation(mock.url, 'getCustomerInfo', { token: first.body.access_token })).status).toBe(200);
  const replay = await exchange({ grant_type: 'authorization_code', code, redirect_uri: LOOPBACK });
  expect(replay.status).toBe(400);
  expect(replay.body.error).toBe('invalid_grant');
  expect((await callOperation(mock.url, 'getCustomerInfo', { token: first.body.access_token })).status).toBe(401);
  expect((await exchange({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token })).body.error).toBe('invalid_grant');
});

it('revokes the whole family when a rotated refresh token is used again', async () => {
  const first = await exchange({ grant_type: 'authorization_code', code: await codeFor(), redirect_uri: LOOPBACK });
  const second = await exchange({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token });
  expect(second.status).toBe(200);
  const reuse = await exchange({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token });
  expect(reuse.body.error).toBe('invalid_grant');
  expect((await callOperation(mock.url, 'getCustomerInfo', { token: second.body.access_token })).status).toBe(401);
  expect((await exchange({ grant_type: 'refresh_token', refresh_token: second.body.refresh_token })).body.error).toBe('invalid_grant');
});

it('keeps other logins of the same user working after a family is revoked', async () => {
  const other = await exchange({ grant_type: 'authorization_code', code: await codeFor(), redirect_uri: LOOPBACK });
  const code = await codeFor();
  await exchange({ grant_type: 'authorization_code', code, redirect_uri: LOOPBACK });
  await exchange({ grant_type: 'authorization_code', code, redirect_uri: LOOPBACK });
  expect((await callOperation(mock.url, 'getCustomerInfo', { token: other.body.access_token })).status).toBe(200);
});

it('sends anti-framing headers with the login page', async () => {
  const response = await authorize({ redirect_uri: LOOPBACK, login_hint: '' });
  expect(response.status).toBe(200);
  expect(response.headers.get('x-frame-options')).toBe('DENY');
  expect(response.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
});

/** docs/reference.md §4, OAuth2 as ConnectID does it: authorize, the token endpoint, client authentication. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SAMPLE_CUSTOMER_NUMBER, SAMPLE_EMAIL, SAMPLE_UNIQUE_ID } from '../../../fixtures/index.ts';
import { DEMO_CLIENT } from '../../config.ts';
import { type RunningMock, startMock } from '../../server.ts';
import { specValidators } from '../../../spec/index.ts';
import { callOperation, DEMO_BASIC, postForm, postJson } from '../../testing/test-support.ts';

const OTHER = { id: 'other-client', secret: 'other-secret' };
const REDIRECT = 'http://localhost:3000/callback';
let mock: RunningMock;

beforeAll(async () => {
  mock = await startMock({ count: 0, rateLimit: false, clients: [DEMO_CLIENT, OTHER] });
});
afterAll(() => mock.close());

function authorizeUrl(params: Record<string, string>, prefix = '/user/oauth'): string {
  const query = new URLSearchParams({ response_type: 'code', client_id: DEMO_CLIENT.id, redirect_uri: REDIRECT, state: 's-1', ...params });
  return `${mock.url}${prefix}/authorize?${query.toString()}`;
}

async function authorize(params: Record<string, string>, prefix?: string) {
  const response = await fetch(authorizeUrl(params, prefix), { redirect: 'manual' });
  return { status: response.status, location: response.headers.get('location'), text: await response.text(), type: response.headers.get('content-type') };
}

async function codeFor(hint = SAMPLE_EMAIL, clientId = DEMO_CLIENT.id): Promise<string> {
  const { location } = await authorize({ login_hint: hint, client_id: clientId });
  return new URL(location!).searchParams.get('code')!;
}

const token = (form: Record<string, string>, headers: Record<string, string> = { authorization: DEMO_BASIC }, prefix = '/user/oauth') =>
  postForm(`${mock.url}${prefix}/token`, form, headers);

/** Token errors are RFC 6749 §5.2 bodies: the spec's OAuthError schema. */
function expectOAuthError(result: { status: number; body: unknown }, status: number, error: string) {
  expect(result.status).toBe(status);
  expect(specValidators().component('OAuthError')(result.body)).toBe(true);
  expect(result.body).toMatchObject({ error });
  expect((result.body as { error_description: string }).error_description).toMatch(/^[A-Z].+[.]$/);
}

it('shows a login page that lists users to pick and a field for a credential', async () => {
  const page = await authorize({});
  expect(page.status).toBe(200);
  expect(page.type).toMatch(/text\/html/);
  expect(page.text).toContain(`login_hint=${SAMPLE_UNIQUE_ID}`);
  expect(page.text).toMatch(/<input name="login_hint"/);
});

it('redirects at once with a code and the state given a login_hint', async () => {
  for (const prefix of ['/user/oauth', '/login/oauth']) {
    const { status, location } = await authorize({ login_hint: SAMPLE_EMAIL }, prefix);
    expect(status).toBe(302);
    const target = new URL(location!);
    expect(`${target.origin}${target.pathname}`).toBe(REDIRECT);
    expect(target.searchParams.get('state')).toBe('s-1');
    expect(target.searchParams.get('code')).toBeTruthy();
  }
});

it('reads an unencoded + in a phone login_hint as E.164', async () => {
  const response = await fetch(`${authorizeUrl({})}&login_hint=+4790123456`, { redirect: 'manual' });
  expect(new URL(response.headers.get('location')!).searchParams.get('code')).toBeTruthy();
});

it('shows an error page, never a redirect, given an unknown client_id', async () => {
  const page = await authorize({ client_id: 'who-is-this', login_hint: SAMPLE_EMAIL });
  expect(page.status).toBe(400);
  expect(page.location).toBeNull();
  expect(page.type).toMatch(/text\/html/);
});

it.each(['javascript:alert(1)', 'ftp://example.com/cb', 'not a url'])('shows an error page given the redirect_uri %s', async (redirectUri) => {
  const page = await authorize({ redirect_uri: redirectUri, login_hint: SAMPLE_EMAIL });
  expect(page.status).toBe(400);
  expect(page.location).toBeNull();
});

it('redirects with unsupported_response_type and the state given response_type=token', async () => {
  const target = new URL((await authorize({ response_type: 'token', login_hint: SAMPLE_EMAIL })).location!);
  expect(target.searchParams.get('error')).toBe('unsupported_response_type');
  expect(target.searchParams.get('state')).toBe('s-1');
  expect(target.searchParams.get('code')).toBeNull();
});

it('escapes request values on the login page', async () => {
  const page = await authorize({ state: '"><script>alert(1)</script>' });
  expect(page.text).not.toContain('<script>');
});

it('shows the login page again with the error, escaped, given a login_hint that logs nobody in', async () => {
  const page = await authorize({ login_hint: 'nobody<b>@example.no' });
  expect(page.status).toBe(200);
  expect(page.location).toBeNull();
  expect(page.type).toMatch(/text\/html/);
  expect(page.text).toMatch(/role="alert"[^>]*>No user logs in with &#34;nobody&#60;b&#62;@example.no&#34;/);
  expect(page.text).not.toContain('<b>');
  expect(page.text).toContain('value="nobody&#60;b&#62;@example.no"');
  // The form leads back to the same authorize request, so the person can try again.
  expect(page.text).toContain('name="state" value="s-1"');
  expect(page.text).toContain(`login_hint=${SAMPLE_UNIQUE_ID}`);
});

it('exchanges a code for a user token that reads the user\'s customer, with no-store', async () => {
  const result = await token({ grant_type: 'authorization_code', code: await codeFor(), redirect_uri: REDIRECT });
  expect(result.status).toBe(200);
  expect(result.headers.get('cache-control')).toBe('no-store');
  expect(result.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
  expect(result.body.refresh_token).toBeTruthy();
  const info = await callOperation(mock.url, 'getCustomerInfo', { token: result.body.access_token });
  expect(info.body.customerNumber).toBe(SAMPLE_CUSTOMER_NUMBER);
});

it('refuses a code the second time with invalid_grant', async () => {
  const code = await codeFor();
  expect((await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT })).status).toBe(200);
  expectOAuthError(await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT }), 400, 'invalid_grant');
});

it('refuses a code issued to another client with invalid_grant', async () => {
  const code = await codeFor(SAMPLE_EMAIL, OTHER.id);
  expectOAuthError(await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT }), 400, 'invalid_grant');
});

it('refuses a code with another redirect_uri with invalid_grant', async () => {
  const code = await codeFor();
  expectOAuthError(await token({ grant_type: 'authorization_code', code, redirect_uri: 'http://localhost:3000/other' }), 400, 'invalid_grant');
});

it('exchanges a refresh token once for a new pair', async () => {
  const first = await token({ grant_type: 'authorization_code', code: await codeFor(), redirect_uri: REDIRECT });
  const refreshed = await token({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token });
  expect(refreshed.status).toBe(200);
  expect(refreshed.body.refresh_token).not.toBe(first.body.refresh_token);
  expect((await callOperation(mock.url, 'getCustomerInfo', { token: refreshed.body.access_token })).status).toBe(200);
  expectOAuthError(await token({ grant_type: 'refresh_token', refresh_token: first.body.refresh_token }), 400, 'invalid_grant');
});

it('issues a client token without a refresh token', async () => {
  const result = await token({ grant_type: 'client_credentials' });
  expect(result.status).toBe(200);
  expect(result.body.refresh_token).toBeUndefined();
});

it('authenticates the client by body parameters, query parameters, or both', async () => {
  const credentials = { client_id: DEMO_CLIENT.id, client_secret: DEMO_CLIENT.secret };
  const query = new URLSearchParams(credentials).toString();
  expect((await token({ grant_type: 'client_credentials', ...credentials }, {})).status).toBe(200);
  expect((await postForm(`${mock.url}/user/oauth/token?${query}`, { grant_type: 'client_credentials' })).status).toBe(200);
  expect((await postForm(`${mock.url}/user/oauth/token?${query}`, { grant_type: 'client_credentials', ...credentials })).status).toBe(200);
});

it('accepts a JSON token request', async () => {
  const result = await postJson(`${mock.url}/login/oauth/token`, { grant_type: 'client_credentials', client_id: DEMO_CLIENT.id, client_secret: DEMO_CLIENT.secret });
  expect(result.status).toBe(200);
});

it('returns invalid_client given body and query client ids that disagree', async () => {
  const result = await postForm(`${mock.url}/user/oauth/token?client_id=${OTHER.id}&client_secret=${OTHER.secret}`, {
    grant_type: 'client_credentials', client_id: DEMO_CLIENT.id, client_secret: DEMO_CLIENT.secret,
  });
  expectOAuthError(result, 401, 'invalid_client');
});

it('returns 401 invalid_client given a wrong secret', async () => {
  const basic = `Basic ${Buffer.from('demo-client:wrong').toString('base64')}`;
  const result = await token({ grant_type: 'client_credentials' }, { authorization: basic });
  expectOAuthError(result, 401, 'invalid_client');
  expect(result.headers.get('www-authenticate')).toMatch(/^Basic/);
});

it('returns 401 invalid_client given no client authentication', async () => {
  expectOAuthError(await token({ grant_type: 'client_credentials' }, {}), 401, 'invalid_client');
});

it('returns unsupported_grant_type given an unknown grant', async () => {
  expectOAuthError(await token({ grant_type: 'password' }), 400, 'unsupported_grant_type');
});

it('returns invalid_request given no grant_type', async () => {
  expectOAuthError(await token({}), 400, 'invalid_request');
});

it('returns an OAuth error, not an API error, given a malformed JSON token request', async () => {
  const response = await fetch(`${mock.url}/user/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: DEMO_BASIC }, body: '{' });
  expectOAuthError({ status: response.status, body: await response.json() }, 400, 'invalid_request');
});

/** Issue 13: PKCE (RFC 7636), public clients, the integrator's own clients. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SAMPLE_EMAIL } from '../../../fixtures/index.ts';
import { DEMO_CLIENT, DEMO_SPA } from '../../config.ts';
import { type RunningMock, startMock } from '../../server.ts';
import { specValidators } from '../../../spec/index.ts';
import { callOperation, DEMO_BASIC, postForm } from '../../testing/test-support.ts';
import { derive } from './pkce.ts';

/** RFC 7636 Appendix B. */
const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
const OTHER_VERIFIER = 'x'.repeat(43);
const REDIRECT = 'http://localhost:3000/callback';
const MINE = { id: 'my-service', secret: 'my-secret' };
const MY_SPA = { id: 'my-spa', secret: undefined };
let mock: RunningMock;

beforeAll(async () => {
  mock = await startMock({ count: 0, rateLimit: false, clients: [DEMO_CLIENT, DEMO_SPA, MINE, MY_SPA] });
});
afterAll(() => mock.close());

async function authorize(params: Record<string, string>) {
  const query = new URLSearchParams({ response_type: 'code', client_id: DEMO_SPA.id, redirect_uri: REDIRECT, state: 's-1', login_hint: SAMPLE_EMAIL, ...params });
  const response = await fetch(`${mock.url}/user/oauth/authorize?${query.toString()}`, { redirect: 'manual' });
  const location = response.headers.get('location');
  return { status: response.status, text: await response.text(), params: location ? new URL(location).searchParams : undefined };
}

async function codeFor(params: Record<string, string>): Promise<string> {
  const { params: got } = await authorize(params);
  expect(got?.get('error')).toBeNull();
  return got!.get('code')!;
}

const token = (form: Record<string, string>, headers: Record<string, string> = {}) => postForm(`${mock.url}/user/oauth/token`, form, headers);
const exchange = (code: string, extra: Record<string, string>, clientId = DEMO_SPA.id) =>
  token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, client_id: clientId, ...extra });

function expectOAuthError(result: { status: number; body: unknown }, status: number, error: string) {
  expect(result.status).toBe(status);
  expect(specValidators().component('OAuthError')(result.body)).toBe(true);
  expect(result.body).toMatchObject({ error });
  expect((result.body as { error_description: string }).error_description).toMatch(/^[A-Z].+[.]$/);
}

it('derives the S256 challenge of RFC 7636 Appendix B', () => {
  expect(derive(VERIFIER, 'S256')).toBe(CHALLENGE);
  expect(derive(VERIFIER, 'plain')).toBe(VERIFIER);
});

it('gives the public client demo-spa a user token for the matching S256 verifier, with client_id alone', async () => {
  const code = await codeFor({ code_challenge: CHALLENGE, code_challenge_method: 'S256' });
  const result = await exchange(code, { code_verifier: VERIFIER });
  expect(result.status).toBe(200);
  expect(result.body.refresh_token).toBeTruthy();
  expect((await callOperation(mock.url, 'getCustomerInfo', { token: result.body.access_token })).status).toBe(200);
});

it('takes plain, the default method, and the plain method named', async () => {
  expect((await exchange(await codeFor({ code_challenge: VERIFIER }), { code_verifier: VERIFIER })).status).toBe(200);
  expect((await exchange(await codeFor({ code_challenge: VERIFIER, code_challenge_method: 'plain' }), { code_verifier: VERIFIER })).status).toBe(200);
});

it('refuses a verifier that does not match with invalid_grant, and spends the code', async () => {
  const code = await codeFor({ code_challenge: CHALLENGE, code_challenge_method: 'S256' });
  expectOAuthError(await exchange(code, { code_verifier: OTHER_VERIFIER }), 400, 'invalid_grant');
  expectOAuthError(await exchange(code, { code_verifier: VERIFIER }), 400, 'invalid_grant');
});

it('refuses an S256 code exchanged with the challenge itself as a plain verifier', async () => {
  expectOAuthError(await exchange(await codeFor({ code_challenge: CHALLENGE, code_challenge_method: 'S256' }), { code_verifier: CHALLENGE }), 400, 'invalid_grant');
});

it('refuses a missing verifier with invalid_grant', async () => {
  expectOAuthError(await exchange(await codeFor({ code_challenge: CHALLENGE, code_challenge_method: 'S256' }), {}), 400, 'invalid_grant');
});

it('refuses a verifier for a code issued without a challenge with invalid_grant', async () => {
  const code = await codeFor({ client_id: DEMO_CLIENT.id });
  const result = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: VERIFIER }, { authorization: DEMO_BASIC });
  expectOAuthError(result, 400, 'invalid_grant');
});

it('lets a confidential client use PKCE too, and requires the verifier then', async () => {
  const code = await codeFor({ client_id: DEMO_CLIENT.id, code_challenge: CHALLENGE, code_challenge_method: 'S256' });
  expectOAuthError(await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT }, { authorization: DEMO_BASIC }), 400, 'invalid_grant');
  const next = await codeFor({ client_id: DEMO_CLIENT.id, code_challenge: CHALLENGE, code_challenge_method: 'S256' });
  expect((await token({ grant_type: 'authorization_code', code: next, redirect_uri: REDIRECT, code_verifier: VERIFIER }, { authorization: DEMO_BASIC })).status).toBe(200);
});

it.each([
  ['a code_challenge_method other than S256 and plain', { code_challenge: CHALLENGE, code_challenge_method: 'S512' }, /S512.*not supported/],
  ['a code_challenge_method without a challenge', { code_challenge_method: 'S256' }, /without a code_challenge/],
  ['a code_challenge that is too short', { code_challenge: 'abc', code_challenge_method: 'S256' }, /43 to 128/],
  ['no code_challenge from a public client', {}, /public client and must use PKCE/],
])('redirects back with invalid_request and the state given %s', async (_what, params, description) => {
  const { status, params: got } = await authorize(params);
  expect(status).toBe(302);
  expect(got?.get('error')).toBe('invalid_request');
  expect(got?.get('error_description')).toMatch(description);
  expect(got?.get('state')).toBe('s-1');
  expect(got?.get('code')).toBeNull();
});

it('refuses client_credentials to a public client with 400 unauthorized_client', async () => {
  expectOAuthError(await token({ grant_type: 'client_credentials', client_id: DEMO_SPA.id }), 400, 'unauthorized_client');
  expectOAuthError(await token({ grant_type: 'client_credentials', client_id: MY_SPA.id }), 400, 'unauthorized_client');
});

it('refuses a secret sent for a public client with invalid_client', async () => {
  const code = await codeFor({ code_challenge: CHALLENGE, code_challenge_method: 'S256' });
  expectOAuthError(await exchange(code, { code_verifier: VERIFIER, client_secret: 'guess' }), 401, 'invalid_client');
});

it('takes a public client by HTTP Basic with an empty password', async () => {
  const code = await codeFor({ code_challenge: CHALLENGE, code_challenge_method: 'S256' });
  const basic = `Basic ${Buffer.from('demo-spa:').toString('base64')}`;
  const result = await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT, code_verifier: VERIFIER }, { authorization: basic });
  expect(result.status).toBe(200);
});

it('logs in the integrator\'s own clients: a confidential one by its secret, a public one by PKCE', async () => {
  const basic = `Basic ${Buffer.from(`${MINE.id}:${MINE.secret}`).toString('base64')}`;
  expect((await token({ grant_type: 'client_credentials' }, { authorization: basic })).status).toBe(200);
  const code = await codeFor({ client_id: MINE.id });
  expect((await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT }, { authorization: basic })).status).toBe(200);
  const spaCode = await codeFor({ client_id: MY_SPA.id, code_challenge: CHALLENGE, code_challenge_method: 'S256' });
  expect((await exchange(spaCode, { code_verifier: VERIFIER }, MY_SPA.id)).status).toBe(200);
});

it('keeps the challenge through the login page', async () => {
  const { status, text } = await authorize({ login_hint: '', code_challenge: CHALLENGE, code_challenge_method: 'S256' });
  expect(status).toBe(200);
  expect(text).toContain(`name="code_challenge" value="${CHALLENGE}"`);
  expect(text).toContain('name="code_challenge_method" value="S256"');
  expect(text).toContain(`code_challenge=${CHALLENGE}`);
});

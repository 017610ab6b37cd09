/**
 * Issue 13: a standard OAuth client library from npm (openid-client 6) drives the mock as it would
 * any authorization server: RFC 8414 discovery, client credentials, the authorization code flow
 * with PKCE (login_hint skips the login page), refresh, and a call with the token.
 */
import * as oauth from 'openid-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SAMPLE_CUSTOMER_NUMBER, SAMPLE_EMAIL, SAMPLE_UNIQUE_ID } from '../../../fixtures/index.ts';
import { type RunningMock, startMock } from '../../server.ts';
import { callOperation } from '../../testing/test-support.ts';

const REDIRECT = 'http://localhost:3000/callback';
let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ count: 0, rateLimit: false });
});
afterAll(() => mock.close());

/** The mock speaks plain http on 127.0.0.1; the library refuses that unless told. */
const discover = (clientId: string, auth: oauth.ClientAuth) =>
  oauth.discovery(new URL(mock.url), clientId, undefined, auth, { algorithm: 'oauth2', execute: [oauth.allowInsecureRequests] });

it('discovers the endpoints and gets a client token by client credentials', async () => {
  const config = await discover('demo-client', oauth.ClientSecretBasic('demo-secret'));
  expect(config.serverMetadata()).toMatchObject({ issuer: mock.url, token_endpoint: `${mock.url}/user/oauth/token` });
  const tokens = await oauth.clientCredentialsGrant(config);
  expect(tokens.token_type.toLowerCase()).toBe('bearer');
  const info = await callOperation(mock.url, 'getClientCustomerInfo', { token: tokens.access_token, params: { customerNumber: SAMPLE_CUSTOMER_NUMBER } });
  expect(info.status).toBe(200);
});

it('logs in the public client demo-spa with PKCE (S256) and login_hint, then refreshes', async () => {
  const config = await discover('demo-spa', oauth.None());
  expect(config.serverMetadata().supportsPKCE('S256')).toBe(true);
  const verifier = oauth.randomPKCECodeVerifier();
  const state = oauth.randomState();
  const url = oauth.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state,
    login_hint: SAMPLE_EMAIL,
  });
  const redirect = await fetch(url, { redirect: 'manual' });
  expect(redirect.status).toBe(302);
  const callback = new URL(redirect.headers.get('location')!);
  const tokens = await oauth.authorizationCodeGrant(config, callback, { pkceCodeVerifier: verifier, expectedState: state });
  expect(tokens.refresh_token).toBeTruthy();
  const profile = await callOperation(mock.url, 'getCustomerProfile', { token: tokens.access_token });
  expect(profile.body).toMatchObject({ uniqueId: SAMPLE_UNIQUE_ID, credential: { credential: SAMPLE_EMAIL, credentialType: 'A' } });

  const refreshed = await oauth.refreshTokenGrant(config, tokens.refresh_token!);
  expect(refreshed.access_token).not.toBe(tokens.access_token);
  expect((await callOperation(mock.url, 'getCustomerInfo', { token: refreshed.access_token })).body.customerNumber).toBe(SAMPLE_CUSTOMER_NUMBER);
});

it('surfaces the mock\'s invalid_grant when the verifier is wrong', async () => {
  const config = await discover('demo-spa', oauth.None());
  const state = oauth.randomState();
  const url = oauth.buildAuthorizationUrl(config, {
    redirect_uri: REDIRECT,
    code_challenge: await oauth.calculatePKCECodeChallenge(oauth.randomPKCECodeVerifier()),
    code_challenge_method: 'S256',
    state,
    login_hint: SAMPLE_EMAIL,
  });
  const callback = new URL((await fetch(url, { redirect: 'manual' })).headers.get('location')!);
  const attempt = oauth.authorizationCodeGrant(config, callback, { pkceCodeVerifier: oauth.randomPKCECodeVerifier(), expectedState: state });
  await expect(attempt).rejects.toMatchObject({ error: 'invalid_grant', status: 400 });
});

/**
 * OAuth answers in the shape RFC 6749 gives them (docs/contract-rules.md): the redirect after
 * authorize carries the code and the client's `state`, unchanged (§4.1.2); a token response has
 * `access_token`, `token_type` Bearer and `expires_in` (§5.1, RECOMMENDED and stated by the
 * reference), `Cache-Control: no-store` (§5.1 MUST), and a `refresh_token` for a user login
 * (the reference's refresh_token grant); the refresh grant gives a working token (§6).
 */
import type { HttpResponse } from '../../http/http-client.ts';
import { accessToken, CONTRACT_REDIRECT_URI, exchangeCode, tokenRequest } from '../../oauth/tokens.ts';
import { CheckFailure, CheckSkip } from '../../runner/results.ts';
import { CONTRACT_USER_EMAIL } from '../../runner/seed-customers.ts';
import { oauthClient, type Target } from '../../runner/target.ts';
import type { SemanticCheck } from '../check.ts';
import { expectResponse, expectThat } from '../expect.ts';

/** A state with characters that need encoding: it must come back byte for byte. */
const STATE = 'contract state/ø+1=2&x';

function loginHint(t: Target): string {
  const hint = t.options.userLoginHint ?? (t.adminUrl ? CONTRACT_USER_EMAIL : undefined);
  if (!hint) throw new CheckSkip('a fresh authorization code needs a login: give --user-login-hint', '--user-login-hint');
  return hint;
}

/** The authorize redirect, read (not followed): its Location's parameters. */
async function authorize(t: Target): Promise<{ res: HttpResponse; params: URLSearchParams }> {
  const url = new URL(t.tokenUrl.replace(/\/token$/, '/authorize'));
  url.search = new URLSearchParams({ response_type: 'code', client_id: t.options.clientId, redirect_uri: CONTRACT_REDIRECT_URI, state: STATE, login_hint: loginHint(t) }).toString();
  const res = await t.http.request({ method: 'GET', path: url.toString(), redirect: 'manual' });
  const location = res.headers.location;
  if (res.status < 300 || res.status >= 400 || !location) throw new CheckFailure(`the login with login_hint answered ${res.status} without a redirect`, res.exchange);
  const target = new URL(location, url);
  expectThat(`${target.origin}${target.pathname}` === CONTRACT_REDIRECT_URI, `the redirect goes to ${target.origin}${target.pathname}, not the redirect_uri ${CONTRACT_REDIRECT_URI}`, res);
  return { res, params: target.searchParams };
}

/** RFC 6749 §5.1: what every successful token response holds. */
function expectTokenResponse(res: HttpResponse, what: string): Record<string, unknown> {
  expectThat(res.status === 200, `${what} answered ${res.status}`, res);
  const body = (res.json ?? {}) as Record<string, unknown>;
  expectThat(accessToken(body) !== undefined, `${what}: no access_token`, res);
  expectThat(typeof body.token_type === 'string' && body.token_type.toLowerCase() === 'bearer', `${what}: token_type is ${JSON.stringify(body.token_type)}, not Bearer (RFC 6749 §5.1, §7.1)`, res);
  expectThat(Number.isInteger(body.expires_in) && (body.expires_in as number) > 0, `${what}: expires_in is ${JSON.stringify(body.expires_in)}, not a positive whole number of seconds (RFC 6749 §5.1)`, res);
  expectThat(/\bno-store\b/i.test(res.headers['cache-control'] ?? ''), `${what}: Cache-Control is ${JSON.stringify(res.headers['cache-control'] ?? null)}, not no-store (RFC 6749 §5.1)`, res);
  return body;
}

async function userLogin(t: Target): Promise<Record<string, unknown>> {
  const { params } = await authorize(t);
  const code = params.get('code');
  if (!code) throw new CheckFailure('the redirect after authorize carries no code');
  return expectTokenResponse(await exchangeCode(t.http, t.tokenUrl, oauthClient(t.options), code), 'the code exchange');
}

const row = (name: string, run: (t: Target) => Promise<void>): SemanticCheck => ({ group: 'oauth.shape', name, run });

export const OAUTH_SHAPE_CHECKS: SemanticCheck[] = [
  row('the redirect after authorize carries a code and the state unchanged', async (t) => {
    const { res, params } = await authorize(t);
    expectThat(Boolean(params.get('code')), 'the redirect carries no code (RFC 6749 §4.1.2)', res);
    expectThat(params.get('state') === STATE, `the redirect carries state ${JSON.stringify(params.get('state'))}, sent ${JSON.stringify(STATE)} (RFC 6749 §4.1.2: REQUIRED, exactly as received)`, res);
  }),
  row('a client credentials token response has access_token, token_type Bearer, expires_in and Cache-Control: no-store', async (t) => {
    if (t.options.clientToken) throw new CheckSkip('the run was given --client-token, not a client secret');
    expectTokenResponse(await tokenRequest(t.http, t.tokenUrl, oauthClient(t.options), { grant_type: 'client_credentials' }), 'the client credentials grant');
  }),
  row('a code exchange answers access_token, token_type Bearer, expires_in, no-store and a refresh_token', async (t) => {
    const body = await userLogin(t);
    expectThat(typeof body.refresh_token === 'string' && body.refresh_token.length > 0, 'a user login issued no refresh_token (docs/reference.md §4: the token endpoint takes refresh_token grants)');
  }),
  row('a refresh_token grant answers a new working access token', async (t) => {
    const login = await userLogin(t);
    if (typeof login.refresh_token !== 'string') throw new CheckFailure('a user login issued no refresh_token');
    const refreshed = expectTokenResponse(await tokenRequest(t.http, t.tokenUrl, oauthClient(t.options), { grant_type: 'refresh_token', refresh_token: login.refresh_token }), 'the refresh_token grant');
    expectResponse(await t.http.request({ method: 'GET', path: '/v1/customer/info', bearer: accessToken(refreshed) }), 'getCustomerInfo', 200);
  }),
];

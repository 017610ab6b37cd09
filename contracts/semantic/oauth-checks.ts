import { specValidators } from '../../spec/index.ts';
import type { HttpResponse } from '../http/http-client.ts';
import { accessToken, authorizeCode, exchangeCode, tokenRequest, type OAuthClient } from '../oauth/tokens.ts';
import { CheckFailure, CheckSkip } from '../runner/results.ts';
import { CONTRACT_USER_EMAIL } from '../runner/seed-customers.ts';
import { oauthClient, type Target } from '../runner/target.ts';
import type { SemanticCheck } from './check.ts';
import { expectThat } from './expect.ts';

/**
 * The token endpoint itself (RFC 6749), not only used: a code works once and only for the client
 * and `redirect_uri` it was issued to, a refresh token is no bearer, errors are RFC 6749 §5.2
 * bodies, and a 401 carries a `WWW-Authenticate` challenge.
 */
function loginHint(t: Target): string {
  const hint = t.options.userLoginHint ?? (t.adminUrl ? CONTRACT_USER_EMAIL : undefined);
  if (!hint) throw new CheckSkip('a fresh authorization code needs a login: give --user-login-hint', '--user-login-hint');
  return hint;
}

async function freshCode(t: Target, client = oauthClient(t.options), redirectUri?: string): Promise<string> {
  const login = await authorizeCode(t.http, t.tokenUrl, { clientId: client.clientId, loginHint: loginHint(t), ...(redirectUri ? { redirectUri } : {}) });
  if ('problem' in login) throw new CheckFailure(login.problem);
  return login.code;
}

/** An RFC 6749 §5.2 error body with this `error`, at this status (or one of these). */
function expectOAuthError(res: HttpResponse, error: string, statuses: number[]): void {
  expectThat(statuses.includes(res.status), `expected ${statuses.join(' or ')} with error ${error}, got ${res.status}`, res);
  const validate = specValidators().component('OAuthError');
  expectThat(validate(res.json), `the ${res.status} body is not an RFC 6749 error body {error, error_description}`, res);
  expectThat((res.json as { error?: unknown }).error === error, `expected the error "${error}", got ${JSON.stringify((res.json as { error?: unknown }).error)}`, res);
  if (res.status === 401) expectThat(Boolean(res.headers['www-authenticate']), 'a 401 without a WWW-Authenticate challenge (RFC 6749 §5.2, RFC 9110 §11.6.1)', res);
}

const row = (name: string, run: (t: Target) => Promise<void>): SemanticCheck => ({ group: 'oauth', name, run });
const wrongSecret = (client: OAuthClient): OAuthClient => ({ ...client, clientSecret: `${client.clientSecret}-wrong`, auth: 'basic' });

export const OAUTH_CHECKS: SemanticCheck[] = [
  row('an authorization code works once; its replay is invalid_grant', async (t) => {
    const code = await freshCode(t);
    const first = await exchangeCode(t.http, t.tokenUrl, oauthClient(t.options), code);
    expectThat(first.status === 200 && accessToken(first.json) !== undefined, `the first exchange of a fresh code answered ${first.status}`, first);
    expectOAuthError(await exchangeCode(t.http, t.tokenUrl, oauthClient(t.options), code), 'invalid_grant', [400]);
  }),
  row('refuses a code sent with another redirect_uri: invalid_grant', async (t) => {
    const code = await freshCode(t);
    expectOAuthError(await exchangeCode(t.http, t.tokenUrl, oauthClient(t.options), code, 'http://127.0.0.1/another-callback'), 'invalid_grant', [400]);
  }),
  row('refuses a code sent with a wrong client secret: 401 invalid_client', async (t) => {
    const code = await freshCode(t);
    expectOAuthError(await exchangeCode(t.http, t.tokenUrl, wrongSecret(oauthClient(t.options)), code), 'invalid_client', [401]);
  }),
  row('refuses a code exchanged by another client: invalid_grant', async (t) => {
    const other = t.options.otherClient;
    if (!other) throw new CheckSkip('needs a second OAuth client of the target: give --other-client ID:SECRET', '--other-client');
    if (!other.given) {
      // The default, the mock's second demo client: a target that does not know it cannot run the check.
      const known = await tokenRequest(t.http, t.tokenUrl, { ...other, auth: 'post' }, { grant_type: 'client_credentials' });
      if (known.status !== 200) throw new CheckSkip(`the target does not know the mock's second demo client ${other.clientId} (${known.status}): give --other-client ID:SECRET`, '--other-client');
    }
    const code = await freshCode(t);
    expectOAuthError(await exchangeCode(t.http, t.tokenUrl, { ...other, auth: 'post' }, code), 'invalid_grant', [400]);
  }),
  row('refuses the client credentials grant with a wrong secret: 401 invalid_client', async (t) => {
    if (t.options.clientToken) throw new CheckSkip('the run was given --client-token, not a client secret');
    expectOAuthError(await tokenRequest(t.http, t.tokenUrl, wrongSecret(oauthClient(t.options)), { grant_type: 'client_credentials' }), 'invalid_client', [401]);
  }),
  row('answers an unknown grant type with unsupported_grant_type', async (t) => {
    expectOAuthError(await tokenRequest(t.http, t.tokenUrl, oauthClient(t.options), { grant_type: 'urn:contract:no-such-grant' }), 'unsupported_grant_type', [400]);
  }),
  row('a refresh token is no bearer: 401 invalid_token with a challenge', async (t) => {
    const res = await exchangeCode(t.http, t.tokenUrl, oauthClient(t.options), await freshCode(t));
    const refresh = (res.json as { refresh_token?: unknown } | undefined)?.refresh_token;
    if (typeof refresh !== 'string') throw new CheckSkip('the code exchange issued no refresh token');
    const api = await t.http.request({ method: 'GET', path: '/v1/customer/info', bearer: refresh });
    expectThat(api.status === 401, `the refresh token was taken as a bearer: ${api.status}`, api);
    expectThat(/^Bearer\b/i.test(api.headers['www-authenticate'] ?? ''), 'a 401 without a WWW-Authenticate: Bearer challenge (RFC 6750 §3)', api);
    expectThat((api.json as { error?: unknown } | undefined)?.error === 'invalid_token', 'expected the OAuth error "invalid_token"', api);
  }),
];

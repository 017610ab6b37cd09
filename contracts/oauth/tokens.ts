/**
 * Getting bearers, for every part of the kit (runner, semantic suite, Dredd hooks, fuzzer): the
 * client credentials grant (RFC 6749 §4.4), a login with `login_hint` followed by the code
 * exchange (§4.1), and the mock's `POST /__admin/tokens`. Each answers a token or why there is none.
 */
import type { HttpClient, HttpResponse } from '../http/http-client.ts';

/** Where the kit's logins lead back to; never called, the code is read off the redirect. */
export const CONTRACT_REDIRECT_URI = 'http://127.0.0.1/contract-callback';

/** A token, or why there is none (with the status that said so, when one did). */
export type TokenOutcome =
  | { token: string; source: string; problem?: undefined; status?: undefined }
  | { token?: undefined; source?: undefined; problem: string; status?: number };

export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  /** `basic`: HTTP Basic (RFC 6749 §2.3.1); `post`: form parameters, as the PHP client sends them. */
  auth?: 'basic' | 'post';
}

/** `POST` a form to the token endpoint with the client's authentication. */
export function tokenRequest(http: HttpClient, tokenUrl: string, client: OAuthClient, form: Record<string, string>): Promise<HttpResponse> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  const params = new URLSearchParams(form);
  if (client.auth === 'basic') {
    headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`).toString('base64')}`;
  } else {
    params.set('client_id', client.clientId);
    params.set('client_secret', client.clientSecret);
  }
  return http.request({ method: 'POST', path: tokenUrl, rawBody: params.toString(), headers, retryOn429: true });
}

export async function clientCredentialsToken(http: HttpClient, tokenUrl: string, client: OAuthClient): Promise<TokenOutcome> {
  const res = await tokenRequest(http, tokenUrl, client, { grant_type: 'client_credentials' });
  return outcome(res, `client credentials at ${tokenUrl}`, `the client credentials grant at ${tokenUrl}`);
}

export interface Login {
  clientId: string;
  loginHint: string;
  redirectUri?: string;
  /** Extra authorize parameters (PKCE's `code_challenge`). */
  extra?: Record<string, string>;
}

/** The authorize step with a `login_hint` (the mock then skips its login page): the code, or why not. */
export async function authorizeCode(http: HttpClient, tokenUrl: string, login: Login): Promise<{ code: string } | { problem: string }> {
  const authorizeUrl = new URL(tokenUrl.replace(/\/token$/, '/authorize'));
  authorizeUrl.search = new URLSearchParams({
    response_type: 'code',
    client_id: login.clientId,
    redirect_uri: login.redirectUri ?? CONTRACT_REDIRECT_URI,
    state: 'contract-run',
    login_hint: login.loginHint,
    ...login.extra,
  }).toString();
  const res = await http.request({ method: 'GET', path: authorizeUrl.toString(), redirect: 'manual' });
  const location = res.headers.location;
  const code = location ? new URL(location, authorizeUrl).searchParams.get('code') : null;
  if (res.status >= 300 && res.status < 400 && code) return { code };
  return { problem: `the login at ${authorizeUrl.origin}${authorizeUrl.pathname} with login_hint did not redirect with a code (status ${res.status}); give --user-token instead` };
}

export function exchangeCode(http: HttpClient, tokenUrl: string, client: OAuthClient, code: string, redirectUri = CONTRACT_REDIRECT_URI): Promise<HttpResponse> {
  return tokenRequest(http, tokenUrl, client, { grant_type: 'authorization_code', code, redirect_uri: redirectUri });
}

/** Login and code exchange: a user token for `loginHint`. */
export async function loginUserToken(http: HttpClient, tokenUrl: string, client: OAuthClient, loginHint: string): Promise<TokenOutcome> {
  const login = await authorizeCode(http, tokenUrl, { clientId: client.clientId, loginHint });
  if ('problem' in login) return login;
  const res = await exchangeCode(http, tokenUrl, client, login.code);
  return outcome(res, `login of ${loginHint}`, `the code exchange at ${tokenUrl}`);
}

/** The mock's `POST /__admin/tokens` (a user by `uniqueId`, `credential` or `customerNumber`). */
export async function adminToken(http: HttpClient, adminRoot: string, who: Record<string, string | number>, headers: Record<string, string> = {}): Promise<TokenOutcome> {
  const res = await http.request({ method: 'POST', path: `${adminRoot}/tokens`, json: who, headers });
  return outcome(res, `${adminRoot}/tokens`, `POST ${adminRoot}/tokens`);
}

export function accessToken(body: unknown): string | undefined {
  const token = (body as { access_token?: unknown } | undefined)?.access_token;
  return typeof token === 'string' && token ? token : undefined;
}

function outcome(res: HttpResponse, source: string, what: string): TokenOutcome {
  const token = accessToken(res.json);
  if (res.status === 200 && token) return { token, source };
  return { problem: `${what} answered ${res.status}: ${res.text.slice(0, 120)}`, status: res.status };
}

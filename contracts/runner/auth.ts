import type { HttpClient } from './http-client.ts';
import type { ContractOptions } from './options.ts';

/** Where the run's login leads back to; never called, the code is read off the redirect. */
const REDIRECT_URI = 'http://127.0.0.1/contract-callback';

/** A token, or why the run has none. */
export type TokenOutcome =
  | { token: string; source: string; problem?: undefined; status?: undefined }
  | { token?: undefined; source?: undefined; problem: string; status?: number };

/**
 * The client-mode bearer: the given one, or the client credentials grant at the token URL
 * (RFC 6749 §4.4) with `client_id`/`client_secret` form parameters, as the PHP client sends them.
 */
export async function clientToken(http: HttpClient, options: ContractOptions, tokenUrl = options.tokenUrl): Promise<TokenOutcome> {
  if (options.clientToken) return { token: options.clientToken, source: '--client-token' };
  const res = await http.request({
    method: 'POST',
    path: tokenUrl,
    rawBody: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: options.clientId,
      client_secret: options.clientSecret,
    }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  const token = accessToken(res.json);
  if (res.status === 200 && token) return { token, source: `client credentials at ${tokenUrl}` };
  return { problem: `the client credentials grant at ${tokenUrl} answered ${res.status}: ${res.text.slice(0, 120)}`, status: res.status };
}

/**
 * The user-mode bearer: the given one, or a login through the authorization endpoint with a
 * `login_hint` (the mock skips its login page then) followed by the code exchange (RFC 6749 §4.1).
 */
export async function userToken(http: HttpClient, options: ContractOptions, tokenUrl = options.tokenUrl): Promise<TokenOutcome> {
  if (options.userToken) return { token: options.userToken, source: '--user-token' };
  if (!options.userLoginHint) return { problem: 'no --user-token or --user-login-hint given' };
  const authorizeUrl = new URL(tokenUrl.replace(/\/token$/, '/authorize'));
  const state = 'contract-run';
  authorizeUrl.search = new URLSearchParams({
    response_type: 'code',
    client_id: options.clientId,
    redirect_uri: REDIRECT_URI,
    state,
    login_hint: options.userLoginHint,
  }).toString();
  const login = await http.request({ method: 'GET', path: authorizeUrl.toString(), redirect: 'manual' });
  const location = login.headers.location;
  const code = location ? new URL(location, authorizeUrl).searchParams.get('code') : null;
  if (login.status < 300 || login.status >= 400 || !code) {
    return { problem: `the login at ${authorizeUrl.origin}${authorizeUrl.pathname} with login_hint did not redirect with a code (status ${login.status}); give --user-token instead` };
  }
  return exchangeCode(http, options, tokenUrl, code);
}

async function exchangeCode(http: HttpClient, options: ContractOptions, tokenUrl: string, code: string): Promise<TokenOutcome> {
  const res = await http.request({
    method: 'POST',
    path: tokenUrl,
    rawBody: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: REDIRECT_URI,
      client_id: options.clientId,
      client_secret: options.clientSecret,
    }).toString(),
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
  const token = accessToken(res.json);
  if (res.status === 200 && token) return { token, source: `login of ${options.userLoginHint}` };
  return { problem: `the code exchange at ${tokenUrl} answered ${res.status}: ${res.text.slice(0, 120)}` };
}

export function accessToken(body: unknown): string | undefined {
  const token = (body as { access_token?: unknown } | undefined)?.access_token;
  return typeof token === 'string' && token ? token : undefined;
}

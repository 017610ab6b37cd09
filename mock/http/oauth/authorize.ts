/**
 * `GET …/oauth/authorize`, the front door of the authorization code flow as ConnectID has it
 * (docs/reference.md §4). A careful authorization server (RFC 6749 §4.1.2.1, §10.15) never redirects to
 * an unverified place: an unknown client or a `redirect_uri` that is not http(s) gets an HTML error
 * page. Everything else answers by redirect: a code, or an RFC 6749 error with the `state`. A
 * public client must send a PKCE challenge (RFC 7636); a login hint that logs nobody in shows the
 * login page again with the error, so that the person can try again.
 */
import type { OAuthClient } from '../../config.ts';
import type { CustomerStore } from '../../core/customer-store.ts';
import type { MockRequest, MockResponse } from '../pipeline/exchange.ts';
import type { Step } from '../pipeline/run-steps.ts';
import { type AuthorizeRequest, errorPage, loginPage } from './login-page.ts';
import { readChallenge } from './pkce.ts';
import { codeNames } from './token-store.ts';
import { isRegisteredRedirect, redirectRule } from './redirect-uris.ts';

/** How many users the login page offers. */
const LOGIN_PAGE_USERS = 12;

export function authorize(clients: readonly OAuthClient[]): Step {
  return (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    // The login page must not be framed by another page (clickjacking; RFC 9700 §4.16).
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Content-Security-Policy', "frame-ancestors 'none'");
    const request = readRequest(req, res, clients);
    if (request) return logIn(req, res, request);
  };
}

/** The checked authorize request, or `undefined` when it was answered with an error page or redirect. */
function readRequest(req: MockRequest, res: MockResponse, clients: readonly OAuthClient[]): AuthorizeRequest | undefined {
  const query = req.query as Record<string, unknown>;
  const clientId = single(query.client_id);
  const redirectUri = single(query.redirect_uri);
  const client = clients.find((known) => known.id === clientId);
  if (!clientId || !client) {
    res.status(400).type('html').send(errorPage('Unknown client', `The client_id "${clientId ?? ''}" is not registered with this server; the demo clients are demo-client and demo-spa (public), and --client adds your own.`));
    return undefined;
  }
  if (!isHttpUrl(redirectUri)) {
    res.status(400).type('html').send(errorPage('Invalid redirect_uri', 'The redirect_uri must be an absolute http or https URL without a fragment, such as http://localhost:3000/callback.'));
    return undefined;
  }
  if (!isRegisteredRedirect(client, redirectUri)) {
    res.status(400).type('html').send(errorPage('Unregistered redirect_uri', redirectRule(client)));
    return undefined;
  }
  const request: AuthorizeRequest = { clientId, redirectUri, state: single(query.state) };
  const responseType = single(query.response_type);
  if (responseType !== 'code') {
    redirect(res, request, { error: responseType ? 'unsupported_response_type' : 'invalid_request', error_description: 'Set response_type=code; this server supports the authorization code flow only.' });
    return undefined;
  }
  const pkce = readChallenge(single(query.code_challenge), single(query.code_challenge_method));
  const problem = pkce && 'error' in pkce
    ? pkce.error
    : !pkce && client.secret === undefined
      ? `The client "${clientId}" is a public client and must use PKCE: send code_challenge and code_challenge_method=S256 (RFC 7636).`
      : undefined;
  if (problem !== undefined) {
    redirect(res, request, { error: 'invalid_request', error_description: problem });
    return undefined;
  }
  if (pkce && !('error' in pkce)) request.pkce = pkce;
  return request;
}

/** The login page, or with a `login_hint` that logs a user in, the redirect with a code. */
function logIn(req: MockRequest, res: MockResponse, request: AuthorizeRequest): void | Promise<void> {
  const { store, commit, basePath } = req.context!;
  const action = basePath + req.pathname;
  const rawHint = single((req.query as Record<string, unknown>).login_hint);
  const hint = rawHint?.trim();
  if (!hint) {
    res.status(200).type('html').send(loginPage(action, request, store.sampleUsers(LOGIN_PAGE_USERS)));
    return;
  }
  const login = resolveLogin(store, hint, rawHint ?? '');
  if (!login) {
    // The person may have mistyped: show the page again with the error rather than leave.
    const error = `No user logs in with "${hint}". Pick a user below, or type a credential (email, +47 phone) or uniqueId of an attached user.`;
    res.status(200).type('html').send(loginPage(action, request, store.sampleUsers(LOGIN_PAGE_USERS), { error, typed: hint }));
    return;
  }
  const { clientId, redirectUri, pkce } = request;
  const issued = commit({ kind: 'code', code: { clientId, redirectUri, ...login, ...(pkce ? { pkce } : {}) }, ...codeNames() });
  if (issued instanceof Promise) return issued.then((code) => redirect(res, request, { code }));
  redirect(res, request, { code: issued });
}

/** The user of a login hint, and the credential used when the hint was one (not a uniqueId). */
function resolveLogin(store: CustomerStore, hint: string, rawHint: string): { uniqueId: string; credential?: string } | undefined {
  const user = store.resolveLoginHint(hint);
  if (user) return user.uniqueId === hint ? { uniqueId: user.uniqueId } : { uniqueId: user.uniqueId, credential: hint };
  // `login_hint=+4790123456` pasted into a URL unencoded arrives as " 4790123456" (a `+` in a
  // query string is a space). Read it as the E.164 number the developer meant.
  if (!/^ \d{4,15}$/.test(rawHint)) return undefined;
  const phone = `+${rawHint.slice(1)}`;
  const byPhone = store.resolveLoginHint(phone);
  return byPhone ? { uniqueId: byPhone.uniqueId, credential: phone } : undefined;
}

function redirect(res: MockResponse, request: AuthorizeRequest, params: Record<string, string>): void {
  const target = new URL(request.redirectUri);
  for (const [name, value] of Object.entries(params)) target.searchParams.set(name, value);
  if (request.state !== undefined) target.searchParams.set('state', request.state);
  res.redirect(302, target.toString());
}

function isHttpUrl(value: string | undefined): value is string {
  if (!value) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !value.includes('#');
  } catch {
    return false;
  }
}

/** A query parameter given once; a repeated parameter is treated as absent (RFC 6749 §3.1). */
function single(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

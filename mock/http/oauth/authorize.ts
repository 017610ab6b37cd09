/**
 * `GET …/oauth/authorize`, the front door of the authorization code flow as ConnectID has it
 * (DESIGN.md §4). A careful authorization server (RFC 6749 §4.1.2.1, §10.15) never redirects to
 * an unverified place: an unknown client or a `redirect_uri` that is not http(s) gets an HTML error
 * page. Everything else answers by redirect: a code, or an RFC 6749 error with the `state`.
 */
import type { OAuthClient } from '../../config.ts';
import type { CustomerStore } from '../../core/customer-store.ts';
import type { MockResponse } from '../pipeline/exchange.ts';
import type { Step } from '../pipeline/run-steps.ts';
import { type AuthorizeRequest, errorPage, loginPage } from './login-page.ts';
import { isRegisteredRedirect, redirectRule } from './redirect-uris.ts';

/** How many users the login page offers. */
const LOGIN_PAGE_USERS = 12;

export function authorize(clients: readonly OAuthClient[]): Step {
  return (req, res) => {
    const { store, tokens } = req.context!;
    res.setHeader('Cache-Control', 'no-store');
    // The login page must not be framed by another page (clickjacking; RFC 9700 §4.16).
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Content-Security-Policy', "frame-ancestors 'none'");
    const query = req.query as Record<string, unknown>;
    const clientId = single(query.client_id);
    const redirectUri = single(query.redirect_uri);
    const client = clientId === undefined ? undefined : clients.find((known) => known.id === clientId);
    if (!clientId || !client) {
      res.status(400).type('html').send(errorPage('Unknown client', `The client_id "${clientId ?? ''}" is not registered with this server; the demo client is demo-client.`));
      return;
    }
    if (!isHttpUrl(redirectUri)) {
      res.status(400).type('html').send(errorPage('Invalid redirect_uri', 'The redirect_uri must be an absolute http or https URL without a fragment, such as http://localhost:3000/callback.'));
      return;
    }
    if (!isRegisteredRedirect(client, redirectUri)) {
      res.status(400).type('html').send(errorPage('Unregistered redirect_uri', redirectRule(client)));
      return;
    }
    const request: AuthorizeRequest = { clientId, redirectUri, state: single(query.state) };
    const responseType = single(query.response_type);
    if (responseType !== 'code') {
      redirect(res, request, { error: responseType ? 'unsupported_response_type' : 'invalid_request', error_description: 'Set response_type=code; this server supports the authorization code flow only.' });
      return;
    }
    const rawHint = single(query.login_hint);
    const hint = rawHint?.trim();
    if (!hint) {
      res.status(200).type('html').send(loginPage(req.context!.basePath + req.pathname, request, store.sampleUsers(LOGIN_PAGE_USERS)));
      return;
    }
    const user = store.resolveLoginHint(hint) ?? resolveUnencodedPlus(store, rawHint ?? '');
    if (!user) {
      redirect(res, request, { error: 'access_denied', error_description: `No user logs in with "${hint}"; use a credential or uniqueId of an attached user, or open the login page without login_hint.` });
      return;
    }
    const code = tokens.issueCode({ clientId, redirectUri, uniqueId: user.uniqueId });
    redirect(res, request, { code });
  };
}

function redirect(res: MockResponse, request: AuthorizeRequest, params: Record<string, string>): void {
  const target = new URL(request.redirectUri);
  for (const [name, value] of Object.entries(params)) target.searchParams.set(name, value);
  if (request.state !== undefined) target.searchParams.set('state', request.state);
  res.redirect(302, target.toString());
}

/**
 * `login_hint=+4790123456` pasted into a URL unencoded arrives as " 4790123456" (a `+` in a query
 * string is a space). Read it as the E.164 number the developer meant.
 */
function resolveUnencodedPlus(store: CustomerStore, rawHint: string) {
  return /^ \d{4,15}$/.test(rawHint) ? store.resolveLoginHint(`+${rawHint.slice(1)}`) : undefined;
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

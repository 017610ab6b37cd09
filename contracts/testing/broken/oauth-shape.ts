/**
 * OAuth answers that work for a client that reads only the token, and break RFC 6749/6750's
 * shape: a redirect without `state`, token responses without `expires_in` or without a refresh
 * token, Bearer challenges that do not name the error.
 */
import type { Breakage } from '../wrap-mock.ts';
import { form, isToken, json, withJson, type BrokenServer } from './broken-server.ts';

const stateDropped: Breakage = {
  response: (res, req) => {
    if (!/\/oauth\/authorize\?/.test(req.path) || !res.headers.location) return res;
    const location = new URL(res.headers.location);
    location.searchParams.delete('state');
    return { ...res, headers: { ...res.headers, location: location.toString() } };
  },
};

const withoutField = (field: string): Breakage => ({
  response: (res, req) => {
    const body = isToken(req) && res.status === 200 ? json(res.body) : undefined;
    if (!body || !(field in body)) return res;
    const { [field]: _dropped, ...rest } = body;
    return withJson(res, rest);
  },
});

const challengeWithoutError: Breakage = {
  response: (res, req) => (req.path.includes('/v1/') && /^Bearer/i.test(res.headers['www-authenticate'] ?? '')
    ? { ...res, headers: { ...res.headers, 'www-authenticate': 'Bearer realm="connect"' } }
    : res),
};

/** PKCE not enforced: the challenge and the verifier are never compared, so any verifier (or none) goes. */
const pkceIgnored: Breakage = {
  request: (req) => {
    if (isToken(req) && form(req).has('code_verifier')) {
      const params = form(req);
      params.delete('code_verifier');
      return { ...req, body: params.toString() };
    }
    if (!/\/oauth\/authorize\?/.test(req.path)) return req;
    const url = new URL(req.path, 'http://x');
    if (!url.searchParams.has('code_challenge')) return req;
    url.searchParams.delete('code_challenge');
    url.searchParams.delete('code_challenge_method');
    return { ...req, path: `${url.pathname}${url.search}` };
  },
};

export const OAUTH_SHAPE_BROKEN_SERVERS: BrokenServer[] = [
  { breaks: 'an authorize redirect without the state', breakage: stateDropped, caughtBy: 'semantic.oauth.shape: the redirect after authorize carries a code and the state unchanged' },
  { breaks: 'token responses without expires_in', breakage: withoutField('expires_in'), caughtBy: 'semantic.oauth.shape: a client credentials token response has access_token, token_type Bearer, expires_in and Cache-Control: no-store' },
  { breaks: 'a user login without a refresh_token', breakage: withoutField('refresh_token'), caughtBy: 'semantic.oauth.shape: a code exchange answers access_token, token_type Bearer, expires_in, no-store and a refresh_token' },
  { breaks: 'PKCE not enforced', breakage: pkceIgnored, caughtBy: 'semantic.oauth.pkce: a code issued with a code_challenge is refused with a wrong code_verifier: invalid_grant' },
  { breaks: 'Bearer challenges that do not name the error', breakage: challengeWithoutError, caughtBy: 'semantic.auth.getCustomerInfo: answers 401 with an unknown bearer' },
];

/**
 * The OAuth2 endpoints at both real paths (docs/reference.md §4): `/user/oauth/…` (production) and
 * `/login/oauth/…` (the test environment). The token endpoint takes form bodies (RFC 6749 §4) and,
 * for convenience, JSON; its errors are RFC 6749 §5.2 bodies, including for unreadable bodies. The
 * RFC 8414 metadata document names them for OAuth libraries.
 */
import type { OAuthClient } from '../../config.ts';
import { type ApiError, errors } from '../../core/errors.ts';
import { readBody } from '../pipeline/read-body.ts';
import type { MockResponse } from '../pipeline/exchange.ts';
import type { RouteTable } from '../pipeline/route-table.ts';
import type { Step } from '../pipeline/run-steps.ts';
import { sendJson } from '../send-json.ts';
import { authorize } from './authorize.ts';
import { authenticateClient } from './client-auth.ts';
import { DISCOVERY_PATH, discovery } from './discovery.ts';
import { exchangeGrant } from './grants.ts';
import type { TokenResponse } from './token-store.ts';

export const OAUTH_PREFIXES = ['/user/oauth', '/login/oauth'];

/** Token requests are small; a tight limit keeps junk out. */
const TOKEN_BODY_LIMIT = 64 * 1024;

const tokenBody = readBody({ limit: TOKEN_BODY_LIMIT, forms: true, refuse: inOAuthTerms });

export function addOAuthRoutes(table: RouteTable, clients: readonly OAuthClient[]): void {
  const steps = { authorize: [authorize(clients)], token: [tokenBody, tokenEndpoint(clients)] };
  for (const prefix of OAUTH_PREFIXES) {
    table.add('GET', `${prefix}/authorize`, steps.authorize);
    table.add('POST', `${prefix}/token`, steps.token);
  }
  table.add('GET', DISCOVERY_PATH, [discovery]);
}

function tokenEndpoint(clients: readonly OAuthClient[]): Step {
  return (req, res) => {
    const body = isObject(req.body) ? req.body : {};
    const query = req.query as Record<string, unknown>;
    const client = authenticateClient({ authorization: req.headers.authorization, body, query }, clients);
    const tokens = exchangeGrant(body, client, req.context!.commit);
    if (tokens instanceof Promise) return tokens.then((later) => answer(res, later));
    answer(res, tokens);
  };
}

function answer(res: MockResponse, tokens: TokenResponse): void {
  // RFC 6749 §5.1: token responses must not be cached.
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Pragma', 'no-cache');
  sendJson(res, 200, tokens);
}

/** Unreadable token request bodies are OAuth errors too, not API errors. */
function inOAuthTerms(error: ApiError): ApiError {
  if (error.status === 415) {
    return errors.oauth(400, 'invalid_request', 'The token request body must be application/x-www-form-urlencoded (RFC 6749 §4) or application/json.');
  }
  const description = `The token request body could not be read (${error.message.replace(/[.]$/, '')}); send form-encoded parameters as RFC 6749 §4 shows.`;
  return errors.oauth(error.status === 413 ? 413 : 400, 'invalid_request', description);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

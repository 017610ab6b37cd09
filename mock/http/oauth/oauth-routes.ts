/**
 * The OAuth2 endpoints at both real paths (DESIGN.md §4): `/user/oauth/…` (production) and
 * `/login/oauth/…` (the test environment). The token endpoint takes form bodies (RFC 6749 §4) and,
 * for convenience, JSON; its errors are RFC 6749 §5.2 bodies, including for unreadable bodies.
 */
import express, { Router, type ErrorRequestHandler, type RequestHandler } from 'express';
import type { OAuthClient } from '../../config.ts';
import type { CustomerStore } from '../../core/customer-store.ts';
import { ApiError, errors } from '../../core/errors.ts';
import { fromBodyParserError } from '../error-handler.ts';
import { hasContent } from '../json-body.ts';
import { authorize } from './authorize.ts';
import { authenticateClient } from './client-auth.ts';
import { exchangeGrant } from './grants.ts';
import type { TokenStore } from './token-store.ts';

export const OAUTH_PREFIXES = ['/user/oauth', '/login/oauth'];

/** Token requests are small; a tight limit keeps junk out. */
const TOKEN_BODY_LIMIT = 64 * 1024;

export interface OAuthDeps {
  clients: readonly OAuthClient[];
  store: CustomerStore;
  tokens: TokenStore;
}

export function oauthRoutes(deps: OAuthDeps): Router {
  const router = Router();
  const at = (endpoint: string) => OAUTH_PREFIXES.map((prefix) => `${prefix}/${endpoint}`);
  router.get(at('authorize'), authorize(deps));
  router.post(
    at('token'),
    requireFormOrJson,
    express.urlencoded({ extended: false, limit: TOKEN_BODY_LIMIT }),
    express.json({ limit: TOKEN_BODY_LIMIT }),
    tokenEndpoint(deps),
  );
  router.use(at('token'), oauthBodyErrors);
  return router;
}

function tokenEndpoint(deps: OAuthDeps): RequestHandler {
  return (req, res) => {
    const body = isObject(req.body) ? req.body : {};
    const query = req.query as Record<string, unknown>;
    const client = authenticateClient({ authorization: req.headers.authorization, body, query }, deps.clients);
    const tokens = exchangeGrant(body, client, deps.tokens);
    // RFC 6749 §5.1: token responses must not be cached.
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Pragma', 'no-cache');
    res.status(200).json(tokens);
  };
}

const requireFormOrJson: RequestHandler = (req, _res, next) => {
  if (hasContent(req) && !req.is(['application/x-www-form-urlencoded', 'application/json'])) {
    throw errors.oauth(400, 'invalid_request', 'The token request body must be application/x-www-form-urlencoded (RFC 6749 §4) or application/json.');
  }
  next();
};

/** Unreadable token request bodies are OAuth errors too, not API errors. */
const oauthBodyErrors: ErrorRequestHandler = (error, _req, _res, next) => {
  if (error instanceof ApiError) {
    next(error);
    return;
  }
  const known = fromBodyParserError(error);
  const description = `The token request body could not be read (${known?.message.replace(/[.]$/, '')}); send form-encoded parameters as RFC 6749 §4 shows.`;
  next(known ? errors.oauth(known.status === 413 ? 413 : 400, 'invalid_request', description) : error);
};

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

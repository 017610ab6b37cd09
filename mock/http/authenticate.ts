/**
 * Bearer authentication of the API (RFC 6750): no, unknown or expired bearer is 401
 * `invalid_token`; a token of the wrong kind for the operation is 403 `insufficient_scope`
 * (docs/reference.md §3). The operation's token kind comes from its security scheme in the spec.
 */
import { type ApiError, errors } from '../core/errors.ts';
import type { TokenKind } from '../../spec/index.ts';
import type { TokenGrant, TokenStore } from './oauth/token-store.ts';
import type { Step } from './pipeline/run-steps.ts';

const NEW_TOKEN_HINT = 'request a new one from /user/oauth/token';

const WRONG_KIND: Record<TokenKind, string> = {
  user:
    'This endpoint needs a user token, not a client token; log the user in with the authorization code flow ' +
    '(/user/oauth/authorize) or POST /__admin/tokens with a uniqueId.',
  client:
    'This endpoint needs a client token, not a user token; get one with grant_type=client_credentials at /user/oauth/token.',
};

/** Reads the bearer of a request (401 when missing, unknown or expired) into `req.grant`. */
export const authenticate: Step = (req) => {
  req.grant = verifyBearer(req.context!.tokens, req.headers.authorization);
};

/**
 * 403 `insufficient_scope` for a token of the wrong kind. Runs after the rate limit, so that this
 * error, sent to a known client, carries the `X-RateLimit-*` headers as the spec documents.
 */
export function requireKind(kind: TokenKind): Step {
  const refusal = WRONG_KIND[kind];
  return (req) => {
    if (req.grant!.kind !== kind) throw errors.bearer(403, 'insufficient_scope', refusal);
  };
}

/** The grant of an `Authorization: Bearer …` header, or a 401 that says what to do. */
export function verifyBearer(tokens: TokenStore, header: string | undefined): TokenGrant {
  // The header as clients send it, with a token this server issued: no need to take it apart.
  if (header !== undefined && header.startsWith('Bearer ')) {
    const found = tokens.lookup(header.slice(7));
    if (found.ok) return found.grant;
    // An expired token is forgotten by the lookup that finds it: say so now, or never.
    if (found.reason === 'expired') throw refusal(found.reason);
  }
  return verifyBearerExactly(tokens, header);
}

/** Every form RFC 6750 allows (any case, more spaces), and the 401 that says what is wrong. */
function verifyBearerExactly(tokens: TokenStore, header: string | undefined): TokenGrant {
  if (!header || header.trim() === '') {
    throw errors.bearer(401, 'invalid_token', `The request has no access token; send "Authorization: Bearer <token>" and ${NEW_TOKEN_HINT}.`);
  }
  const match = /^Bearer[ ]+([\x21-\x7e]+)\s*$/i.exec(header);
  if (!match?.[1]) {
    throw errors.bearer(401, 'invalid_token', 'The Authorization header must be "Bearer <access token>" (RFC 6750).');
  }
  const found = tokens.lookup(match[1]);
  if (!found.ok) throw refusal(found.reason);
  return found.grant;
}

function refusal(reason: 'expired' | 'unknown'): ApiError {
  return errors.bearer(
    401,
    'invalid_token',
    reason === 'expired'
      ? `The access token expired; ${NEW_TOKEN_HINT}.`
      : `The access token is not known to this server (it may be from another server or a restart); ${NEW_TOKEN_HINT}.`,
  );
}

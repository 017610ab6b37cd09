/**
 * The three grants of the token endpoint (docs/reference.md §4): `client_credentials`,
 * `authorization_code` and `refresh_token`. Errors are RFC 6749 §5.2 bodies whose
 * `error_description` says what to do next.
 */
import { errors } from '../../core/errors.ts';
import type { OAuthClient } from '../../config.ts';
import { checkVerifier } from './pkce.ts';
import type { TokenResponse, TokenStore } from './token-store.ts';

const RESTART_LOGIN = 'start the login again at /user/oauth/authorize';

/** Exchanges the parameters of a token request for tokens, for an authenticated client. */
export function exchangeGrant(params: Record<string, unknown>, client: OAuthClient, tokens: TokenStore): TokenResponse {
  const grantType = text(params, 'grant_type');
  switch (grantType) {
    case 'client_credentials':
      // RFC 6749 §4.4: only a confidential client can prove who it is without a user.
      if (client.secret === undefined) {
        throw errors.oauth(400, 'unauthorized_client', `The client "${client.id}" is a public client and cannot use client_credentials; use the authorization code flow with PKCE, or a confidential client such as demo-client.`);
      }
      return tokens.issue({ kind: 'client', clientId: client.id });
    case 'authorization_code':
      return exchangeCode(params, client, tokens);
    case 'refresh_token':
      return exchangeRefreshToken(params, client, tokens);
    case undefined:
      throw errors.oauth(400, 'invalid_request', 'The grant_type parameter is missing; use client_credentials, authorization_code or refresh_token.');
    default:
      throw errors.oauth(
        400,
        'unsupported_grant_type',
        `The grant_type "${grantType}" is not supported; use client_credentials, authorization_code or refresh_token.`,
      );
  }
}

/** RFC 6749 §4.1.3: the code is single-use and bound to its client and its redirect_uri; RFC 7636 §4.6: and to its challenge. */
function exchangeCode(params: Record<string, unknown>, client: OAuthClient, tokens: TokenStore): TokenResponse {
  const code = text(params, 'code');
  if (code === undefined) throw errors.oauth(400, 'invalid_request', 'The code parameter is missing; send the code the authorize redirect carried.');
  const issued = tokens.takeCode(code);
  if (!issued) {
    throw errors.oauth(400, 'invalid_grant', `The authorization code is unknown, expired or already used (a code used twice revokes the tokens issued for it); ${RESTART_LOGIN}.`);
  }
  if (issued.clientId !== client.id) {
    throw errors.oauth(400, 'invalid_grant', `The authorization code was issued to another client; ${RESTART_LOGIN} with client_id ${client.id}.`);
  }
  if (text(params, 'redirect_uri') !== issued.redirectUri) {
    throw errors.oauth(
      400,
      'invalid_grant',
      'The redirect_uri must be exactly the one sent to /user/oauth/authorize for this code; the code is now spent, ' +
        `so ${RESTART_LOGIN}.`,
    );
  }
  checkVerifier(issued.pkce, text(params, 'code_verifier'));
  // The code's family: a replay of this code revokes what it was exchanged for (token-store.ts).
  return tokens.issue({
    kind: 'user',
    clientId: client.id,
    uniqueId: issued.uniqueId,
    family: issued.family,
    ...(issued.credential ? { credential: issued.credential } : {}),
  });
}

/** RFC 6749 §6, with rotation: the old refresh token is spent once a new pair is issued. */
function exchangeRefreshToken(params: Record<string, unknown>, client: OAuthClient, tokens: TokenStore): TokenResponse {
  const refreshToken = text(params, 'refresh_token');
  if (refreshToken === undefined) throw errors.oauth(400, 'invalid_request', 'The refresh_token parameter is missing; send the refresh_token of the last token response.');
  const grant = tokens.takeRefreshToken(refreshToken);
  if (!grant) throw errors.oauth(400, 'invalid_grant', `The refresh token is unknown, expired or already used (a rotated refresh token used again revokes every token of its login); ${RESTART_LOGIN}.`);
  if (grant.clientId !== client.id) {
    throw errors.oauth(400, 'invalid_grant', 'The refresh token was issued to another client; refresh it with the client it was issued to.');
  }
  tokens.revokeRefreshToken(refreshToken);
  return tokens.issue(grant);
}

function text(params: Record<string, unknown>, name: string): string | undefined {
  const value = params[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

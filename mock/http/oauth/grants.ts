/**
 * The three grants of the token endpoint (docs/reference.md §4): `client_credentials`,
 * `authorization_code` and `refresh_token`. Errors are RFC 6749 §5.2 bodies whose
 * `error_description` says what to do next.
 */
import { errors } from '../../core/errors.ts';
import type { OAuthClient } from '../../config.ts';
import { after, type Commit } from '../../state/ops.ts';
import { checkVerifier } from './pkce.ts';
import { type IssuedCode, type TokenGrant, type TokenResponse, tokenNames } from './token-store.ts';

const RESTART_LOGIN = 'start the login again at /user/oauth/authorize';

type Answer = TokenResponse | Promise<TokenResponse>;

/** Issues tokens for a grant: an op, so that every process of a shared mock knows them. */
export function issue(commit: Commit, grant: TokenGrant): Answer {
  return commit({ kind: 'issue', grant, ...tokenNames(grant) });
}

/** Exchanges the parameters of a token request for tokens, for an authenticated client. */
export function exchangeGrant(params: Record<string, unknown>, client: OAuthClient, commit: Commit): Answer {
  const grantType = text(params, 'grant_type');
  switch (grantType) {
    case 'client_credentials':
      // RFC 6749 §4.4: only a confidential client can prove who it is without a user.
      if (client.secret === undefined) {
        throw errors.oauth(400, 'unauthorized_client', `The client "${client.id}" is a public client and cannot use client_credentials; use the authorization code flow with PKCE, or a confidential client such as demo-client.`);
      }
      return issue(commit, { kind: 'client', clientId: client.id });
    case 'authorization_code':
      return exchangeCode(params, client, commit);
    case 'refresh_token':
      return exchangeRefreshToken(params, client, commit);
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
function exchangeCode(params: Record<string, unknown>, client: OAuthClient, commit: Commit): Answer {
  const code = text(params, 'code');
  if (code === undefined) throw errors.oauth(400, 'invalid_request', 'The code parameter is missing; send the code the authorize redirect carried.');
  // Taking the code is one op: of two takes, on any processes, exactly one gets it.
  return after(commit({ kind: 'takeCode', code }), (issued) => tokensForCode(params, client, commit, issued));
}

function tokensForCode(params: Record<string, unknown>, client: OAuthClient, commit: Commit, issued: IssuedCode | undefined): Answer {
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
  return issue(commit, {
    kind: 'user',
    clientId: client.id,
    uniqueId: issued.uniqueId,
    family: issued.family,
    ...(issued.credential ? { credential: issued.credential } : {}),
  });
}

/** RFC 6749 §6, with rotation: the old refresh token is spent once a new pair is issued. */
function exchangeRefreshToken(params: Record<string, unknown>, client: OAuthClient, commit: Commit): Answer {
  const refreshToken = text(params, 'refresh_token');
  if (refreshToken === undefined) throw errors.oauth(400, 'invalid_request', 'The refresh_token parameter is missing; send the refresh_token of the last token response.');
  return after(commit({ kind: 'takeRefresh', token: refreshToken, clientId: client.id }), (grant) => refreshed(commit, grant));
}

function refreshed(commit: Commit, grant: TokenGrant | 'other-client' | undefined): Answer {
  if (!grant) throw errors.oauth(400, 'invalid_grant', `The refresh token is unknown, expired or already used (a rotated refresh token used again revokes every token of its login); ${RESTART_LOGIN}.`);
  if (grant === 'other-client') {
    throw errors.oauth(400, 'invalid_grant', 'The refresh token was issued to another client; refresh it with the client it was issued to.');
  }
  return issue(commit, grant);
}

function text(params: Record<string, unknown>, name: string): string | undefined {
  const value = params[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

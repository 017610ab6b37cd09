/**
 * PKCE (RFC 7636): the authorize request carries a `code_challenge` (and its method, `S256` or
 * `plain`, default `plain`, §4.3); the code remembers it, and the token request must bring the
 * `code_verifier` it was made from (§4.5, §4.6). Without it a public client's code could be
 * exchanged by anyone who saw the redirect.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { errors } from '../../core/errors.ts';

export type ChallengeMethod = 'S256' | 'plain';

export interface CodeChallenge {
  challenge: string;
  method: ChallengeMethod;
}

/** §4.1 and §4.2: 43 to 128 unreserved characters, for the verifier and for a challenge alike. */
const VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

/**
 * The challenge of an authorize request, `undefined` when it has none, or a description of what is
 * wrong, which the caller sends back as `invalid_request` (§4.4.1).
 */
export function readChallenge(challenge: string | undefined, method: string | undefined): CodeChallenge | undefined | { error: string } {
  if (challenge === undefined) {
    return method === undefined ? undefined : { error: 'code_challenge_method was sent without a code_challenge; send both, or neither.' };
  }
  const chosen = method ?? 'plain';
  if (chosen !== 'S256' && chosen !== 'plain') {
    return { error: `The code_challenge_method "${chosen}" is not supported; use S256 (recommended) or plain.` };
  }
  if (!VERIFIER.test(challenge)) {
    return { error: 'The code_challenge must be 43 to 128 characters of A-Z, a-z, 0-9, "-", ".", "_" and "~" (RFC 7636 §4.2).' };
  }
  return { challenge, method: chosen };
}

/**
 * Checks the token request's verifier against the code's challenge; every refusal is
 * `invalid_grant` (§4.6). A verifier for a code issued without a challenge is refused too, as
 * OAuth 2.1 asks, so that a stripped challenge cannot pass unnoticed.
 */
export function checkVerifier(issued: CodeChallenge | undefined, verifier: string | undefined): void {
  const again = 'the code is now spent, so start the login again at /user/oauth/authorize';
  if (!issued) {
    if (verifier !== undefined) {
      throw errors.oauth(400, 'invalid_grant', `The code was issued without a code_challenge, so it takes no code_verifier; ${again} with the challenge.`);
    }
    return;
  }
  if (verifier === undefined) {
    throw errors.oauth(400, 'invalid_grant', `The code was issued with a code_challenge; send its code_verifier (RFC 7636 §4.5); ${again}.`);
  }
  if (!VERIFIER.test(verifier) || !same(derive(verifier, issued.method), issued.challenge)) {
    throw errors.oauth(400, 'invalid_grant', `The code_verifier does not match the code_challenge (method ${issued.method}); ${again}.`);
  }
}

/** §4.2: S256 is BASE64URL(SHA256(ASCII(code_verifier))), plain the verifier itself. */
export function derive(verifier: string, method: ChallengeMethod): string {
  return method === 'plain' ? verifier : createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

function same(a: string, b: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(a), digest(b));
}

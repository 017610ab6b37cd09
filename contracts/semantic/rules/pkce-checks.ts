/**
 * PKCE (RFC 7636 §4.6) as docs/reference.md §7 has it on the mock: a code issued with an S256
 * `code_challenge` is exchanged only with the matching `code_verifier`; a wrong or a missing one is
 * `invalid_grant`. Checked with the run's own client (a confidential client may use PKCE too), on
 * the mock only: the reference says nothing of PKCE on the real API.
 */
import { createHash } from 'node:crypto';
import { accessToken, authorizeCode, CONTRACT_REDIRECT_URI, tokenRequest } from '../../oauth/tokens.ts';
import { CheckFailure, CheckSkip } from '../../runner/results.ts';
import { CONTRACT_USER_EMAIL } from '../../runner/seed-customers.ts';
import { oauthClient, type Target } from '../../runner/target.ts';
import type { SemanticCheck } from '../check.ts';
import { expectThat } from '../expect.ts';

/** 43 characters of the unreserved set (RFC 7636 §4.1), fixed: the run is deterministic. */
const VERIFIER = 'contract-pkce-verifier-0123456789abcdefghijk';
const challengeOf = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

async function pkceCode(t: Target): Promise<string> {
  if (!t.adminUrl) throw new CheckSkip("PKCE is the mock's (docs/reference.md §7); the reference says nothing of it on the real API");
  const login = await authorizeCode(t.http, t.tokenUrl, {
    clientId: t.options.clientId, loginHint: t.options.userLoginHint ?? CONTRACT_USER_EMAIL,
    extra: { code_challenge: challengeOf(VERIFIER), code_challenge_method: 'S256' },
  });
  if ('problem' in login) throw new CheckFailure(login.problem);
  return login.code;
}

const exchange = async (t: Target, verifier?: string) =>
  tokenRequest(t.http, t.tokenUrl, oauthClient(t.options), {
    grant_type: 'authorization_code', code: await pkceCode(t), redirect_uri: CONTRACT_REDIRECT_URI, ...(verifier === undefined ? {} : { code_verifier: verifier }),
  });

const row = (name: string, run: (t: Target) => Promise<void>): SemanticCheck => ({ group: 'oauth.pkce', name, run });

export const PKCE_CHECKS: SemanticCheck[] = [
  row('a code issued with an S256 code_challenge is exchanged with its code_verifier', async (t) => {
    const res = await exchange(t, VERIFIER);
    expectThat(res.status === 200 && accessToken(res.json) !== undefined, `the exchange with the right code_verifier answered ${res.status}`, res);
  }),
  ...[
    { label: 'a wrong code_verifier', verifier: `${VERIFIER.slice(0, -1)}x` },
    { label: 'no code_verifier', verifier: undefined },
  ].map(({ label, verifier }) =>
    row(`a code issued with a code_challenge is refused with ${label}: invalid_grant`, async (t) => {
      const res = await exchange(t, verifier);
      expectThat(res.status === 400 && (res.json as { error?: unknown } | undefined)?.error === 'invalid_grant', `expected 400 invalid_grant (RFC 7636 §4.6), got ${res.status} ${res.text.slice(0, 120)}`, res);
    }),
  ),
];

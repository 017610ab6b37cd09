/**
 * The bearers a fuzz run uses, got with the kit's one token helper: a client token from the token
 * URL (client credentials, HTTP Basic, RFC 6749 §2.3.1) and a user token from the mock's admin
 * API (or given). Whatever cannot be had is left out, and the families that need it are skipped.
 */
import { SAMPLE_UNIQUE_ID } from '../../fixtures/index.ts';
import type { HttpClient } from '../http/http-client.ts';
import { adminToken, clientCredentialsToken } from '../oauth/tokens.ts';
import type { Credentials } from './fuzz-case.ts';

export interface TokenOptions {
  baseUrl: string;
  tokenUrl?: string;
  clientId: string;
  clientSecret: string;
  clientToken?: string;
  userToken?: string;
  /** The user the mock's admin API issues a token for: the sample customer's user. */
  uniqueId?: string;
}

export interface TokenResult {
  credentials: Credentials;
  /** The target answers `POST /__admin/tokens`: it is the project's mock. */
  hasAdmin: boolean;
  notes: string[];
}

/** The default token URL is BASE/user/oauth/token, then the origin's, for a base under `/capi`. */
export async function fuzzCredentials(http: HttpClient, options: TokenOptions): Promise<TokenResult> {
  const base = options.baseUrl.replace(/\/$/, '');
  const roots = [...new Set([base, new URL(base).origin])];
  const notes: string[] = [];
  const client = options.clientToken ?? (await firstToken(
    (options.tokenUrl ? [options.tokenUrl] : roots.map((r) => `${r}/user/oauth/token`)).map((url) => () =>
      clientCredentialsToken(http, url, { clientId: options.clientId, clientSecret: options.clientSecret, auth: 'basic' })),
    (why) => notes.push(`no client token from ${why}`),
  ));
  // The admin API sits at the mock's root, also when the API is fuzzed under `/capi`.
  const admin = await firstToken(
    roots.map((root) => () => adminToken(http, `${root}/__admin`, { uniqueId: options.uniqueId ?? SAMPLE_UNIQUE_ID })),
    (why) => notes.push(`no admin API (${why}): not the mock`),
  );
  const user = options.userToken ?? admin;
  return { credentials: { ...(client ? { client } : {}), ...(user ? { user } : {}) }, hasAdmin: admin !== undefined, notes };
}

async function firstToken(attempts: Array<() => Promise<{ token?: string; problem?: string }>>, note: (why: string) => void): Promise<string | undefined> {
  const whys: string[] = [];
  for (const attempt of attempts) {
    const outcome = await attempt().catch((error: Error) => ({ token: undefined, problem: error.message }));
    if (outcome.token) return outcome.token;
    whys.push(outcome.problem ?? 'no token');
  }
  note(whys.join('; '));
  return undefined;
}

/**
 * The credentials a fuzz run uses: a client token from the token URL (client credentials grant,
 * HTTP Basic, RFC 6749 §4.4 and §2.3.1) and a user token from the mock's admin API (or given).
 * Whatever cannot be had is left out, and the families that need it are skipped with the reason.
 */
import { SAMPLE_UNIQUE_ID } from '../../fixtures/index.ts';
import { accessToken } from '../runner/auth.ts';
import type { Credentials } from './fuzz-case.ts';

export interface TokenOptions {
  baseUrl: string;
  tokenUrl?: string;
  clientId: string;
  clientSecret: string;
  clientToken?: string;
  userToken?: string;
  /** The user the mock's admin API issues a token for: the sample customer's user (DESIGN.md §1). */
  uniqueId?: string;
}

export interface TokenResult {
  credentials: Credentials;
  /** The target answers `POST /__admin/tokens`: it is the project's mock. */
  hasAdmin: boolean;
  notes: string[];
}

export async function obtainTokens(options: TokenOptions): Promise<TokenResult> {
  const base = options.baseUrl.replace(/\/$/, '');
  const notes: string[] = [];
  const tokenUrls = options.tokenUrl ? [options.tokenUrl] : [...new Set([base, new URL(base).origin])].map((r) => `${r}/user/oauth/token`);
  const client = options.clientToken ?? (await clientToken(tokenUrls, options, notes));
  const admin = await adminUserToken(base, options.uniqueId ?? SAMPLE_UNIQUE_ID, notes);
  const user = options.userToken ?? admin;
  return { credentials: { ...(client ? { client } : {}), ...(user ? { user } : {}) }, hasAdmin: admin !== undefined, notes };
}

/** Default token URL: BASE/user/oauth/token, then the origin's, for a base under `/capi`. */
async function clientToken(tokenUrls: string[], options: TokenOptions, notes: string[]): Promise<string | undefined> {
  const basic = Buffer.from(`${options.clientId}:${options.clientSecret}`).toString('base64');
  const whys: string[] = [];
  for (const url of tokenUrls) {
    const token = await postForToken(url, {
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    if (typeof token === 'string') return token;
    whys.push(`${url}: ${token.why}`);
  }
  notes.push(`no client token from ${whys.join('; ')}`);
  return undefined;
}

/** The admin API sits at the mock's root, also when the API is fuzzed under `/capi` (DESIGN.md §4). */
async function adminUserToken(base: string, uniqueId: string, notes: string[]): Promise<string | undefined> {
  const roots = [...new Set([base, new URL(base).origin])];
  let why = '';
  for (const root of roots) {
    const token = await postForToken(`${root}/__admin/tokens`, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ uniqueId }),
    });
    if (typeof token === 'string') return token;
    why = token.why;
  }
  notes.push(`no admin API (POST /__admin/tokens: ${why}): not the mock`);
  return undefined;
}

async function postForToken(url: string, init: { headers: Record<string, string>; body: string }): Promise<string | { why: string }> {
  try {
    const response = await fetch(url, { method: 'POST', ...init, redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    const text = await response.text();
    if (!response.ok) return { why: `${response.status} ${text.slice(0, 120)}` };
    return accessToken(JSON.parse(text)) ?? { why: 'the answer has no access_token' };
  } catch (error) {
    return { why: (error as Error).message };
  }
}

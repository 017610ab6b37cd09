/**
 * Access tokens, refresh tokens and authorization codes, in memory. Opaque random strings (like
 * ConnectID's), checked against the injected clock so that a test can move time to expire them.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../components.ts';
import type { CodeChallenge } from './pkce.ts';

export type GrantKind = 'client' | 'user';

/** What a valid access token stands for. */
export interface TokenGrant {
  kind: GrantKind;
  /** The OAuth client the token was issued to; rate limits count per client (DESIGN.md §3). */
  clientId: string;
  /** The ConnectID user, for user tokens. */
  uniqueId?: string;
  /** The credential the user logged in with, when known; the profile shows it. */
  credential?: string;
}

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token?: string;
}

interface Expiring<T> {
  value: T;
  expiresAt: number;
}

export interface IssuedCode {
  clientId: string;
  redirectUri: string;
  uniqueId: string;
  /** The credential typed or picked at login; absent when the user logged in by uniqueId. */
  credential?: string;
  /** RFC 7636: the exchange must bring the matching verifier. */
  pkce?: CodeChallenge;
}

/** RFC 6749 §4.1.2 recommends a code lifetime of at most 10 minutes. */
const CODE_TTL_MS = 10 * 60 * 1000;
/** Refresh tokens outlive access tokens; 30 days is long enough for any test run. */
const REFRESH_TTL_MS = 30 * 24 * 3600 * 1000;

/** How many issued tokens between two sweeps of expired entries. */
const SWEEP_EVERY = 1000;

export type TokenLookup = { ok: true; grant: TokenGrant } | { ok: false; reason: 'unknown' | 'expired' };

export class TokenStore {
  private readonly access = new Map<string, Expiring<TokenGrant>>();
  private readonly refresh = new Map<string, Expiring<TokenGrant>>();
  private readonly codes = new Map<string, Expiring<IssuedCode>>();
  private issued = 0;

  constructor(
    private readonly clock: Clock,
    private readonly ttlSeconds: number,
  ) {}

  /** Issues an access token (and, for a user, a refresh token), answered as RFC 6749 §5.1 says. */
  issue(grant: TokenGrant): TokenResponse {
    const now = this.clock.now();
    if (++this.issued % SWEEP_EVERY === 0) this.sweep(now);
    const accessToken = opaque('at');
    this.access.set(accessToken, { value: grant, expiresAt: now + this.ttlSeconds * 1000 });
    const response: TokenResponse = { access_token: accessToken, token_type: 'Bearer', expires_in: this.ttlSeconds };
    // RFC 6749 §4.4.3: a client credentials grant should not get a refresh token.
    if (grant.kind === 'user') {
      const refreshToken = opaque('rt');
      this.refresh.set(refreshToken, { value: grant, expiresAt: now + REFRESH_TTL_MS });
      response.refresh_token = refreshToken;
    }
    return response;
  }

  lookup(accessToken: string): TokenLookup {
    const entry = this.access.get(accessToken);
    if (!entry) return { ok: false, reason: 'unknown' };
    if (this.clock.now() >= entry.expiresAt) {
      this.access.delete(accessToken);
      return { ok: false, reason: 'expired' };
    }
    return { ok: true, grant: entry.value };
  }

  issueCode(code: IssuedCode): string {
    const value = opaque('code');
    this.codes.set(value, { value: code, expiresAt: this.clock.now() + CODE_TTL_MS });
    return value;
  }

  /** Takes a code out of the store: a code is single-use (RFC 6749 §4.1.2), so a second take fails. */
  takeCode(code: string): IssuedCode | undefined {
    const entry = this.codes.get(code);
    this.codes.delete(code);
    if (!entry || this.clock.now() >= entry.expiresAt) return undefined;
    return entry.value;
  }

  /** Takes a refresh token out of the store; the caller issues a new pair (rotation). */
  takeRefreshToken(refreshToken: string): TokenGrant | undefined {
    const entry = this.refresh.get(refreshToken);
    if (!entry || this.clock.now() >= entry.expiresAt) {
      this.refresh.delete(refreshToken);
      return undefined;
    }
    return entry.value;
  }

  /** Drops expired entries, so a long-running mock that issues many tokens stays small. */
  private sweep(now: number): void {
    for (const map of [this.access, this.refresh, this.codes] as Array<Map<string, Expiring<unknown>>>) {
      for (const [key, entry] of map) if (now >= entry.expiresAt) map.delete(key);
    }
  }

  /** Forgets a refresh token once it has been exchanged. */
  revokeRefreshToken(refreshToken: string): void {
    this.refresh.delete(refreshToken);
  }
}

function opaque(prefix: string): string {
  return `${prefix}_${randomBytes(24).toString('base64url')}`;
}

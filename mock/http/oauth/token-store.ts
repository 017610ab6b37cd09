/**
 * Access tokens, refresh tokens and authorization codes, in memory. Opaque random strings (like
 * ConnectID's), checked against the injected clock so that a test can move time to expire them.
 * Bounded (issue 16): each kind is capped per client and swept as it expires; refresh tokens
 * expire (`--refresh-ttl`). As the OAuth security BCP asks (RFC 9700 §2.2.2, §4.14; RFC 6749
 * §4.1.2), the tokens issued from one code form a family: a replayed code or a reused rotated
 * refresh token revokes the whole family.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../components.ts';
import type { CodeChallenge } from './pkce.ts';
import { ExpiringByClient } from './expiring-by-client.ts';

export type GrantKind = 'client' | 'user';

/** What a valid access token stands for. */
export interface TokenGrant {
  kind: GrantKind;
  /** The OAuth client the token was issued to; rate limits count per client (docs/reference.md §3). */
  clientId: string;
  /** The ConnectID user, for user tokens. */
  uniqueId?: string;
  /** The credential the user logged in with, when known; the profile shows it. */
  credential?: string;
  /** The tokens issued from one authorization code and their refreshes share this id. */
  family?: string;
}

export interface TokenResponse {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  refresh_token?: string;
}

export interface IssuedCode {
  clientId: string;
  redirectUri: string;
  uniqueId: string;
  /** The credential typed or picked at login; absent when the user logged in by uniqueId. */
  credential?: string;
  /** RFC 7636: the exchange must bring the matching verifier. */
  pkce?: CodeChallenge;
  /** Set by the store: the family of the tokens this code is exchanged for. */
  family?: string;
}

export interface TokenStoreOptions {
  /** Refresh token lifetime in seconds (default 30 days). */
  refreshTtlSeconds?: number;
  /** Most outstanding entries of each kind per client (default `TOKENS_PER_CLIENT`, `CODES_PER_CLIENT` for codes). */
  capPerClient?: number;
}

/** RFC 6749 §4.1.2 recommends a code lifetime of at most 10 minutes. */
const CODE_TTL_MS = 10 * 60 * 1000;
const DEFAULT_REFRESH_TTL_S = 30 * 24 * 3600;
/**
 * Outstanding codes, access tokens and refresh tokens a client may have, each: far above what a
 * test run holds (the rate limit allows 2,000 calls a minute), small enough that a flood of one
 * client costs a few megabytes.
 */
export const TOKENS_PER_CLIENT = 10_000;
/**
 * Outstanding authorization codes a client may have: a login exchanges its code at once, so a
 * thousand waiting is already a flood (each costs ~700 bytes).
 */
export const CODES_PER_CLIENT = 1_000;
/** How many issued tokens between two sweeps, besides the timer's. */
const SWEEP_EVERY = 1000;
const SWEEP_INTERVAL_MS = 60_000;

export type TokenLookup = { ok: true; grant: TokenGrant } | { ok: false; reason: 'unknown' | 'expired' };

type Rows<T> = Array<[string, string, T, number]>;

export interface TokenDump {
  access: Rows<TokenGrant>;
  refresh: Rows<TokenGrant>;
  codes: Rows<IssuedCode>;
  spentCodes: Rows<Spent>;
  spentRefresh: Rows<Spent>;
  revoked: Rows<true>;
}

interface Spent {
  clientId: string;
  family: string | undefined;
}

export class TokenStore {
  private readonly access: ExpiringByClient<TokenGrant>;
  private readonly refresh: ExpiringByClient<TokenGrant>;
  private readonly codes: ExpiringByClient<IssuedCode>;
  /** Codes and refresh tokens already used, remembered to catch a replay. */
  private readonly spentCodes: ExpiringByClient<Spent>;
  private readonly spentRefresh: ExpiringByClient<Spent>;
  /** Families revoked by a replay; their tokens read as unknown. */
  private readonly revoked: ExpiringByClient<true>;
  private readonly refreshTtlMs: number;
  private readonly timer: NodeJS.Timeout;
  private issued = 0;

  constructor(
    private readonly clock: Clock,
    private readonly ttlSeconds: number,
    options: TokenStoreOptions = {},
  ) {
    const cap = options.capPerClient ?? TOKENS_PER_CLIENT;
    this.access = new ExpiringByClient(cap);
    this.refresh = new ExpiringByClient(cap);
    const codeCap = options.capPerClient ?? CODES_PER_CLIENT;
    this.codes = new ExpiringByClient(codeCap);
    this.spentCodes = new ExpiringByClient(codeCap);
    this.spentRefresh = new ExpiringByClient(cap);
    this.revoked = new ExpiringByClient(cap);
    this.refreshTtlMs = (options.refreshTtlSeconds ?? DEFAULT_REFRESH_TTL_S) * 1000;
    // A mock that stops issuing still lets its expired entries go; unref'd, it keeps no process alive.
    this.timer = setInterval(() => this.sweep(this.clock.now()), SWEEP_INTERVAL_MS).unref();
  }

  /**
   * Issues an access token (and, for a user, a refresh token), answered as RFC 6749 §5.1 says.
   * `names` are the tokens' values when the caller drew them already (an op of the change log
   * carries them, so every process stores the same tokens: mock/state/ops.ts).
   */
  issue(grant: TokenGrant, names: TokenNames = tokenNames(grant)): TokenResponse {
    const now = this.clock.now();
    if (++this.issued % SWEEP_EVERY === 0) this.sweep(now);
    const accessToken = names.access;
    this.access.set(accessToken, grant.clientId, grant, now + this.ttlSeconds * 1000);
    const response: TokenResponse = { access_token: accessToken, token_type: 'Bearer', expires_in: this.ttlSeconds };
    // RFC 6749 §4.4.3: a client credentials grant should not get a refresh token.
    if (grant.kind === 'user') {
      const refreshToken = names.refresh ?? opaque('rt');
      this.refresh.set(refreshToken, grant.clientId, grant, now + this.refreshTtlMs);
      response.refresh_token = refreshToken;
    }
    return response;
  }

  lookup(accessToken: string): TokenLookup {
    const now = this.clock.now();
    const found = this.access.lookup(accessToken, now);
    if (!found) return { ok: false, reason: 'unknown' };
    if (found.expired) return { ok: false, reason: 'expired' };
    const grant = found.value;
    if (this.isRevoked(grant, now)) {
      this.access.delete(accessToken);
      return { ok: false, reason: 'unknown' };
    }
    return { ok: true, grant };
  }

  issueCode(code: IssuedCode, value = opaque('code'), family = opaque('fam')): string {
    const now = this.clock.now();
    if (++this.issued % SWEEP_EVERY === 0) this.sweep(now);
    this.codes.set(value, code.clientId, { ...code, family }, now + CODE_TTL_MS);
    return value;
  }

  /**
   * Takes a code out of the store: a code is single-use (RFC 6749 §4.1.2), so a second take fails
   * and revokes the tokens the first one was exchanged for.
   */
  takeCode(code: string): IssuedCode | undefined {
    const now = this.clock.now();
    const replayed = this.spentCodes.get(code, now);
    if (replayed) {
      this.revokeFamily(replayed, now);
      return undefined;
    }
    const entry = this.codes.get(code, now);
    this.codes.delete(code);
    if (!entry) return undefined;
    this.spentCodes.set(code, entry.clientId, { clientId: entry.clientId, family: entry.family }, now + CODE_TTL_MS);
    return entry;
  }

  /** The grant of a live refresh token; a rotated one presented again revokes its family. */
  takeRefreshToken(refreshToken: string): TokenGrant | undefined {
    const now = this.clock.now();
    const reused = this.spentRefresh.get(refreshToken, now);
    if (reused) {
      this.revokeFamily(reused, now);
      return undefined;
    }
    const grant = this.refresh.get(refreshToken, now);
    if (!grant || this.isRevoked(grant, now)) return undefined;
    return grant;
  }

  /** Retires a refresh token once it has been exchanged (rotation), remembering it to catch reuse. */
  revokeRefreshToken(refreshToken: string): void {
    const grant = this.refresh.delete(refreshToken);
    if (grant) this.spentRefresh.set(refreshToken, grant.clientId, { clientId: grant.clientId, family: grant.family }, this.clock.now() + this.refreshTtlMs);
  }

  /** Every token, code, spent one and revocation with its expiry, as JSON carries them (a checkpoint of shared state). */
  dump(): TokenDump {
    const { access, refresh, codes, spentCodes, spentRefresh, revoked } = this;
    return { access: access.dump(), refresh: refresh.dump(), codes: codes.dump(), spentCodes: spentCodes.dump(), spentRefresh: spentRefresh.dump(), revoked: revoked.dump() };
  }

  /** Replaces everything with a `dump`. */
  load(dump: TokenDump): void {
    this.access.load(dump.access);
    this.refresh.load(dump.refresh);
    this.codes.load(dump.codes);
    this.spentCodes.load(dump.spentCodes);
    this.spentRefresh.load(dump.spentRefresh);
    this.revoked.load(dump.revoked);
  }

  /** Forgets every token, code and revocation: the state it followed was lost (a Redis that came back empty). */
  clear(): void {
    for (const map of [this.access, this.refresh, this.codes, this.spentCodes, this.spentRefresh, this.revoked]) map.clear();
  }

  /** Stops the sweep timer. */
  close(): void {
    clearInterval(this.timer);
  }

  /** Entries held, by kind: what the memory of the store grows with. */
  sizes(): Record<string, number> {
    const { access, refresh, codes, spentCodes, spentRefresh, revoked } = this;
    return { access: access.size, refresh: refresh.size, codes: codes.size, spentCodes: spentCodes.size, spentRefresh: spentRefresh.size, revoked: revoked.size };
  }

  /** Drops expired entries, so a long-running mock that issues many tokens stays small. */
  sweep(now: number): void {
    for (const map of [this.access, this.refresh, this.codes, this.spentCodes, this.spentRefresh, this.revoked]) map.sweep(now);
  }

  private isRevoked(grant: TokenGrant, now: number): boolean {
    return grant.family !== undefined && this.revoked.get(grant.family, now) !== undefined;
  }

  /** Every token of the family stays refused for as long as any of them could live. */
  private revokeFamily(spent: Spent, now: number): void {
    if (spent.family !== undefined) this.revoked.set(spent.family, spent.clientId, true, now + Math.max(this.refreshTtlMs, this.ttlSeconds * 1000));
  }
}

/** The values of the tokens a grant gets: drawn before the grant is stored, so an op can carry them. */
export interface TokenNames {
  access: string;
  /** Only a user grant has one (RFC 6749 §4.4.3). */
  refresh: string | undefined;
}

export function tokenNames(grant: TokenGrant): TokenNames {
  return { access: opaque('at'), refresh: grant.kind === 'user' ? opaque('rt') : undefined };
}

/** The value of a new code and of its token family. */
export function codeNames(): { value: string; family: string } {
  return { value: opaque('code'), family: opaque('fam') };
}

function opaque(prefix: string): string {
  return `${prefix}_${randomBytes(24).toString('base64url')}`;
}

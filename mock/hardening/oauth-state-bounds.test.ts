/**
 * Bounded OAuth state (issue 16): 200,000 codes never exchanged stayed ten minutes with no cap, and
 * refresh tokens lived 30 days whatever was configured. Each kind is capped per client, oldest
 * dropped first, swept as it expires, and refresh tokens expire after `--refresh-ttl`. (The memory
 * this saves is measured outside the tests; see the README's security notes.)
 */
import { afterEach, expect, it } from 'vitest';
import { parseMockConfig } from '../config.ts';
import { manualClock } from '../http/components.ts';
import { CODES_PER_CLIENT, TOKENS_PER_CLIENT, TokenStore } from '../http/oauth/token-store.ts';

const clock = manualClock();
const stores: TokenStore[] = [];
afterEach(() => stores.splice(0).forEach((store) => store.close()));

function store(options: ConstructorParameters<typeof TokenStore>[2] = {}): TokenStore {
  const made = new TokenStore(clock, 60, options);
  stores.push(made);
  return made;
}

const code = (clientId: string) => ({ clientId, redirectUri: 'http://localhost/cb', uniqueId: 'u1' });

it('caps outstanding codes per client, dropping the oldest first', () => {
  const tokens = store({ capPerClient: 3 });
  const issued = [1, 2, 3, 4].map(() => tokens.issueCode(code('a')));
  const other = tokens.issueCode(code('b'));
  expect(tokens.sizes().codes).toBe(4);
  expect(tokens.takeCode(issued[0]!)).toBeUndefined();
  expect(tokens.takeCode(issued[3]!)).toBeDefined();
  expect(tokens.takeCode(other)).toBeDefined();
});

it('caps access and refresh tokens per client', () => {
  const tokens = store({ capPerClient: 2 });
  const [oldest, , newest] = [1, 2, 3].map(() => tokens.issue({ kind: 'client', clientId: 'a' }));
  expect(tokens.lookup(oldest!.access_token)).toEqual({ ok: false, reason: 'unknown' });
  expect(tokens.lookup(newest!.access_token).ok).toBe(true);
  expect(tokens.sizes().access).toBe(2);
});

it('sweeps codes, tokens and refresh tokens once they expire', () => {
  const tokens = store({ refreshTtlSeconds: 120 });
  for (let i = 0; i < 50; i++) {
    tokens.issueCode(code('a'));
    tokens.issue({ kind: 'user', clientId: 'a', uniqueId: 'u1' });
  }
  expect(tokens.sizes()).toMatchObject({ codes: 50, access: 50, refresh: 50 });
  clock.advance(11 * 60 * 1000);
  tokens.sweep(clock.now());
  expect(tokens.sizes()).toMatchObject({ codes: 0, access: 0, refresh: 0 });
});

it('expires refresh tokens after the refresh ttl', () => {
  const tokens = store({ refreshTtlSeconds: 120 });
  const { refresh_token: refreshToken } = tokens.issue({ kind: 'user', clientId: 'a', uniqueId: 'u1' });
  clock.advance(119_000);
  expect(tokens.takeRefreshToken(refreshToken!)).toBeDefined();
  clock.advance(1_000);
  expect(tokens.takeRefreshToken(refreshToken!)).toBeUndefined();
});

it('reads --refresh-ttl and MOCK_REFRESH_TTL, 30 days by default, and caps at 10,000 tokens and 1,000 codes a client', () => {
  expect(parseMockConfig([]).config.refreshTtl).toBe(30 * 24 * 3600);
  expect(parseMockConfig(['--refresh-ttl', '600']).config.refreshTtl).toBe(600);
  expect(parseMockConfig([], { MOCK_REFRESH_TTL: '900' }).config.refreshTtl).toBe(900);
  expect(TOKENS_PER_CLIENT).toBe(10_000);
  expect(CODES_PER_CLIENT).toBe(1_000);
});

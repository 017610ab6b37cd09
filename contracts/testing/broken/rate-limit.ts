/**
 * Rate-limit headers with the right shape and the wrong behaviour: a count that never moves or
 * climbs, a reset that is not the end of the current window, a 429 that does not say when to retry.
 */
import type { Breakage, WrappedResponse } from '../wrap-mock.ts';
import type { BrokenServer } from './broken-server.ts';

const setHeaders = (res: WrappedResponse, change: (headers: Record<string, string>) => Record<string, string>): WrappedResponse => ({ ...res, headers: change({ ...res.headers }) });
const onApi = (change: (headers: Record<string, string>) => Record<string, string>): Breakage => ({
  response: (res, req) => (req.path.includes('/v1/') && res.headers['x-ratelimit-remaining'] !== undefined ? setHeaders(res, change) : res),
});

/** `X-RateLimit-Remaining` is always the full allowance. */
const remainingNeverMoves = onApi((h) => ({ ...h, 'x-ratelimit-remaining': '100' }));

/** `X-RateLimit-Remaining` counts the calls made instead of the calls left. */
const remainingCountsUp = onApi((h) => ({ ...h, 'x-ratelimit-remaining': String(100_000 - Number(h['x-ratelimit-remaining'])) }));

/** `X-RateLimit-Reset` an hour ahead: still epoch seconds, not the end of any current window. */
const resetAnHourAhead = onApi((h) => ({ ...h, 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600) }));

/** `X-RateLimit-Reset` is the start of the window, in the past. */
const resetInThePast = onApi((h) => ({ ...h, 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) - 30) }));

/** A 429 without `Retry-After`. */
const noRetryAfter: Breakage = {
  response: (res) => (res.status === 429 ? setHeaders(res, (h) => Object.fromEntries(Object.entries(h).filter(([name]) => name !== 'retry-after'))) : res),
};

/** A 429 whose `Retry-After` is a word. */
const retryAfterWord: Breakage = {
  response: (res) => (res.status === 429 ? setHeaders(res, (h) => ({ ...h, 'retry-after': 'soon' })) : res),
};

export const RATE_LIMIT_BROKEN_SERVERS: BrokenServer[] = [
  { breaks: 'X-RateLimit-Remaining that never moves', breakage: remainingNeverMoves, caughtBy: 'semantic.rate-limit: X-RateLimit-Remaining counts down across calls in one window' },
  { breaks: 'X-RateLimit-Remaining that counts up', breakage: remainingCountsUp, caughtBy: 'semantic.rate-limit: X-RateLimit-Remaining counts down across calls in one window' },
  { breaks: 'X-RateLimit-Reset an hour ahead', breakage: resetAnHourAhead, caughtBy: 'semantic.rate-limit: X-RateLimit-Reset is epoch seconds in the near future' },
  { breaks: 'X-RateLimit-Reset in the past', breakage: resetInThePast, caughtBy: 'semantic.rate-limit: X-RateLimit-Reset is epoch seconds in the near future' },
  { breaks: 'a 429 without Retry-After', breakage: noRetryAfter, caughtBy: 'semantic.rate-limit: a 429 carries Retry-After' },
  { breaks: 'a 429 whose Retry-After is not a time', breakage: retryAfterWord, caughtBy: 'semantic.rate-limit: a 429 carries Retry-After' },
];

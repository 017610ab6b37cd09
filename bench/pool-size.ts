/**
 * How many client ids the bench needs so that our mock with its rate limits on (the default:
 * 100 calls a second and 2000 a minute per client, fixed clock windows, docs/decisions/007)
 * never answers a 429 to it. One id per connection is far too few: a connection that gets an
 * answer in 0.3 ms sends ~3,000 requests a second. So every connection cycles through the whole
 * pool, one token after the other (autocannon's `requests`, bench/load.ts).
 *
 * Each connection starts its cycle at the first token (autocannon gives each connection its own
 * iterator over the list), so the connections may move through the pool side by side. Then, in
 * any window, a connection that sent r requests used each token at most ⌈r / N⌉ ≤ r / N + 1
 * times: over C connections a token gets at most R / N + C of the window's R requests, plus C
 * for each further autocannon run (a new start at the first token) in the same window. That
 * holds whatever order the answers come back in, since each connection sends one request at a
 * time. A scenario starts autocannon on our mock `1 + rounds` times (a warm-up, then each round of
 * bench/compare-servers.ts), back to back at worst. Sizing for a rate no Node server reaches keeps the pool right on a faster machine too;
 * a run that still met a 429 fails and says so (compare-servers.ts `checkAnswers`).
 */
import type { LoadSettings } from './load.ts';

/** Requests/s the pool is sized for: above what one autocannon process gets from any Node server on loopback (the bare server: ~36,000 here). */
export const RATE_BOUND = 100_000;

export interface RateLimitWindows {
  perSecond: number;
  perMinute: number;
}

/**
 * The pool for `runs` scenarios that share it (their client ids count in the same windows), each
 * a warm-up and `settings.rounds` measured runs: every one can fall into the same clock minute.
 */
export function poolSize(settings: LoadSettings, limits: RateLimitWindows, runs: number): number {
  const { connections, warmupRequests, durationSeconds, rounds } = settings;
  // A warm-up (shorter than a second) and the first round can meet in one second, as can the end
  // of one round and the start of the next: two starts at the first token.
  const perSecondRoom = limits.perSecond - 2 * connections;
  // 1 + rounds autocannon runs a scenario, each starting at the first token: C each.
  const perMinuteRoom = limits.perMinute - (1 + rounds) * runs * connections;
  if (perSecondRoom <= 0 || perMinuteRoom <= 0) throw new Error(`${connections} connections leave no room under ${limits.perSecond}/s and ${limits.perMinute}/min`);
  // autocannon stops at its next one-second tick after the duration: up to a second more.
  const requests = runs * (warmupRequests + rounds * RATE_BOUND * (durationSeconds + 1));
  return Math.max(Math.ceil(RATE_BOUND / perSecondRoom), Math.ceil(requests / perMinuteRoom));
}

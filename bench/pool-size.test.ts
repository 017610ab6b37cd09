import { expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../mock/config.ts';
import type { LoadSettings } from './load.ts';
import { parseBenchArgs } from './options.ts';
import { poolSize, RATE_BOUND, type RateLimitWindows } from './pool-size.ts';

const LIMITS = DEFAULT_CONFIG.rateLimits;

/**
 * autocannon as the pool assumes it: every connection cycles the pool from its first token, each
 * at its own steady rate (here unequal, summing to `rate`), one run after the other with no
 * pause (a warm-up, then `rounds` measured runs, for each of `runs` scenarios), all in one minute. Returns the most calls one token got in a clock second and a minute.
 */
function simulate(settings: LoadSettings, runs: number, size: number, rate: number): { second: number; minute: number } {
  const { connections } = settings;
  const weights = Array.from({ length: connections }, (_, c) => c + 1);
  const total = weights.reduce((sum, w) => sum + w, 0);
  const perSecond = new Map<number, number>();
  const perMinute = new Int32Array(size);
  let second = 0;
  let minute = 0;
  let start = 0.5; // the clock is half way through a second when the first run starts
  const perScenario = 1 + settings.rounds;
  for (let run = 0; run < runs * perScenario; run++) {
    const warmup = run % perScenario === 0;
    const seconds = warmup ? settings.warmupRequests / rate : settings.durationSeconds + 1;
    for (let c = 0; c < connections; c++) {
      const connectionRate = (rate * weights[c]!) / total;
      const requests = warmup ? Math.ceil(settings.warmupRequests / connections) : Math.floor(connectionRate * seconds);
      for (let k = 0; k < requests; k++) {
        const token = k % size;
        const key = token * 1e6 + Math.floor(start + k / connectionRate);
        const count = (perSecond.get(key) ?? 0) + 1;
        perSecond.set(key, count);
        second = Math.max(second, count);
        minute = Math.max(minute, ++perMinute[token]!);
      }
    }
    start += seconds;
  }
  return { second, minute };
}

it('sizes the pool for both windows at the bound rate, in the full and the quick run', () => {
  for (const argv of [[], ['--quick']]) {
    const { settings } = parseBenchArgs(argv);
    for (const runs of [1, 3]) {
      const size = poolSize(settings, LIMITS, runs);
      const worst = simulate(settings, runs, size, RATE_BOUND);
      expect(worst.second).toBeLessThanOrEqual(LIMITS.perSecond);
      expect(worst.minute).toBeLessThanOrEqual(LIMITS.perMinute);
    }
  }
});

it('grows with the rounds, which all count in the same windows', () => {
  const { settings } = parseBenchArgs([]);
  expect(settings.rounds).toBeGreaterThan(1);
  const oneRound = { ...settings, rounds: 1 };
  expect(poolSize(settings, LIMITS, 3)).toBeGreaterThan(poolSize(oneRound, LIMITS, 3));
  // The pool sized for one round is too small for the full run's rounds.
  const worst = simulate(settings, 3, poolSize(oneRound, LIMITS, 3), RATE_BOUND);
  expect(worst.minute).toBeGreaterThan(LIMITS.perMinute);
});

it('would meet the limits with one client id a connection', () => {
  const { settings } = parseBenchArgs(['--quick']);
  expect(simulate(settings, 1, settings.connections, 20_000).second).toBeGreaterThan(LIMITS.perSecond);
});

it('grows with the per-minute window once the runs are long enough', () => {
  const long: LoadSettings = { connections: 10, durationSeconds: 30, rounds: 1, warmupRequests: 2000 };
  const limits: RateLimitWindows = { perSecond: 100, perMinute: 2000 };
  expect(poolSize(long, limits, 3)).toBeGreaterThan(poolSize({ ...long, durationSeconds: 1 }, limits, 3));
  expect(() => poolSize({ ...long, connections: 50 }, limits, 1)).toThrow(/no room/);
});

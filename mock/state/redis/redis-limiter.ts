/**
 * The rate limits of one context counted in Redis, so that 100 calls a second and 2000 a minute
 * hold per client across every process (docs/reference.md §1): the same fixed windows as the
 * in-memory limiter (docs/decisions/007), one script call per counted request.
 */
import type { Clock } from '../../http/components.ts';
import type { Limiter, RateDecision, RateLimits } from '../../http/rate-limiter.ts';
import type { RedisKeys } from './keys.ts';
import type { MockScripts } from './scripts.ts';

export function redisLimiter(scripts: MockScripts, keys: RedisKeys, ctx: string, clock: Clock, limits: RateLimits, unavailable: (error: unknown) => Error): Limiter {
  return {
    take: async (clientId) => {
      const now = clock.now();
      const second = Math.floor(now / 1000);
      const minute = Math.floor(now / 60_000);
      let counts: [number, number, number];
      try {
        counts = await scripts.countRate(keys.rateSecond(ctx, clientId, second), keys.rateMinute(ctx, clientId, minute), limits.perSecond, limits.perMinute);
      } catch (error) {
        throw unavailable(error);
      }
      return decision(counts, limits, now, second + 1, (minute + 1) * 60);
    },
  };
}

function decision([allowed, inSecond, inMinute]: [number, number, number], limits: RateLimits, now: number, secondEnd: number, minuteEnd: number): RateDecision {
  if (allowed !== 1) {
    const byMinute = inMinute >= limits.perMinute;
    const reset = byMinute ? minuteEnd : secondEnd;
    return {
      allowed: false,
      remaining: 0,
      reset,
      retryAfter: Math.max(1, Math.ceil((reset * 1000 - now) / 1000)),
      limit: byMinute ? `${limits.perMinute} calls a minute` : `${limits.perSecond} calls a second`,
    };
  }
  const leftInSecond = limits.perSecond - inSecond;
  const leftInMinute = limits.perMinute - inMinute;
  return leftInMinute < leftInSecond
    ? { allowed: true, remaining: leftInMinute, reset: minuteEnd, retryAfter: 0, limit: '' }
    : { allowed: true, remaining: leftInSecond, reset: secondEnd, retryAfter: 0, limit: '' };
}

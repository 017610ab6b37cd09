/**
 * Per-client rate limits as the real API has them (DESIGN.md §1: 100 calls a second and 2000 a
 * minute). Fixed windows aligned to the clock's second and minute (docs/decisions/007): simple,
 * predictable in tests, and what `X-RateLimit-Reset` (epoch seconds) can express exactly.
 */
import type { Clock } from './components.ts';

export interface RateLimits {
  perSecond: number;
  perMinute: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Calls left in the tighter of the two windows. */
  remaining: number;
  /** End of that window, in epoch seconds. */
  reset: number;
  /** Whole seconds until the blocking window ends; set when not allowed. */
  retryAfter?: number;
  /** The limit that was hit, in words, for the error message. */
  limit?: string;
}

interface Counters {
  second: number;
  secondCount: number;
  minute: number;
  minuteCount: number;
}

export class RateLimiter {
  private readonly clients = new Map<string, Counters>();

  constructor(
    private readonly clock: Clock,
    private readonly limits: RateLimits,
  ) {}

  /** Counts one call of `clientId` unless it is over a limit; refused calls are not counted. */
  take(clientId: string): RateDecision {
    const now = this.clock.now();
    const second = Math.floor(now / 1000);
    const minute = Math.floor(now / 60_000);
    const counters = this.current(clientId, second, minute);
    const secondEnd = second + 1;
    const minuteEnd = (minute + 1) * 60;
    if (counters.minuteCount >= this.limits.perMinute) {
      return refused(minuteEnd, now, `${this.limits.perMinute} calls a minute`);
    }
    if (counters.secondCount >= this.limits.perSecond) {
      return refused(secondEnd, now, `${this.limits.perSecond} calls a second`);
    }
    counters.secondCount += 1;
    counters.minuteCount += 1;
    const leftInSecond = this.limits.perSecond - counters.secondCount;
    const leftInMinute = this.limits.perMinute - counters.minuteCount;
    return leftInMinute < leftInSecond
      ? { allowed: true, remaining: leftInMinute, reset: minuteEnd }
      : { allowed: true, remaining: leftInSecond, reset: secondEnd };
  }

  private current(clientId: string, second: number, minute: number): Counters {
    let counters = this.clients.get(clientId);
    if (!counters) {
      counters = { second, secondCount: 0, minute, minuteCount: 0 };
      this.clients.set(clientId, counters);
    }
    if (counters.second !== second) {
      counters.second = second;
      counters.secondCount = 0;
    }
    if (counters.minute !== minute) {
      counters.minute = minute;
      counters.minuteCount = 0;
    }
    return counters;
  }
}

function refused(resetSeconds: number, now: number, limit: string): RateDecision {
  return {
    allowed: false,
    remaining: 0,
    reset: resetSeconds,
    retryAfter: Math.max(1, Math.ceil((resetSeconds * 1000 - now) / 1000)),
    limit,
  };
}

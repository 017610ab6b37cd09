/**
 * Per-client rate limits as the real API has them (docs/reference.md §1: 100 calls a second and 2000 a
 * minute). Fixed windows aligned to the clock's second and minute (docs/decisions/007): simple,
 * predictable in tests, and what `X-RateLimit-Reset` (epoch seconds) can express exactly.
 */
import type { Clock } from './components.ts';
import type { MockRequest } from './pipeline/exchange.ts';
import type { RateDecision } from './rate-decision.ts';

export type { RateDecision };

export interface RateLimits {
  perSecond: number;
  perMinute: number;
}


/** The seam of the rate limits (docs/decisions/037): counted here in memory, or in Redis for every process. */
export interface Limiter {
  /** `req` is the request being counted, in case its call was counted ahead (mock/state/redis/request-round.ts). */
  take(clientId: string, req?: MockRequest): RateDecision | Promise<RateDecision>;
}

interface Counters {
  second: number;
  secondCount: number;
  minute: number;
  minuteCount: number;
}

export class RateLimiter implements Limiter {
  private readonly clients = new Map<string, Counters>();
  private readonly decision: RateDecision = { allowed: true, remaining: 0, reset: 0, retryAfter: 0, limit: '' };

  constructor(
    private readonly clock: Clock,
    private readonly limits: RateLimits,
  ) {}

  /**
   * Counts one call of `clientId` unless it is over a limit; refused calls are not counted. The
   * answer is the limiter's one decision object, valid until the next call.
   */
  take(clientId: string): RateDecision {
    const now = this.clock.now();
    const second = Math.floor(now / 1000);
    const minute = Math.floor(now / 60_000);
    const counters = this.current(clientId, second, minute);
    const secondEnd = second + 1;
    const minuteEnd = (minute + 1) * 60;
    if (counters.minuteCount >= this.limits.perMinute) {
      return this.refuse(minuteEnd, now, this.minuteText);
    }
    if (counters.secondCount >= this.limits.perSecond) {
      return this.refuse(secondEnd, now, this.secondText);
    }
    counters.secondCount += 1;
    counters.minuteCount += 1;
    const leftInSecond = this.limits.perSecond - counters.secondCount;
    const leftInMinute = this.limits.perMinute - counters.minuteCount;
    const decision = this.decision;
    decision.allowed = true;
    decision.limit = '';
    decision.retryAfter = 0;
    if (leftInMinute < leftInSecond) {
      decision.remaining = leftInMinute;
      decision.reset = minuteEnd;
    } else {
      decision.remaining = leftInSecond;
      decision.reset = secondEnd;
    }
    return decision;
  }

  private get minuteText(): string {
    return `${this.limits.perMinute} calls a minute`;
  }

  private get secondText(): string {
    return `${this.limits.perSecond} calls a second`;
  }

  private refuse(resetSeconds: number, now: number, limit: string): RateDecision {
    const decision = this.decision;
    decision.allowed = false;
    decision.remaining = 0;
    decision.reset = resetSeconds;
    decision.retryAfter = Math.max(1, Math.ceil((resetSeconds * 1000 - now) / 1000));
    decision.limit = limit;
    return decision;
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

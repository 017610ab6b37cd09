/**
 * The rate limits of one context counted in Redis, so that 100 calls a second and 2000 a minute
 * hold per client across every process (docs/reference.md §1), in the same fixed windows as the
 * in-memory limiter (docs/decisions/007). The call is usually counted already, in the request's
 * round at the edge (request-round.ts); a bearer this process learnt of only while catching up is
 * counted in a round of its own.
 */
import type { MockRequest } from '../../http/pipeline/exchange.ts';
import type { Limiter, RateDecision } from '../../http/rate-limiter.ts';
import type { RequestRounds } from './request-round.ts';

export function redisLimiter(rounds: RequestRounds, ctx: string, unavailable: (error: unknown) => Error): Limiter {
  return {
    take: (clientId: string, req?: MockRequest): RateDecision | Promise<RateDecision> => {
      const ahead = req?.rateAhead;
      if (ahead !== undefined && ahead.clientId === clientId) return ahead.decision;
      return rounds.join({ ctx, clientId }).then(
        (answer) => answer.decision!,
        (error: unknown) => {
          throw unavailable(error);
        },
      );
    },
  };
}

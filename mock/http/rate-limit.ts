/**
 * Rate limits per client id at the edge of the API: the two `X-RateLimit-*` headers go on every
 * API response once the client is known (errors included), and a call over a limit is a 429 with
 * `Retry-After` (DESIGN.md §1, §3). A user token counts for the client it was issued to.
 */
import type { RequestHandler } from 'express';
import { errors } from '../core/errors.ts';
import { grantOf } from './authenticate.ts';
import type { RateLimiter } from './rate-limiter.ts';

export function rateLimit(limiter: RateLimiter | undefined): RequestHandler {
  return (_req, res, next) => {
    if (!limiter) {
      next();
      return;
    }
    const decision = limiter.take(grantOf(res).clientId);
    res.setHeader('X-RateLimit-Remaining', String(decision.remaining));
    res.setHeader('X-RateLimit-Reset', String(decision.reset));
    if (!decision.allowed) throw errors.rateLimited(decision.limit ?? 'the rate limit', decision.retryAfter ?? 1);
    next();
  };
}

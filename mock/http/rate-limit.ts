/**
 * Rate limits per client id at the edge of the API: the two `X-RateLimit-*` values go on every
 * API response once the client is known (errors included; send-json.ts writes them), and a call
 * over a limit is a 429 with `Retry-After` (docs/reference.md §1, §3). A user token counts for the client
 * it was issued to. A counted call costs a map lookup and two counter updates: no timer, no object.
 */
import { errors } from '../core/errors.ts';
import type { MockResponse } from './pipeline/exchange.ts';
import type { RateDecision } from './rate-limiter.ts';
import type { Step } from './pipeline/run-steps.ts';

export const rateLimit: Step = (req, res) => {
  const limiter = req.context!.limiter;
  if (limiter === undefined) return;
  const decision = limiter.take(req.grant!.clientId, req);
  // Counted in Redis (docs/decisions/037), the decision comes later; in memory, now.
  if (decision instanceof Promise) return decision.then((later) => decide(res, later));
  decide(res, decision);
};

function decide(res: MockResponse, decision: RateDecision): void {
  res.rateRemaining = decision.remaining;
  res.rateReset = decision.reset;
  if (!decision.allowed) throw errors.rateLimited(decision.limit, decision.retryAfter);
}

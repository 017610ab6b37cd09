/** The answer of a rate limiter (rate-limiter.ts): its own module, so that a request can carry one (pipeline/exchange.ts). */

/** What `take` decided. One object per limiter, rewritten by every call: read it at once. */
export interface RateDecision {
  allowed: boolean;
  /** Calls left in the tighter of the two windows. */
  remaining: number;
  /** End of that window, in epoch seconds. */
  reset: number;
  /** Whole seconds until the blocking window ends; meaningful when not allowed. */
  retryAfter: number;
  /** The limit that was hit, in words, for the error message; '' when allowed. */
  limit: string;
}

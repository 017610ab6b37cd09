/**
 * The step runner: a route is an array of steps, run in order for each request. A step reads and
 * writes the request's fields, answers, or throws an `ApiError`; the runner stops at the first
 * answer or error, which goes to the one error writer (send-error.ts). A step that must wait
 * returns a promise (the runner goes on when it settles) or `PENDING`, when it will call `resume`
 * itself from an event (the body reader). The sync path allocates nothing of its own.
 */
import type { MockRequest, MockResponse } from './exchange.ts';
import { fail } from './send-error.ts';

/** Returned by a step that resumes the chain itself, later, with `resume(req, res)`. */
export const PENDING = Symbol('pending');

export type Step = (req: MockRequest, res: MockResponse) => void | Promise<void> | typeof PENDING;

/** Runs the request's route from where it stands (`req.step`) to the end or the first wait. */
export function resume(req: MockRequest, res: MockResponse): void {
  const steps = req.route!.steps;
  try {
    while (req.step < steps.length && !res.headersSent) {
      const outcome = steps[req.step++]!(req, res);
      if (outcome === undefined) continue;
      if (outcome !== PENDING) {
        outcome.then(
          () => resume(req, res),
          (error: unknown) => fail(req, res, error),
        );
      }
      return;
    }
  } catch (error) {
    fail(req, res, error);
  }
}

/**
 * The one hook that sees a request's outcome: set at the edge when the request enters, it waits
 * for the answer's `finish` and then records the exchange in the journal of the request's context
 * (chosen by then), writes the request log and counts it for `/metrics`. No step of the pipeline
 * does anything for it.
 * Journaled are the API's and the OAuth routes' requests; not the admin API, `/healthz`, a
 * preflight, or a path no route serves.
 */
import type { MockRequest, MockResponse } from '../pipeline/exchange.ts';
import type { Route } from '../pipeline/route-table.ts';
import type { RequestLog } from '../request-log.ts';

const JOURNALED_PREFIXES = ['/user/oauth/', '/login/oauth/', '/.well-known/'];

export type ExchangeObserver = (req: MockRequest, res: MockResponse) => void;

/** Counts every exchange for `/metrics` (metrics/request-counts.ts). */
export type ExchangeCounter = (req: MockRequest, res: MockResponse, ms: number) => void;

/** `undefined` when there is nothing to observe: no journal anywhere, no log and no metrics. */
export function observeExchanges(journaling: boolean, log: RequestLog | undefined, count?: ExchangeCounter): ExchangeObserver | undefined {
  if (!journaling && !log && !count) return undefined;
  // One listener for every response, which finds its exchange as `this`: nothing is made per request.
  function finished(this: MockResponse): void {
    record(this.req, this);
  }
  function record(req: MockRequest, res: MockResponse): void {
    // An event handler's error would be uncaught and end the process: report it instead.
    try {
      const ms = performance.now() - res.enteredMs;
      const journal = req.context?.journal;
      if (journal && req.method !== 'OPTIONS' && isJournaled(req.route)) journal.record(req, res, res.enteredAt, ms);
      log?.(req, res, ms);
      count?.(req, res, ms);
    } catch (error) {
      req.context?.logger.error(`could not journal or log ${req.method} ${req.pathname}`, error);
    }
  }
  return (_req, res) => {
    res.enteredAt = Date.now();
    res.enteredMs = performance.now();
    // A fault that never finishes the answer calls it itself (faults/break-connection.ts).
    res.observer = finished;
    res.on('finish', finished);
  };
}

function isJournaled(route: Route | undefined): boolean {
  if (route === undefined) return false;
  return route.operationId !== undefined || JOURNALED_PREFIXES.some((prefix) => route.template.startsWith(prefix));
}

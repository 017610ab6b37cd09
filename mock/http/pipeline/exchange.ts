/**
 * The request and response classes of the mock's `node:http` server. Node creates every request
 * and response from these (its `IncomingMessage`/`ServerResponse` options), so each one is born
 * with the fields the pipeline fills in (route, params, grant, body, context) and with Express's
 * request and response methods on its prototype chain: Express's own `app.handle` would otherwise
 * swap both prototypes on every request, which V8 pays for on every later property access
 * (docs/decisions/021). The classes are made per app, because Express's prototypes belong to one.
 */
import { IncomingMessage, ServerResponse } from 'node:http';
import type { Express, Request, Response } from 'express';
import type { NetworkFault } from '../faults/fault-kinds.ts';
import type { TokenGrant } from '../oauth/token-store.ts';
import type { RateDecision } from '../rate-decision.ts';
import type { MockContext } from './context.ts';
import type { BodyRule } from './read-body.ts';
import type { Route } from './route-table.ts';

/** The chunks of a request whose body is not being read: shared, and frozen so that nothing adds to it. */
export const NO_BODY_CHUNKS: Buffer[] = Object.freeze([]) as unknown as Buffer[];

export class MockRequest extends IncomingMessage {
  // Express's request methods, which the prototype chain provides (`exchangeClasses`).
  declare query: Request['query'];
  declare is: Request['is'];
  declare get: Request['get'];

  /** The response to this request, as Express links them (`req.res`). */
  res: MockResponse | undefined = undefined;
  /** The route the request matched; set at the edge before any step runs. */
  route: Route | undefined = undefined;
  /** The components this request is served with: the root's, or a session's. */
  context: MockContext | undefined = undefined;
  /** The path as routed (no query string). */
  pathname = '';
  /** The query string without its `?`, or '' when there is none. */
  search = '';
  /** Path parameters by name, percent-decoded; coerced to their spec types by validation. */
  params: Record<string, unknown> = EMPTY_PARAMS;
  /** The bearer's grant, once `authenticate` has read it. */
  grant: TokenGrant | undefined = undefined;
  /** The parsed body; `undefined` when the request had none. */
  body: unknown = undefined;
  /** The text `body` was parsed from (read-body.ts), for the journal to keep. */
  bodyText: string | undefined = undefined;
  /** Where the step runner stands in `route.steps` (run-steps.ts). */
  step = 0;
  /** Body bytes read so far, and their chunks (read-body.ts): none until the body step reads one. */
  bodyBytes = 0;
  bodyChunks: Buffer[] = NO_BODY_CHUNKS;
  /** How the body step reads and refuses this request's body (read-body.ts). */
  bodyRule: BodyRule | undefined = undefined;
  bodyIsForm = false;
  /** A rate decision taken before routing, with the state's round trip (mock/state/redis/request-round.ts). */
  rateAhead: { clientId: string; decision: RateDecision } | undefined = undefined;
}

export class MockResponse extends ServerResponse<MockRequest> {
  // Express's response methods, which the prototype chain provides (`exchangeClasses`).
  declare status: Response['status'];
  declare type: Response['type'];
  declare send: Response['send'];
  declare redirect: Response['redirect'];

  /** When the request entered, in epoch ms and in `performance.now()` ms (for the journal and the log). */
  enteredAt = 0;
  enteredMs = 0;
  /** `X-RateLimit-*` values to send with the answer; -1 until the rate limit has run. */
  rateRemaining = -1;
  rateReset = -1;
  /** The network fault this exchange gets (`Prefer: fault=…` or `--fault-kind`), if any (faults/). */
  fault: NetworkFault | undefined = undefined;
  /** Over how many ms a `slow-body` fault writes the body. */
  faultMs = 0;
  /**
   * The exchange observer's listener (journal, log, metrics), which it puts on `finish`; a fault
   * that never finishes the answer calls it itself (faults/break-connection.ts).
   */
  observer: ((this: MockResponse) => void) | undefined = undefined;
}

const EMPTY_PARAMS: Record<string, unknown> = Object.freeze({}) as Record<string, unknown>;

export interface ExchangeClasses {
  IncomingMessage: typeof MockRequest;
  ServerResponse: typeof MockResponse;
}

/**
 * Request and response classes whose prototypes carry `app`'s request and response methods
 * (`req.is`, `req.query`, `res.status`, `res.redirect`, …), so that `node:http` creates Express
 * objects directly and no prototype changes after birth.
 */
export function exchangeClasses(app: Express): ExchangeClasses {
  class AppRequest extends MockRequest {}
  class AppResponse extends MockResponse {}
  Object.setPrototypeOf(AppRequest.prototype, expressLayer(app.request, MockRequest.prototype));
  Object.setPrototypeOf(AppResponse.prototype, expressLayer(app.response, MockResponse.prototype));
  return { IncomingMessage: AppRequest, ServerResponse: AppResponse };
}

/**
 * Express's `app.request` is an object holding `app`, whose prototype holds the methods and whose
 * grandparent is Node's class: the same two layers, rebuilt on top of ours.
 */
function expressLayer(appObject: object, parent: object): object {
  const methods = Object.create(parent, Object.getOwnPropertyDescriptors(Object.getPrototypeOf(appObject))) as object;
  return Object.create(methods, Object.getOwnPropertyDescriptors(appObject)) as object;
}

/**
 * The API's read operations served without Express, for speed (issue 7; docs/benchmarks.md has
 * the profile and the numbers). Express gives every request and response a new prototype
 * (`Object.setPrototypeOf` in `app.handle`), which costs V8 on every later property access, and
 * walks its router's layers: for a read that was three times the cost of the answer itself.
 *
 * This listener runs before Express and serves the plain case of a read with the same parts the
 * Express routes use (bearer check, prototype-key refusal, spec validators, handler registry,
 * error bodies; docs/decisions/018). Everything else it hands to Express untouched, before reading
 * any of the request:
 * - rate limits or a fault rate configured: their counters and seeded draws stay in one pipeline;
 * - a write (`updateCustomerInfo`): durable state holds a write's 200 in the Express pipeline;
 * - a `Prefer` header, a query string, percent-encoding, a method other than GET or POST;
 * - a body that is not plain `application/json` (UTF-8) with a Content-Length within the limit;
 * - a token of the wrong kind (Express answers the 403 with its message).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, errors } from '../core/errors.ts';
import { describeAjvErrors, type Operation, type OperationValidators, type SpecValidators } from '../../spec/index.ts';
import { verifyBearer } from './authenticate.ts';
import type { Logger } from './components.ts';
import { sendApiError } from './error-handler.ts';
import type { Handler, HandlerContext } from './handlers.ts';
import { API_BODY_LIMIT } from './json-body.ts';
import type { TokenGrant, TokenStore } from './oauth/token-store.ts';
import { prototypeKeyPath } from './prototype-keys.ts';
import type { RateLimiter } from './rate-limiter.ts';
import { sendJson } from './send-json.ts';

/** Operations that only read the store. A new operation is a write until it is listed here. */
export const READ_OPERATIONS: ReadonlySet<string> = new Set([
  'getCustomerInfo',
  'getClientCustomerInfo',
  'searchCustomers',
  'checkCredentialCustomers',
]);

export interface FastReadDeps {
  operations: readonly Operation[];
  prefixes: readonly string[];
  validators: SpecValidators;
  handlers: Record<string, Handler>;
  context: HandlerContext;
  tokens: TokenStore;
  limiter: RateLimiter | undefined;
  logger: Logger;
}

/** Answers the request and returns true, or returns false having touched nothing. */
export type FastListener = (req: IncomingMessage, res: ServerResponse) => boolean;

interface Route {
  operation: Operation;
  validators: OperationValidators;
  handler: Handler;
}

interface ParamRoute extends Route {
  /** The path up to its one parameter, and the parameter's name. */
  head: string;
  param: string;
}

/** `undefined` when the configuration leaves no plain case (rate limits or faults on). */
export function fastReads(deps: FastReadDeps): FastListener | undefined {
  if (deps.limiter || deps.context.config.faultRate > 0) return undefined;
  const exact = new Map<string, Route>();
  const templated: ParamRoute[] = [];
  for (const operation of deps.operations) {
    if (!READ_OPERATIONS.has(operation.operationId)) continue;
    const validators = deps.validators.operations.get(operation.operationId);
    const handler = deps.handlers[operation.operationId];
    if (!validators || !handler) continue;
    const method = operation.method.toUpperCase();
    for (const prefix of deps.prefixes) {
      const path = prefix + operation.path;
      const template = /^(.*\/)\{([^}/]+)\}$/.exec(path);
      if (template) templated.push({ operation, validators, handler, head: `${method} ${template[1]}`, param: template[2]! });
      else if (!path.includes('{')) exact.set(`${method} ${path}`, { operation, validators, handler });
    }
  }
  return (req, res) => {
    if (!isPlain(req)) return false;
    const key = `${req.method} ${req.url}`;
    const route = exact.get(key);
    if (route) return serve(route, {}, req, res, deps);
    for (const candidate of templated) {
      if (!key.startsWith(candidate.head)) continue;
      const value = key.slice(candidate.head.length);
      if (value !== '' && !value.includes('/')) return serve(candidate, { [candidate.param]: value }, req, res, deps);
    }
    return false;
  };
}

/** The plain case, decided from the request line and headers alone. */
function isPlain(req: IncomingMessage): boolean {
  const { method, url = '', headers } = req;
  if ((method !== 'GET' && method !== 'POST') || /[?%#]/.test(url) || url.length > 512) return false;
  if (headers.prefer !== undefined || headers['transfer-encoding'] !== undefined || headers['content-encoding'] !== undefined) return false;
  const length = headers['content-length'];
  if (method === 'GET') return length === undefined || length === '0';
  const type = headers['content-type']?.toLowerCase().replace(/\s+/g, '');
  const plainJson = type === 'application/json' || type === 'application/json;charset=utf-8';
  return plainJson && length !== undefined && /^[1-9]\d{0,6}$/.test(length) && Number(length) <= API_BODY_LIMIT;
}

function serve(route: Route, params: Record<string, unknown>, req: IncomingMessage, res: ServerResponse, deps: FastReadDeps): boolean {
  let grant: TokenGrant;
  try {
    grant = verifyBearer(deps.tokens, req.headers.authorization);
  } catch (error) {
    fail(res, error, deps);
    return true;
  }
  if (grant.kind !== route.operation.tokenKind) return false;
  if (!route.operation.requestBody) {
    respond(route, params, undefined, grant, res, deps);
    return true;
  }
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => respond(route, params, Buffer.concat(chunks).toString('utf8'), grant, res, deps));
  req.on('error', () => res.destroy());
  return true;
}

/** The steps of the Express pipeline after the body is read: parse, refuse prototype keys, validate, handle, answer. */
function respond(
  route: Route,
  params: Record<string, unknown>,
  text: string | undefined,
  grant: TokenGrant,
  res: ServerResponse,
  deps: FastReadDeps,
): void {
  try {
    const body = text === undefined ? undefined : parseJson(text);
    // As jsonBody() does after parsing (issue 6): no key may name a prototype.
    const prototypePath = prototypeKeyPath(body);
    if (prototypePath !== undefined) throw errors.prototypeKey(prototypePath);
    if (route.validators.params && !route.validators.params(params)) {
      throw errors.validation(describeAjvErrors(route.validators.params.errors, 'path'));
    }
    if (route.validators.body && !route.validators.body(body)) {
      throw errors.validation(describeAjvErrors(route.validators.body.errors, 'body'));
    }
    const result = route.handler({ params, body, grant }, deps.context);
    if (result instanceof Promise) result.then((value) => sendJson(res, 200, value), (error: unknown) => fail(res, error, deps));
    else sendJson(res, 200, result);
  } catch (error) {
    fail(res, error, deps);
  }
}

/** As body-parser reads JSON (a UTF-8 byte order mark is dropped); a syntax error is a 400. */
function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw errors.malformedJson((error as Error).message);
  }
}

/** As the Express error handler: an `ApiError` is its body, anything else a logged 500. */
function fail(res: ServerResponse, error: unknown, deps: FastReadDeps): void {
  if (res.headersSent) return void res.destroy();
  if (error instanceof ApiError) return sendApiError(res, error);
  deps.logger.error('unexpected error in a read operation', error);
  sendApiError(res, errors.internal());
}

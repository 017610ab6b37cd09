/**
 * Spec-driven routing (STYLE.md lesson 2, as openapi-backend does it): one route per operation of
 * the spec, served at `/v1/…` and under the real base path `/capi/v1/…` (DESIGN.md §4). Each
 * request passes, in order: bearer check, rate limit, token kind, Prefer and fault injection, JSON
 * body, validation against the spec, then the operation's handler.
 */
import { Router, type RequestHandler } from 'express';
import { errors } from '../core/errors.ts';
import { describeAjvErrors, type Operation, type OperationValidators, type SpecValidators } from '../../spec/index.ts';
import { type WriteBarrier, durably } from '../persistence/write-barrier.ts';
import { authenticate, grantOf, requireKind } from './authenticate.ts';
import type { RandomSource } from './components.ts';
import { preferAndFaults } from './fault-injection.ts';
import type { Handler, HandlerContext } from './handlers.ts';
import { jsonBody } from './json-body.ts';
import type { TokenStore } from './oauth/token-store.ts';
import { rateLimit } from './rate-limit.ts';
import type { RateLimiter } from './rate-limiter.ts';

/** The real servers' base path; a client swaps only the host (DESIGN.md §4). */
export const API_PREFIXES = ['', '/capi'];

export interface OperationRouteDeps {
  validators: SpecValidators;
  handlers: Record<string, Handler>;
  context: HandlerContext;
  tokens: TokenStore;
  limiter: RateLimiter | undefined;
  random: RandomSource;
  barrier?: WriteBarrier | undefined;
}

/**
 * Fails the start when the spec and the handler registry disagree: an operation without a
 * handler, or a handler without an operation (STYLE.md lesson 2).
 */
export function checkRegistry(operations: readonly Operation[], handlers: Record<string, unknown>): void {
  const ids = new Set(operations.map((operation) => operation.operationId));
  const missing = [...ids].filter((id) => !(id in handlers));
  const extra = Object.keys(handlers).filter((id) => !ids.has(id));
  if (missing.length > 0 || extra.length > 0) {
    throw new Error(
      `The handler registry does not match the spec: ` +
        [missing.length ? `no handler for ${missing.join(', ')}` : '', extra.length ? `no operation for ${extra.join(', ')}` : '']
          .filter(Boolean)
          .join('; '),
    );
  }
}

export function operationRoutes(operations: readonly Operation[], deps: OperationRouteDeps): Router {
  checkRegistry(operations, deps.handlers);
  const router = Router();
  for (const operation of operations) {
    const validators = deps.validators.operations.get(operation.operationId);
    if (!validators) throw new Error(`no validators for ${operation.operationId}`);
    const paths = API_PREFIXES.map((prefix) => prefix + operation.expressPath);
    const method = operation.method as 'get' | 'post' | 'put' | 'delete' | 'patch';
    router[method](
      paths,
      authenticate(deps.tokens),
      rateLimit(deps.limiter),
      requireKind(operation.tokenKind),
      preferAndFaults(operation, deps.context.config.faultRate, deps.random),
      ...(operation.requestBody ? jsonBody() : []),
      runOperation(validators, deps.handlers[operation.operationId]!, deps.context, deps.barrier),
    );
  }
  return router;
}

function runOperation(validators: OperationValidators, handler: Handler, context: HandlerContext, barrier?: WriteBarrier): RequestHandler {
  return async (req, res) => {
    const params: Record<string, unknown> = { ...req.params };
    if (validators.params && !validators.params(params)) {
      throw errors.validation(describeAjvErrors(validators.params.errors, 'path'));
    }
    const body = validateBody(validators, req.body);
    // With --state-file, a write is on disk before its 200 (docs/decisions/016).
    const result = await durably(barrier, () => handler({ params, body, grant: grantOf(res) }, context));
    res.status(200).json(result);
  };
}

function validateBody(validators: OperationValidators, raw: unknown): unknown {
  const requestBody = validators.operation.requestBody;
  if (!requestBody || !validators.body) return undefined;
  if (raw === undefined) {
    if (requestBody.required) throw errors.validation('body: is required; send a JSON object.');
    return null;
  }
  if (!validators.body(raw)) throw errors.validation(describeAjvErrors(validators.body.errors, 'body'));
  return raw;
}

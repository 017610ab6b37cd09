/**
 * Spec-driven routing (as openapi-backend does it): one route per operation of
 * the spec, served at `/v1/…` and under the real base path `/capi/v1/…` (docs/reference.md §4). Each
 * request passes, in order: bearer check, rate limit, token kind, Prefer, fault injection, JSON
 * body, validation against the spec, then the operation's handler. The steps are put together
 * here once, at start; a step a configuration does not need (no body, no fault rate) is left out.
 */
import { errors } from '../core/errors.ts';
import { describeAjvErrors, type Operation, type OperationValidators, type SpecValidators } from '../../spec/index.ts';
import { authenticate, requireKind } from './authenticate.ts';
import type { RandomSource } from './components.ts';
import { faults, preferences } from './fault-injection.ts';
import type { FaultKind } from './faults/fault-kinds.ts';
import type { Handler } from './handlers.ts';
import { readBody } from './pipeline/read-body.ts';
import type { RouteTable } from './pipeline/route-table.ts';
import { rateLimit } from './rate-limit.ts';
import type { Step } from './pipeline/run-steps.ts';
import { sendJson } from './send-json.ts';

/** The real servers' base path; a client swaps only the host (docs/reference.md §4). */
export const API_PREFIXES = ['', '/capi'];

/** docs/reference.md §3: a body over 1 MiB is a 413. */
export const API_BODY_LIMIT = 1024 * 1024;

const API_BODY = readBody({ limit: API_BODY_LIMIT, forms: false, refuse: (error) => error });

export interface OperationRouteDeps {
  validators: SpecValidators;
  handlers: Record<string, Handler>;
  faultRate: number;
  /** What a request that `faultRate` picks gets (`--fault-kind`); a 500 when not given. */
  faultKinds?: readonly FaultKind[];
  random: RandomSource;
}

/**
 * Fails the start when the spec and the handler registry disagree: an operation without a
 * handler, or a handler without an operation.
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

export function addOperationRoutes(table: RouteTable, operations: readonly Operation[], deps: OperationRouteDeps): void {
  checkRegistry(operations, deps.handlers);
  const faultStep = faults(deps.faultRate, deps.random, deps.faultKinds);
  for (const operation of operations) {
    const validators = deps.validators.operations.get(operation.operationId);
    if (!validators) throw new Error(`no validators for ${operation.operationId}`);
    const steps: Step[] = [authenticate, rateLimit, requireKind(operation.tokenKind), preferences(operation)];
    if (faultStep) steps.push(faultStep);
    if (operation.requestBody) steps.push(API_BODY);
    steps.push(validateRequest(validators), runHandler(deps.handlers[operation.operationId]!));
    for (const prefix of API_PREFIXES) table.add(operation.method.toUpperCase(), prefix + operation.path, steps, operation.operationId);
  }
}

/** Path parameters and body against the spec's validators, compiled once at start. */
function validateRequest(validators: OperationValidators): Step {
  const requestBody = validators.operation.requestBody;
  const { params: checkParams, body: checkBody } = validators;
  return (req) => {
    if (checkParams && !checkParams(req.params)) {
      throw errors.validation(describeAjvErrors(checkParams.errors, 'path'));
    }
    if (!requestBody || !checkBody) return;
    if (req.body === undefined) {
      if (requestBody.required) throw errors.validation('body: is required; send a JSON object.');
      req.body = null;
      return;
    }
    if (!checkBody(req.body)) throw errors.validation(describeAjvErrors(checkBody.errors, 'body'));
  };
}

/**
 * The operation's handler; its result is the 200 body. A handler's change is answered once the
 * state side has it (on disk with `--state-file`, in Redis with `--redis`): then the result is a promise.
 */
function runHandler(handler: Handler): Step {
  return (req, res) => {
    const result = handler({ params: req.params, body: req.body, grant: req.grant! }, req.context!);
    if (!(result instanceof Promise)) return sendJson(res, 200, result);
    return result.then((value: unknown) => sendJson(res, 200, value));
  };
}

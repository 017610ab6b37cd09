/**
 * Faults on purpose (docs/reference.md §3): `Prefer: code=N` answers a documented status with a body
 * from the error catalogue, `Prefer: delay=MS` waits first, `Prefer: fault=KIND` puts a network
 * fault on the wire (faults/), and `--fault-rate P` gives a seeded random share P of authenticated
 * API calls a 500 or one of the `--fault-kind`s. Only API routes mount this.
 */
import { type ApiError, errors } from '../core/errors.ts';
import type { Operation } from '../../spec/index.ts';
import type { RandomSource } from './components.ts';
import { breakConnection } from './faults/break-connection.ts';
import { DEFAULT_SLOW_BODY_MS, type FaultKind, isConnectionFault, type NetworkFault } from './faults/fault-kinds.ts';
import type { MockRequest, MockResponse } from './pipeline/exchange.ts';
import { PENDING, type Step } from './pipeline/run-steps.ts';
import { parsePrefer } from './prefer.ts';

/** A realistic error for an asked-for status; `undefined` for a success status (served normally). */
export function injectedError(status: number, operation: Operation): ApiError | undefined {
  switch (status) {
    case 400:
      return errors.validation('invoiceEmailAddress: must be a valid email (failure asked for by Prefer: code=400).');
    case 401:
      return errors.bearer(401, 'invalid_token', 'The access token expired; request a new one from /user/oauth/token.');
    case 403:
      return operation.operationId === 'searchCustomers'
        ? errors.tooManyResults(5)
        : errors.bearer(403, 'insufficient_scope', `This endpoint needs a ${operation.tokenKind} token.`);
    case 404:
      return errors.customerNotFound(999999999);
    case 413:
      return errors.payloadTooLarge('1 MiB');
    case 415:
      return errors.unsupportedMediaType('text/plain');
    case 429:
      return errors.rateLimited('100 calls a second', 1);
    default:
      return status >= 400 ? errors.injectedFault(status) : undefined;
  }
}

/**
 * The `Prefer` step of one operation: a request without the header passes with one header read;
 * a delay is the only time the pipeline waits. With `fault=slow-body`, `delay` is the time the
 * body takes (default 2000 ms), not a wait before the answer.
 */
export function preferences(operation: Operation): Step {
  const documented = new Set(Object.keys(operation.responses));
  return (req, res) => {
    const header = req.headers.prefer;
    if (header === undefined) return undefined;
    const { code, delayMs, fault } = parsePrefer(Array.isArray(header) ? header.join(',') : header, documented);
    const asked = code === undefined ? undefined : injectedError(code, operation);
    if (fault === 'slow-body') return slowBody(res, delayMs ?? DEFAULT_SLOW_BODY_MS, asked);
    if (delayMs) return delayed(req, res, delayMs, asked, fault);
    if (fault !== undefined) return withFault(req, res, fault, asked);
    if (asked) throw asked;
    return undefined;
  };
}

/**
 * `--fault-rate P`: a seeded share P of the calls that got this far get a fault, one of `kinds` at
 * random (a second draw only when there are several, so that a seed picks the same calls as
 * before `--fault-kind` existed).
 */
export function faults(faultRate: number, random: RandomSource, given: readonly FaultKind[] = []): Step | undefined {
  if (faultRate <= 0) return undefined;
  const kinds = given.length > 0 ? given : (['500'] as const);
  return (req, res) => {
    if (random() >= faultRate) return undefined;
    const kind = kinds.length === 1 ? kinds[0]! : kinds[Math.floor(random() * kinds.length)]!;
    if (kind === '500') throw errors.injectedFault(500);
    if (kind === 'slow-body') return slowBody(res, DEFAULT_SLOW_BODY_MS, undefined);
    return withFault(req, res, kind, undefined);
  };
}

/** A connection fault ends the exchange here; `truncated` marks the answer, which the chain then gives. */
function withFault(req: MockRequest, res: MockResponse, fault: NetworkFault, asked: ApiError | undefined): typeof PENDING | undefined {
  if (isConnectionFault(fault)) {
    breakConnection(req, res, fault);
    return PENDING;
  }
  res.fault = fault;
  if (asked) throw asked;
  return undefined;
}

function slowBody(res: MockResponse, ms: number, asked: ApiError | undefined): undefined {
  res.fault = 'slow-body';
  res.faultMs = ms;
  if (asked) throw asked;
  return undefined;
}

/**
 * Waits, then fails with `asked` when a status was asked for too, or ends the connection when a
 * connection fault was (the promise then never settles: nothing more runs for the request).
 */
function delayed(req: MockRequest, res: MockResponse, ms: number, asked: ApiError | undefined, fault: NetworkFault | undefined): Promise<void> {
  return new Promise((resolve, reject) =>
    setTimeout(() => {
      try {
        if (fault !== undefined && withFault(req, res, fault, asked) === PENDING) return;
        if (asked) reject(asked);
        else resolve();
      } catch (error) {
        reject(error as Error);
      }
    }, ms),
  );
}

/**
 * Faults on purpose (docs/reference.md §3): `Prefer: code=N` answers a documented status with a body
 * from the error catalogue, `Prefer: delay=MS` waits first, and `--fault-rate P` answers a seeded
 * random share P of authenticated API calls with a 500. Only API routes mount this.
 */
import { type ApiError, errors } from '../core/errors.ts';
import type { Operation } from '../../spec/index.ts';
import type { RandomSource } from './components.ts';
import type { Step } from './pipeline/run-steps.ts';
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
 * a delay is the only time the pipeline waits.
 */
export function preferences(operation: Operation): Step {
  const documented = new Set(Object.keys(operation.responses));
  return (req) => {
    const header = req.headers.prefer;
    if (header === undefined) return undefined;
    const preferences = parsePrefer(Array.isArray(header) ? header.join(',') : header, documented);
    const asked = preferences.code === undefined ? undefined : injectedError(preferences.code, operation);
    if (preferences.delayMs) return delayed(preferences.delayMs, asked);
    if (asked) throw asked;
    return undefined;
  };
}

/** `--fault-rate P`: a seeded share P of the calls that got this far answer 500. */
export function faults(faultRate: number, random: RandomSource): Step | undefined {
  if (faultRate <= 0) return undefined;
  return () => {
    if (random() < faultRate) throw errors.injectedFault(500);
  };
}

/** Waits, then fails with `asked` when a status was asked for too. */
function delayed(ms: number, asked: ApiError | undefined): Promise<void> {
  return new Promise((resolve, reject) => setTimeout(() => (asked ? reject(asked) : resolve()), ms));
}

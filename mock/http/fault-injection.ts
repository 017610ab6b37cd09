/**
 * Faults on purpose (DESIGN.md §3): `Prefer: code=N` answers a documented status with a body
 * from the error catalogue, `Prefer: delay=MS` waits first, and `--fault-rate P` answers a seeded
 * random share P of authenticated API calls with a 500. Only API routes mount this.
 */
import type { RequestHandler } from 'express';
import { type ApiError, errors } from '../core/errors.ts';
import type { Operation } from '../../spec/index.ts';
import type { RandomSource } from './components.ts';
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

export function preferAndFaults(operation: Operation, faultRate: number, random: RandomSource): RequestHandler {
  const documented = new Set(Object.keys(operation.responses));
  return async (req, _res, next) => {
    const preferences = parsePrefer(headerText(req.headers.prefer), documented);
    if (preferences.delayMs) await new Promise((resolve) => setTimeout(resolve, preferences.delayMs));
    const asked = preferences.code === undefined ? undefined : injectedError(preferences.code, operation);
    if (asked) throw asked;
    // Draw only when a rate is set, so the seeded sequence is not consumed for nothing.
    if (faultRate > 0 && random() < faultRate) throw errors.injectedFault(500);
    next();
  };
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

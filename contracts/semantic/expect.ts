import { describeAjvErrors, specValidators } from '../../spec/index.ts';
import type { HttpResponse } from '../http/http-client.ts';
import { CheckFailure } from '../runner/results.ts';

/**
 * Fails unless the answer has the status and a body that fits the spec's schema for that status
 * of the operation (so every semantic check also catches a body that breaks the schema).
 */
export function expectResponse(res: HttpResponse, operationId: string, status: number): void {
  if (res.status !== status) {
    throw new CheckFailure(`expected ${status}, got ${res.status}`, res.exchange);
  }
  expectSchema(res, operationId);
}

/** The body against the spec's schema for the answer's own status. */
export function expectSchema(res: HttpResponse, operationId: string): void {
  const validate = specValidators().response(operationId, res.status);
  if (!validate) throw new CheckFailure(`status ${res.status} is not documented for ${operationId}`, res.exchange);
  if (res.json === undefined) throw new CheckFailure(`the ${res.status} body is not JSON`, res.exchange);
  if (!validate(res.json)) {
    throw new CheckFailure(`the ${res.status} body breaks the spec: ${describeAjvErrors(validate.errors, 'body')}`, res.exchange);
  }
}

/** A 4xx of any kind: for limits a real server may enforce with another status than the mock. */
export function expectClientError(res: HttpResponse, what: string): void {
  if (res.status < 400 || res.status >= 500) {
    throw new CheckFailure(`${what}: expected a 4xx answer, got ${res.status}`, res.exchange);
  }
}

/** The API's error body with this `exceptionType` (contracts/README.md). */
export function expectException(res: HttpResponse, exceptionType: string): void {
  const body = res.json as { exceptionType?: unknown; errorMessage?: unknown } | undefined;
  if (body?.exceptionType !== exceptionType || typeof body.errorMessage !== 'string') {
    throw new CheckFailure(`expected an error body with exceptionType ${exceptionType}`, res.exchange);
  }
}

export function expectThat(condition: boolean, message: string, res?: HttpResponse): asserts condition {
  if (!condition) throw new CheckFailure(message, res?.exchange);
}

/** The customer numbers of a search answer, in the order given. */
export function customerNumbers(res: HttpResponse): number[] {
  const customers = (res.json as { customers?: Array<{ customerNumber?: unknown }> } | undefined)?.customers ?? [];
  return customers.map((c) => Number(c.customerNumber));
}

export function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

/** Key order does not matter in JSON objects; array order does. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

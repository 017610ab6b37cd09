/**
 * The small inputs of the admin API, checked by hand: they are the mock's own surface, not part
 * of the Customer API spec, so there is no schema for them to reuse.
 */
import { MAX_RANDOM_CUSTOMERS } from '../../../fixtures/unique-ids.ts';
import { errors } from '../../core/errors.ts';

export type ResetRequest =
  | { kind: 'defaults' }
  | { kind: 'generate'; seed: number; count: number }
  | { kind: 'customers'; customers: unknown[] };

/** Largest page of `GET /__admin/customers`. */
export const MAX_PAGE = 1000;
const DEFAULT_PAGE = 100;
/** Largest `count` a reset generates, as the generator allows. */
const MAX_GENERATED = MAX_RANDOM_CUSTOMERS;

const RESET_SHAPES = 'send {}, {"seed": S, "count": N} or {"customers": [records]}';

export function resetRequest(body: unknown): ResetRequest {
  if (body === undefined || body === null) return { kind: 'defaults' };
  if (typeof body !== 'object' || Array.isArray(body)) throw errors.validation(`body: must be an object; ${RESET_SHAPES}.`);
  const fields = body as Record<string, unknown>;
  const keys = Object.keys(fields);
  if (keys.length === 0) return { kind: 'defaults' };
  if ('customers' in fields) {
    if (keys.length !== 1 || !Array.isArray(fields.customers)) throw errors.validation(`customers: must be the only field, an array of records; ${RESET_SHAPES}.`);
    return { kind: 'customers', customers: fields.customers };
  }
  const unknown = keys.filter((key) => key !== 'seed' && key !== 'count');
  if (unknown.length > 0) throw errors.validation(`${unknown[0]}: is not a known field; ${RESET_SHAPES}.`);
  return {
    kind: 'generate',
    seed: wholeNumber(fields.seed ?? 1, 'seed', 0, 0xffffffff),
    count: wholeNumber(fields.count ?? 1000, 'count', 0, MAX_GENERATED),
  };
}

export function pageParams(query: Record<string, unknown>): { offset: number; limit: number } {
  return {
    offset: wholeNumber(queryNumber(query.offset, 0), 'offset', 0, Number.MAX_SAFE_INTEGER),
    limit: wholeNumber(queryNumber(query.limit, DEFAULT_PAGE), 'limit', 1, MAX_PAGE),
  };
}

function queryNumber(value: unknown, fallback: number): unknown {
  if (value === undefined || value === '') return fallback;
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
}

function wholeNumber(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw errors.validation(`${field}: must be a whole number from ${min} to ${max}.`);
  }
  return value;
}

/**
 * The journal's query inputs, checked by hand as the admin API's others are (admin-input.ts):
 * `GET /__admin/requests` takes them as query parameters, `POST /__admin/requests/count` as a
 * JSON object with `body` besides. A bad value is a 400 naming the field.
 */
import { errors } from '../../core/errors.ts';
import { MAX_JOURNAL_BODY_DEPTH } from './journal-entry.ts';
import type { JournalFilter } from './journal-filter.ts';
import { isDeeperThan } from '../json-depth.ts';

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 1000;

const STRING_FIELDS = ['operationId', 'method', 'path', 'clientId', 'fault'] as const;
const NUMBER_FIELDS = ['status', 'since'] as const;
const QUERY_FIELDS = new Set<string>([...STRING_FIELDS, ...NUMBER_FIELDS, 'limit']);

/** `GET /__admin/requests?…`: the filter and the `limit` (default 100, at most 1000). */
export function listRequest(query: URLSearchParams): { filter: JournalFilter; limit: number } {
  const fields: Record<string, unknown> = {};
  for (const [name, value] of query) {
    if (!QUERY_FIELDS.has(name)) throw errors.validation(`${name}: is not a filter of the journal; use ${[...QUERY_FIELDS].join(', ')}.`);
    if (name in fields) throw errors.validation(`${name}: give it once.`);
    fields[name] = NUMBER_FIELDS.includes(name as never) || name === 'limit' ? numberText(value, name) : value;
  }
  return readFields(fields);
}

/** `POST /__admin/requests/count`: the same fields as a JSON object, plus `body`. */
export function countRequest(body: unknown): JournalFilter {
  if (body === undefined || body === null) return {};
  if (typeof body !== 'object' || Array.isArray(body)) throw errors.validation('body: must be a JSON object of filters, e.g. {"operationId": "searchCustomers"}.');
  const { body: pattern, ...rest } = body as Record<string, unknown>;
  if ('limit' in rest) throw errors.validation('limit: a count has no limit; leave it out.');
  const { filter } = readFields(rest);
  if (pattern !== undefined) {
    if (typeof pattern !== 'object' || pattern === null || Array.isArray(pattern)) throw errors.validation('body: must be an object that the request body contains, deeply.');
    if (isDeeperThan(pattern, MAX_JOURNAL_BODY_DEPTH)) throw errors.validation(`body: nests deeper than ${MAX_JOURNAL_BODY_DEPTH} levels.`);
    filter.body = pattern as Record<string, unknown>;
  }
  return filter;
}

function readFields(fields: Record<string, unknown>): { filter: JournalFilter; limit: number } {
  const filter: JournalFilter = {};
  let limit = DEFAULT_LIMIT;
  for (const [name, value] of Object.entries(fields)) {
    if ((STRING_FIELDS as readonly string[]).includes(name)) {
      if (typeof value !== 'string' || value === '') throw errors.validation(`${name}: must be a non-empty string.`);
      filter[name as (typeof STRING_FIELDS)[number]] = value;
    } else if (name === 'status') {
      filter.status = whole(value, name, 100, 599);
    } else if (name === 'since') {
      filter.since = whole(value, name, 0, Number.MAX_SAFE_INTEGER);
    } else if (name === 'limit') {
      limit = whole(value, name, 1, MAX_LIMIT);
    } else {
      throw errors.validation(`${name}: is not a filter of the journal; use ${[...QUERY_FIELDS].join(', ')}, body.`);
    }
  }
  return { filter, limit };
}

function numberText(value: string, name: string): number {
  if (!/^\d{1,16}$/.test(value)) throw errors.validation(`${name}: must be a whole number, not "${value}".`);
  return Number(value);
}

function whole(value: unknown, name: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw errors.validation(`${name}: must be a whole number from ${min} to ${max}.`);
  }
  return value;
}

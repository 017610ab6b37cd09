/**
 * One journal entry. When an answer has gone out, `recordExchange` keeps what the request already
 * holds (its headers object, query string, parsed body) with no copying or formatting, so that
 * journaling costs a request little; `renderEntry` makes the entry a query shows from it. A body
 * over 64 KiB is cut at once (its first 64 KiB of JSON text), so a kept exchange costs a bounded
 * amount whatever a client sends. Secrets are masked when rendered: a bearer keeps its first 6
 * characters, as a log shows enough to tell tokens apart; a Basic credential and `client_secret`
 * nothing.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { MockRequest, MockResponse } from '../pipeline/exchange.ts';
import { jsonPrefix, nestedDeeperThan } from './json-prefix.ts';

export interface JournalEntry {
  id: number;
  /** ISO 8601, when the request arrived. */
  time: string;
  method: string;
  /** The path as sent, less any `/__sessions/{id}` prefix (`/capi` stays). */
  path: string;
  query: Record<string, string | string[]>;
  headers: Record<string, string | string[]>;
  /** The parsed body (JSON, or a form's fields); `null` when there was none or it did not parse. */
  body: unknown;
  /**
   * True when `body` is the start of the body's JSON text instead of its value: for a body over
   * 64 KiB, or nested deeper than 64 levels (which no answer could carry as a value).
   */
  bodyTruncated?: true;
  status: number;
  durationMs: number;
  operationId: string | null;
  clientId: string | null;
  uniqueId: string | null;
}

export const MAX_JOURNAL_BODY_BYTES = 64 * 1024;
/** Deepest body shown as a value; deeper is shown as text. Also the deepest `body` pattern. */
export const MAX_JOURNAL_BODY_DEPTH = 64;
const MASK = '…';
const SECRET_FIELDS = new Set(['client_secret']);

/** An exchange as kept in the journal's ring: references, not copies. */
export interface RecordedExchange {
  startedAt: number;
  method: string;
  path: string;
  search: string;
  headers: IncomingHttpHeaders;
  body: unknown;
  bodyTruncated: boolean;
  status: number;
  durationMs: number;
  operationId: string | undefined;
  clientId: string | undefined;
  uniqueId: string | undefined;
}

/** An empty exchange, for a ring slot that `recordExchange` fills in place. */
export function emptyExchange(): RecordedExchange {
  return {
    startedAt: 0, method: '', path: '', search: '', headers: {}, body: undefined, bodyTruncated: false,
    status: 0, durationMs: 0, operationId: undefined, clientId: undefined, uniqueId: undefined,
  };
}

/**
 * Writes the exchange into `into`, a slot the journal's ring reuses: a long-lived object, so
 * that a request leaves no new object behind for the garbage collector to promote.
 */
export function recordExchange(into: RecordedExchange, req: MockRequest, res: MockResponse, startedAt: number, durationMs: number): void {
  const truncated = req.body !== undefined && req.bodyBytes > MAX_JOURNAL_BODY_BYTES;
  into.startedAt = startedAt;
  into.method = req.method ?? 'GET';
  into.path = req.pathname;
  into.search = req.search;
  into.headers = req.headers;
  into.body = truncated ? jsonPrefix(req.body, MAX_JOURNAL_BODY_BYTES) : req.body;
  into.bodyTruncated = truncated;
  into.status = res.statusCode;
  into.durationMs = durationMs;
  into.operationId = req.route?.operationId;
  into.clientId = req.grant?.clientId;
  into.uniqueId = req.grant?.uniqueId;
}

/** The entry a query answers with, secrets masked. */
export function renderEntry(id: number, exchange: RecordedExchange): JournalEntry {
  let { body, bodyTruncated } = exchange;
  if (!bodyTruncated && nestedDeeperThan(body, MAX_JOURNAL_BODY_DEPTH)) {
    body = jsonPrefix(body, MAX_JOURNAL_BODY_BYTES);
    bodyTruncated = true;
  }
  const entry: JournalEntry = {
    id,
    time: new Date(exchange.startedAt).toISOString(),
    method: exchange.method,
    path: exchange.path,
    query: masked(queryOf(exchange.search)),
    headers: headersOf(exchange.headers),
    body: body === undefined ? null : isRecord(body) && !bodyTruncated ? masked(body) : body,
    status: exchange.status,
    durationMs: Math.round(exchange.durationMs * 100) / 100,
    operationId: exchange.operationId ?? null,
    clientId: exchange.clientId ?? namedClient(exchange),
    uniqueId: exchange.uniqueId ?? null,
  };
  if (bodyTruncated) entry.bodyTruncated = true;
  return entry;
}

/** `Bearer abcdef…`; any other scheme keeps its name only. */
export function maskAuthorization(value: string): string {
  const bearer = /^Bearer\s+(\S*)/i.exec(value);
  if (bearer) return `Bearer ${bearer[1]!.slice(0, 6)}${MASK}`;
  const scheme = /^(\S+)\s/.exec(value)?.[1];
  return scheme ? `${scheme} ${MASK}` : MASK;
}

/**
 * Without a token (the OAuth routes), the client the request names: HTTP Basic's user, else
 * `client_id` in the body or the query. Named, not authenticated: the entry says who asked.
 */
function namedClient(req: Pick<RecordedExchange, 'headers' | 'body' | 'search'>): string | null {
  const basic = /^Basic\s+(\S+)/i.exec(req.headers.authorization ?? '')?.[1];
  if (basic) {
    const user = Buffer.from(basic, 'base64').toString('utf8').split(':')[0];
    if (user) {
      try {
        return decodeURIComponent(user);
      } catch {
        return user;
      }
    }
  }
  const fromBody = isRecord(req.body) ? req.body.client_id : undefined;
  if (typeof fromBody === 'string') return fromBody;
  const fromQuery = new URLSearchParams(req.search).get('client_id');
  return fromQuery ?? null;
}

function headersOf(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  // No prototype: a header or parameter named `__proto__` is data here (prototype-keys.ts).
  const copy = Object.create(null) as Record<string, string | string[]>;
  for (const name in headers) {
    const value = headers[name];
    if (value === undefined) continue;
    copy[name] = name === 'authorization' && typeof value === 'string' ? maskAuthorization(value) : value;
  }
  return copy;
}

function queryOf(search: string): Record<string, string | string[]> {
  const query = Object.create(null) as Record<string, string | string[]>;
  if (search === '') return query;
  for (const [name, value] of new URLSearchParams(search)) {
    const seen = query[name];
    query[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  return query;
}

function masked<T extends Record<string, unknown>>(fields: T): T {
  let copy: Record<string, unknown> | undefined;
  for (const name of SECRET_FIELDS) {
    if (Object.hasOwn(fields, name)) {
      copy ??= { ...fields };
      copy[name] = MASK;
    }
  }
  return (copy ?? fields) as T;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

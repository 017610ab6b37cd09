/**
 * One journal entry. When an answer has gone out, `RecordedExchange.record` keeps the request's
 * text in bytes its ring slot reuses, with no formatting, so that journaling costs a request
 * little; `renderEntry` makes the entry a query shows from it. A body
 * over 64 KiB is cut at once (its first 64 KiB of JSON text), so a kept exchange costs a bounded
 * amount whatever a client sends. Secrets are masked when rendered: a bearer keeps its first 6
 * characters, as a log shows enough to tell tokens apart; a Basic credential and `client_secret`
 * nothing.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { parse as parseForm } from 'node:querystring';
import type { NetworkFault } from '../faults/fault-kinds.ts';
import { isConnectionFault } from '../faults/fault-kinds.ts';
import type { MockRequest, MockResponse } from '../pipeline/exchange.ts';
import { isDeeperThan } from '../json-depth.ts';
import { jsonPrefix } from './json-prefix.ts';
import { RequestText } from './request-text.ts';

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
   * 64 KiB, or nested deeper than 64 levels (which no answer could carry as a value, and which
   * the API refuses: its first 64 KiB of text are kept).
   */
  bodyTruncated?: true;
  /** The status sent; `null` when a network fault ended the connection before any (reset, empty, garbage). */
  status: number | null;
  /** The network fault the exchange got (`Prefer: fault=…`, `--fault-kind`); absent when none. */
  fault?: NetworkFault;
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

/**
 * What kind of body an exchange kept, and so how its text reads back: `prefix` is the start of
 * the JSON text of a value, `refused` the start of the text of a JSON body refused after parsing
 * (nested too deep, a prototype key), which never became a value.
 */
type BodyKind = 'none' | 'json' | 'form' | 'prefix' | 'refused';

/**
 * An exchange as `RecordedExchange.raw` gives it: started, method, status, ms, operation, client,
 * user, body kind, path, query, raw headers, body text, network fault.
 */
export type RawExchange = [number, string, number | null, number, string | null, string | null, string | null, BodyKind, string, string, string[], string, NetworkFault | null];

function bodyKindOf(req: MockRequest): BodyKind {
  const hasBody = req.body !== undefined && req.body !== null && req.bodyText !== undefined;
  // Text without a value: a JSON body refused after parsing (nested too deep, a prototype key).
  if (!hasBody) return req.body === undefined && req.bodyText !== undefined ? 'refused' : 'none';
  return req.bodyBytes > MAX_JOURNAL_BODY_BYTES ? 'prefix' : req.bodyIsForm ? 'form' : 'json';
}

/** The body text kept: none, the text as sent, or the start of its JSON (or text) when cut. */
function bodyTextOf(req: MockRequest, kind: BodyKind): string {
  if (kind === 'none') return '';
  if (kind === 'refused') return refusedText(req.bodyText!);
  return kind === 'prefix' ? jsonPrefix(req.body, MAX_JOURNAL_BODY_BYTES) : req.bodyText!;
}

/** The status an exchange sent: none when a network fault ended it before any. */
function statusOf(res: MockResponse): number | null {
  return res.fault !== undefined && isConnectionFault(res.fault) ? null : res.statusCode;
}

/**
 * An exchange as kept in the journal's ring, in place: numbers, and strings that live on anyway
 * (the method, the operation, the grant's client and user), as they are; the request's own text
 * copied into bytes (request-text.ts). A slot is written again for each exchange it takes, so a
 * request leaves nothing behind for the garbage collector.
 */
export class RecordedExchange {
  startedAt = 0;
  method = '';
  status: number | null = 0;
  fault: NetworkFault | undefined = undefined;
  durationMs = 0;
  operationId: string | undefined = undefined;
  clientId: string | undefined = undefined;
  uniqueId: string | undefined = undefined;
  bodyKind: BodyKind = 'none';
  readonly text = new RequestText();

  record(req: MockRequest, res: MockResponse, startedAt: number, durationMs: number): void {
    this.startedAt = startedAt;
    this.method = req.method ?? 'GET';
    this.fault = res.fault;
    this.status = statusOf(res);
    this.durationMs = durationMs;
    this.operationId = req.route?.operationId;
    this.clientId = req.grant?.clientId;
    this.uniqueId = req.grant?.uniqueId;
    this.bodyKind = bodyKindOf(req);
    this.text.write(req.pathname, req.search, req.rawHeaders, bodyTextOf(req, this.bodyKind));
  }

  /**
   * What `record` keeps, as values JSON carries, unrendered: for a journal kept outside this
   * process (mock/state/redis/redis-journal.ts), which renders an entry only when asked, as the ring does.
   */
  static raw(req: MockRequest, res: MockResponse, startedAt: number, durationMs: number): RawExchange {
    const kind = bodyKindOf(req);
    const { grant } = req;
    return [startedAt, req.method ?? 'GET', statusOf(res), durationMs, req.route?.operationId ?? null, grant?.clientId ?? null, grant?.uniqueId ?? null, kind, req.pathname, req.search, req.rawHeaders, bodyTextOf(req, kind), res.fault ?? null];
  }

  /** Takes the exchange of `raw` into this slot. */
  restore([startedAt, method, status, durationMs, operationId, clientId, uniqueId, kind, path, search, rawHeaders, body, fault]: RawExchange): void {
    this.startedAt = startedAt;
    this.fault = fault ?? undefined;
    this.method = method;
    this.status = status;
    this.durationMs = durationMs;
    this.operationId = operationId ?? undefined;
    this.clientId = clientId ?? undefined;
    this.uniqueId = uniqueId ?? undefined;
    this.bodyKind = kind;
    this.text.write(path, search, rawHeaders, body);
  }

  /** The body as the request's parsed body was, the start of its JSON text when cut, or undefined. */
  body(): unknown {
    switch (this.bodyKind) {
      case 'none':
        return undefined;
      case 'prefix':
      case 'refused':
        return this.text.body;
      case 'form':
        return parseForm(this.text.body);
      case 'json':
        return JSON.parse(this.text.body);
    }
  }
}

/** The entry a query answers with, secrets masked. */
export function renderEntry(id: number, exchange: RecordedExchange): JournalEntry {
  let body = exchange.body();
  let bodyTruncated = exchange.bodyKind === 'prefix' || exchange.bodyKind === 'refused';
  const headers = exchange.text.headers();
  const search = exchange.text.search;
  if (!bodyTruncated && isDeeperThan(body, MAX_JOURNAL_BODY_DEPTH)) {
    body = jsonPrefix(body, MAX_JOURNAL_BODY_BYTES);
    bodyTruncated = true;
  }
  const entry: JournalEntry = {
    id,
    time: new Date(exchange.startedAt).toISOString(),
    method: exchange.method,
    path: exchange.text.path,
    query: masked(queryOf(search)),
    headers: headersOf(headers),
    body: body === undefined ? null : isRecord(body) && !bodyTruncated ? masked(body) : body,
    status: exchange.status,
    durationMs: Math.round(exchange.durationMs * 100) / 100,
    operationId: exchange.operationId ?? null,
    clientId: exchange.clientId ?? namedClient(headers, body, search),
    uniqueId: exchange.uniqueId ?? null,
  };
  if (bodyTruncated) entry.bodyTruncated = true;
  if (exchange.fault !== undefined) entry.fault = exchange.fault;
  return entry;
}

/**
 * The first 64 KiB of a refused body's text, a `client_secret` in it masked as in a value (the
 * token endpoint takes JSON too).
 */
function refusedText(text: string): string {
  return text.slice(0, MAX_JOURNAL_BODY_BYTES).replace(/("client_secret"\s*:\s*)"(?:[^"\\]|\\.)*"?/g, `$1"${MASK}"`);
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
function namedClient(headers: IncomingHttpHeaders, body: unknown, search: string): string | null {
  const basic = /^Basic\s+(\S+)/i.exec(headers.authorization ?? '')?.[1];
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
  const fromBody = isRecord(body) ? body.client_id : undefined;
  if (typeof fromBody === 'string') return fromBody;
  const fromQuery = new URLSearchParams(search).get('client_id');
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

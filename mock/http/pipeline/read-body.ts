/**
 * The body step: reads a request body within a limit, decodes `Content-Encoding` (gzip, deflate,
 * br; the limit counts the decoded bytes), checks that it is UTF-8, and parses it as JSON or, where
 * the route takes forms, as `application/x-www-form-urlencoded`. Its refusals are the catalogue's:
 * 415 for another media type, charset or encoding, 413 over the limit, 400 for bytes that do not
 * decode or parse (docs/reference.md §3). A route may give them another voice (the token endpoint answers
 * in RFC 6749's). No body at all leaves `req.body` undefined.
 */
import { isUtf8 } from 'node:buffer';
import { parse as parseForm } from 'node:querystring';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { type ApiError, errors } from '../../core/errors.ts';
import { prototypeKeyPath } from '../prototype-keys.ts';
import { isDeeperThan, MAX_JSON_DEPTH } from '../json-depth.ts';
import { type MockRequest, type MockResponse, NO_BODY_CHUNKS } from './exchange.ts';
import { PENDING, resume, type Step } from './run-steps.ts';
import { fail } from './send-error.ts';

export interface BodyRule {
  /** Largest body in bytes, after decoding. */
  limit: number;
  /** Whether a form body is taken besides JSON. */
  forms: boolean;
  /** Turns a refusal into the route's own error (default: as it is). */
  refuse: (error: ApiError) => ApiError;
}

export function readBody(rule: BodyRule): Step {
  return (req, res) => {
    if (!hasContent(req)) return undefined;
    const type = mediaType(req.headers['content-type']);
    req.bodyRule = rule;
    const parse = type === 'json' || (type === 'form' && rule.forms) ? type : undefined;
    if (parse === undefined) throw rule.refuse(errors.unsupportedMediaType(req.headers['content-type'] ?? ''));
    const charset = charsetOf(req.headers['content-type']!);
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      throw rule.refuse(errors.unsupportedMediaType(`unsupported charset "${charset.toUpperCase()}"`));
    }
    const declared = Number(req.headers['content-length']);
    if (declared > rule.limit) throw rule.refuse(errors.payloadTooLarge(sizeText(rule.limit)));
    req.bodyIsForm = parse === 'form';
    req.bodyChunks = [];
    const source = decoded(req, rule);
    if (source === req) {
      // The plain case: listeners shared by every request, which find it as `this`.
      req.on('data', onRequestData).on('end', onRequestEnd).on('error', onRequestError);
    } else {
      source.on('data', (chunk: Buffer) => onChunk(req, res, source, chunk));
      source.on('end', () => onEnd(req, res));
      source.on('error', () => onError(req, res));
    }
    return PENDING;
  };
}

/** True when the request carries at least one byte of body. */
export function hasContent(req: { headers: Record<string, string | string[] | undefined> }): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = req.headers['content-length'];
  return length !== undefined && length !== '0' && Number(length) > 0;
}

function onRequestData(this: MockRequest, chunk: Buffer): void {
  onChunk(this, this.res!, this, chunk);
}

function onRequestEnd(this: MockRequest): void {
  onEnd(this, this.res!);
}

function onRequestError(this: MockRequest): void {
  onError(this, this.res!);
}

function onChunk(req: MockRequest, res: MockResponse, source: Readable, chunk: Buffer): void {
  if (res.headersSent) return;
  req.bodyBytes += chunk.length;
  if (req.bodyBytes > req.bodyRule!.limit) {
    req.bodyChunks = NO_BODY_CHUNKS;
    gathered.delete(req);
    // Read no further: a decoder is ended (it holds zlib's buffers), the request paused; the
    // connection closes once the 413 is out.
    if (source === req) source.pause();
    else source.destroy();
    res.shouldKeepAlive = false;
    fail(req, res, req.bodyRule!.refuse(errors.payloadTooLarge(sizeText(req.bodyRule!.limit))));
    return;
  }
  if (req.bodyBytes <= GATHER_FROM) req.bodyChunks.push(chunk);
  else gather(req, chunk);
}

/** Past this many bytes a body is copied into one buffer as it arrives (`gather`). */
const GATHER_FROM = 1024 * 1024;
/** The one buffer of each request past `GATHER_FROM`; its first `bodyBytes` bytes are the body. */
const gathered = new WeakMap<MockRequest, Buffer>();

/**
 * A large body (an admin fixture set may be 256 MiB) held as thousands of 16–64 KiB read buffers
 * leaves the process that much larger once answered: the C allocator keeps the heap pages of small
 * blocks after they are freed. Copied into one buffer that grows by doubling (sized at once when
 * the length is declared), each read buffer dies young and is reused, and the large blocks are
 * mapped on their own and returned whole when freed (issue 16).
 */
function gather(req: MockRequest, chunk: Buffer): void {
  const at = req.bodyBytes - chunk.length;
  let into = gathered.get(req);
  if (into === undefined || into.length < req.bodyBytes) {
    const declared = Number(req.headers['content-length']) || 0;
    const size = Math.min(req.bodyRule!.limit, Math.max(req.bodyBytes, declared, (into?.length ?? GATHER_FROM) * 2));
    const next = Buffer.allocUnsafeSlow(size);
    if (into === undefined) {
      let offset = 0;
      for (const held of req.bodyChunks) offset += held.copy(next, offset);
      req.bodyChunks = NO_BODY_CHUNKS;
    } else {
      into.copy(next, 0, 0, at);
    }
    gathered.set(req, (into = next));
  }
  chunk.copy(into, at);
}

function onEnd(req: MockRequest, res: MockResponse): void {
  if (res.headersSent) return;
  const into = gathered.get(req);
  gathered.delete(req);
  const bytes = into !== undefined ? into.subarray(0, req.bodyBytes) : req.bodyChunks.length === 1 ? req.bodyChunks[0]! : Buffer.concat(req.bodyChunks);
  req.bodyChunks = NO_BODY_CHUNKS;
  try {
    req.body = parseBody(req, bytes, req.bodyIsForm ? 'form' : 'json', req.bodyRule!);
  } catch (error) {
    fail(req, res, error);
    return;
  }
  resume(req, res);
}

function onError(req: MockRequest, res: MockResponse): void {
  if (res.headersSent) return;
  res.shouldKeepAlive = false;
  fail(req, res, req.bodyRule!.refuse(errors.validation('body: could not be read (the bytes do not decode as their Content-Encoding says).')));
}

function parseBody(req: MockRequest, bytes: Buffer, parse: 'json' | 'form', rule: BodyRule): unknown {
  if (!isUtf8(bytes)) throw rule.refuse(errors.validation('body: is not valid UTF-8; send JSON encoded as UTF-8 (RFC 8259 §8.1).'));
  let text = bytes.toString('utf8');
  // As JSON readers do (RFC 8259 §8.1 allows ignoring it): a byte order mark is dropped.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (parse === 'form') {
    req.bodyText = text;
    return parseForm(text);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    throw rule.refuse(errors.malformedJson((error as Error).message));
  }
  // JSON from here on: refused or not, the journal keeps it (a refused one as its first 64 KiB of text).
  req.bodyText = text;
  // Depth first: a body past it is refused, so the prototype-key walk's recursion stays bounded.
  if (isDeeperThan(body, MAX_JSON_DEPTH)) throw rule.refuse(errors.tooDeep(MAX_JSON_DEPTH));
  // No key may name a prototype (prototype-keys.ts).
  const prototypePath = prototypeKeyPath(body);
  if (prototypePath !== undefined) throw errors.prototypeKey(prototypePath);
  return body;
}

/** The request itself, or a decoder piped from it; an encoding this server does not know is a 415. */
function decoded(req: MockRequest, rule: BodyRule): Readable {
  const encoding = (req.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity') return req;
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : encoding === 'br'
          ? createBrotliDecompress()
          : undefined;
  if (!decoder) throw rule.refuse(errors.unsupportedMediaType(`unsupported content encoding "${encoding}"`));
  req.pipe(decoder);
  return decoder;
}

/** `json` for application/json and application/*+json, `form` for URL-encoded forms. */
export function mediaType(header: string | undefined): 'json' | 'form' | undefined {
  if (header === undefined) return undefined;
  const semicolon = header.indexOf(';');
  const type = (semicolon < 0 ? header : header.slice(0, semicolon)).trim().toLowerCase();
  if (type === 'application/json' || (type.startsWith('application/') && type.endsWith('+json'))) return 'json';
  return type === 'application/x-www-form-urlencoded' ? 'form' : undefined;
}

function charsetOf(header: string): string | undefined {
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(header);
  return match?.[1]?.toLowerCase();
}

function sizeText(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MiB` : `${Math.round(bytes / 1024)} KiB`;
}

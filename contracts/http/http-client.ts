import { DeadlineReached, RequestFailed, describeNetworkError, type Exchange } from './exchange.ts';
import { clip, redact } from './report-text.ts';
import { retryAfterMs, sleep } from './retry-after.ts';
import { Wire, wireTarget, type RawRequest, type RawResponse } from './wire.ts';

export interface RequestSpec {
  method: string;
  /** A path under the base URL (`/v1/customer/info`) or an absolute URL. */
  path: string;
  bearer?: string;
  /** Sent as JSON (with `content-type: application/json`) unless `rawBody` is given. */
  json?: unknown;
  rawBody?: string | Uint8Array;
  headers?: Record<string, string>;
  /** `manual` to read a redirect's `Location` instead of following it (OAuth login). */
  redirect?: 'follow' | 'manual';
  /** Off for requests that are meant to meet a 429. */
  retryOn429?: boolean;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  json: unknown;
  exchange: Exchange;
  durationMs: number;
}

export interface HttpClientOptions {
  /** The smallest gap between two request starts; the real API allows 100 a second. */
  minIntervalMs?: number;
  maxRetries?: number;
  /** A `Retry-After` longer than this fails the request instead of stalling the run. */
  maxRetryAfterSeconds?: number;
  /** Per request: no byte from the server for this long fails it. */
  timeoutMs?: number;
  /** No request starts after this epoch millisecond (`DeadlineReached`). */
  deadline?: number;
}

export interface ClientStats {
  sent: number;
  rateLimited: number;
  waitedMs: number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * The one HTTP client of the contract kit: the runner, the semantic suite, the Dredd hooks and the
 * fuzzer all send through it, so every run paces itself and waits out a 429 (`Retry-After`,
 * RFC 9110 §10.2.3) instead of mistaking a rate limit for a broken contract. `send` puts a request
 * on the wire exactly as built (the fuzzer's raw bytes and odd headers); `request` adds the JSON
 * conveniences, follows redirects and records the exchange for the reports.
 *
 * @example
 * const http = new HttpClient('http://127.0.0.1:4010');
 * const res = await http.request({ method: 'GET', path: '/v1/customer/info', bearer: token });
 */
export class HttpClient {
  readonly stats: ClientStats = { sent: 0, rateLimited: 0, waitedMs: 0 };
  private nextStart = 0;
  private readonly base: URL;
  private readonly wire: Wire;
  private readonly opts: Required<Omit<HttpClientOptions, 'deadline'>> & { deadline?: number };

  constructor(
    readonly baseUrl: string,
    options: HttpClientOptions = {},
  ) {
    this.opts = { minIntervalMs: 25, maxRetries: 4, maxRetryAfterSeconds: 65, timeoutMs: 20_000, ...options };
    this.base = new URL(baseUrl);
    this.wire = new Wire(this.opts.timeoutMs);
  }

  /** How many 429s the run met and waited out, for the summary. */
  get retries(): number {
    return this.stats.rateLimited;
  }

  url(path: string): string {
    return /^https?:\/\//i.test(path) ? path : `${this.baseUrl.replace(/\/$/, '')}${path}`;
  }

  /** A 429 waited out by someone else (Dredd sends its own requests), counted with the rest. */
  noteRetry(waitedMs: number): void {
    this.stats.rateLimited += 1;
    this.stats.waitedMs += waitedMs;
  }

  /** Exactly these bytes and headers; throws `RequestFailed` when no answer comes. */
  async send(request: RawRequest, { retryOn429 = true } = {}): Promise<RawResponse> {
    for (let attempt = 0; ; attempt += 1) {
      await this.pace();
      if (this.opts.deadline !== undefined && Date.now() > this.opts.deadline) throw new DeadlineReached();
      this.stats.sent += 1;
      const response = await this.once(request);
      if (response.status !== 429 || !retryOn429 || askedFor429(request) || attempt >= this.opts.maxRetries) return response;
      const wait = retryAfterMs(response);
      if (wait > this.opts.maxRetryAfterSeconds * 1000 + 50) return response;
      if (this.opts.deadline !== undefined && Date.now() + wait > this.opts.deadline) throw new DeadlineReached();
      this.noteRetry(wait);
      await sleep(wait);
    }
  }

  /** JSON in and out, a bearer, redirects followed unless `manual`, the exchange kept for reports. */
  async request(spec: RequestSpec): Promise<HttpResponse> {
    let raw = toRawRequest(spec);
    for (let hop = 0; ; hop += 1) {
      const response = await this.send(raw, { retryOn429: spec.retryOn429 !== false });
      const location = response.headers.location;
      if (spec.redirect === 'manual' || !REDIRECTS.has(response.status) || !location || hop >= 5) {
        return toHttpResponse(this.url(raw.path), raw, response);
      }
      raw = redirected(raw, new URL(location, this.url(raw.path)).toString(), response.status);
    }
  }

  /** Waits for this client's next slot: one shared queue, whoever calls. */
  async pace(): Promise<void> {
    const now = Date.now();
    const start = Math.max(now, this.nextStart);
    this.nextStart = start + this.opts.minIntervalMs;
    if (start > now) await sleep(start - now);
  }

  close(): void {
    this.wire.close();
  }

  private async once(request: RawRequest): Promise<RawResponse> {
    try {
      return await this.wire.send(wireTarget(this.base, request.path), request);
    } catch (error) {
      // A hang or a dropped connection is the server's failure, reported with the request that caused it.
      const { reason, code } = describeNetworkError(error as NodeJS.ErrnoException);
      throw new RequestFailed(reason, sentExchange(this.url(request.path), request), code);
    }
  }
}

/** `Prefer: code=429` asks for the 429 (the Prism convention the mock follows): it is the answer. */
function askedFor429(request: RawRequest): boolean {
  const prefer = Object.entries(request.headers).find(([name]) => name.toLowerCase() === 'prefer')?.[1];
  return /\bcode\s*=\s*429\b/.test(prefer ?? '');
}

function toRawRequest(spec: RequestSpec): RawRequest {
  const headers: Record<string, string> = { accept: 'application/json', ...spec.headers };
  if (spec.bearer !== undefined) headers.authorization = `Bearer ${spec.bearer}`;
  let body = spec.rawBody;
  if (body === undefined && spec.json !== undefined) {
    body = JSON.stringify(spec.json);
    headers['content-type'] ??= 'application/json';
  }
  return { method: spec.method, path: spec.path, headers, ...(body === undefined ? {} : { body }) };
}

/** RFC 9110 §15.4: 303 (and 301/302 after a POST, as browsers do) turn into a GET without a body. */
function redirected(raw: RawRequest, url: string, status: number): RawRequest {
  if (status === 303 || ((status === 301 || status === 302) && raw.method === 'POST')) {
    const headers = Object.fromEntries(Object.entries(raw.headers).filter(([name]) => name.toLowerCase() !== 'content-type'));
    return { method: 'GET', path: url, headers };
  }
  return { ...raw, path: url };
}

function sentExchange(url: string, raw: RawRequest): Exchange {
  const requestBody = raw.body === undefined ? undefined : typeof raw.body === 'string' ? raw.body : `(${raw.body.length} bytes)`;
  return { method: raw.method, url, requestHeaders: redact(raw.headers), ...(requestBody === undefined ? {} : { requestBody: clip(requestBody) }) };
}

function toHttpResponse(url: string, raw: RawRequest, res: RawResponse): HttpResponse {
  return {
    status: res.status,
    headers: res.headers,
    text: res.body,
    json: parseJson(res.body),
    durationMs: res.durationMs,
    exchange: { ...sentExchange(url, raw), status: res.status, responseHeaders: res.headers, responseBody: clip(res.body) },
  };
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

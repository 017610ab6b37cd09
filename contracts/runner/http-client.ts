import { CheckFailure, type Exchange } from './results.ts';

export interface RequestSpec {
  method: string;
  /** A path under the base URL (`/v1/customer/info`) or an absolute URL. */
  path: string;
  bearer?: string;
  /** Sent as JSON (with `content-type: application/json`) unless `rawBody` is given. */
  json?: unknown;
  rawBody?: string;
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
}

export interface HttpClientOptions {
  /** The smallest gap between two request starts; the real API allows 100 a second. */
  minIntervalMs?: number;
  maxRetries?: number;
  /** A `Retry-After` longer than this fails the request instead of stalling the run. */
  maxRetryAfterSeconds?: number;
  timeoutMs?: number;
}

const REPORT_BODY_LIMIT = 2000;

/**
 * The one HTTP client of a contract run: every check and every hook goes through it, so the run
 * paces itself and a 429 is waited out (`Retry-After`, RFC 9110 §10.2.3) instead of being
 * mistaken for a broken contract (DESIGN.md §6).
 */
export class HttpClient {
  private nextStart = 0;
  private readonly opts: Required<HttpClientOptions>;
  /** How many 429s the run met and waited out, for the summary. */
  retries = 0;

  constructor(
    readonly baseUrl: string,
    options: HttpClientOptions = {},
  ) {
    this.opts = { minIntervalMs: 25, maxRetries: 4, maxRetryAfterSeconds: 65, timeoutMs: 20_000, ...options };
  }

  url(path: string): string {
    return /^https?:\/\//.test(path) ? path : `${this.baseUrl}${path}`;
  }

  async request(spec: RequestSpec): Promise<HttpResponse> {
    for (let attempt = 0; ; attempt += 1) {
      await this.pace();
      const response = await this.send(spec);
      if (response.status !== 429 || spec.retryOn429 === false || attempt >= this.opts.maxRetries) return response;
      const wait = retryAfterSeconds(response.headers['retry-after']);
      if (wait > this.opts.maxRetryAfterSeconds) return response;
      this.retries += 1;
      await sleep(wait * 1000);
    }
  }

  /** Waits for this client's next slot: one shared queue, whoever calls. */
  async pace(): Promise<void> {
    const now = Date.now();
    const start = Math.max(now, this.nextStart);
    this.nextStart = start + this.opts.minIntervalMs;
    if (start > now) await sleep(start - now);
  }

  private async send(spec: RequestSpec): Promise<HttpResponse> {
    const headers: Record<string, string> = { accept: 'application/json', ...spec.headers };
    if (spec.bearer !== undefined) headers.authorization = `Bearer ${spec.bearer}`;
    let body: string | undefined = spec.rawBody;
    if (body === undefined && spec.json !== undefined) {
      body = JSON.stringify(spec.json);
      headers['content-type'] ??= 'application/json';
    }
    const url = this.url(spec.path);
    const sent: Exchange = { method: spec.method, url, requestHeaders: redact(headers), requestBody: clip(body) };
    let res: Response;
    let text: string;
    try {
      res = await fetch(url, { method: spec.method, headers, body, redirect: spec.redirect ?? 'follow', signal: AbortSignal.timeout(this.opts.timeoutMs) });
      text = await res.text();
    } catch (error) {
      // A hang or a dropped connection is the server's failure, reported with the request that caused it.
      const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${this.opts.timeoutMs} ms` : (error as Error).message;
      throw new CheckFailure(`${spec.method} ${url}: ${reason}`, sent);
    }
    const responseHeaders = Object.fromEntries(res.headers.entries());
    return {
      status: res.status,
      headers: responseHeaders,
      text,
      json: parseJson(text),
      exchange: {
        ...sent,
        status: res.status,
        responseHeaders,
        responseBody: clip(text),
      },
    };
  }
}

/** `Retry-After` is seconds or an HTTP date (RFC 9110 §10.2.3); absent or odd means 1 s. */
export function retryAfterSeconds(value: string | undefined): number {
  if (!value) return 1;
  if (/^\d+$/.test(value.trim())) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? 1 : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function clip(text: string | undefined): string | undefined {
  if (text === undefined || text.length <= REPORT_BODY_LIMIT) return text;
  return `${text.slice(0, REPORT_BODY_LIMIT)}… (${text.length} characters)`;
}

/** Reports are published by CI: a bearer in them would leak a live token. */
export function redact(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = /^(authorization|x-admin-token)$/i.test(name) ? `${value.slice(0, 13)}…` : value;
  }
  return out;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

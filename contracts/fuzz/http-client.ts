/**
 * Sends fuzz requests exactly as built (raw bytes, odd headers) to one origin only, one at a
 * time, and paces itself: a 429 that the request did not ask for is waited out (`Retry-After`,
 * RFC 9110 §10.2.3) and sent again, so a rate limit is never mistaken for a broken contract.
 */
import http from 'node:http';
import https from 'node:https';
import type { FuzzRequest, FuzzResponse } from './fuzz-case.ts';

export interface ClientOptions {
  baseUrl: string;
  /** At most this many requests a second; 0: no pacing beyond honouring 429. */
  maxRps?: number;
  /** Per request. */
  timeoutMs?: number;
  /** No request starts after this epoch millisecond. */
  deadline?: number;
  /** Longest single wait on a 429 before giving up on the request. */
  maxRetryWaitMs?: number;
}

export interface ClientStats {
  sent: number;
  rateLimited: number;
  waitedMs: number;
}

export class DeadlineReached extends Error {
  constructor() {
    super('the time limit was reached');
    this.name = 'DeadlineReached';
  }
}

export interface FuzzClient {
  send(request: FuzzRequest): Promise<FuzzResponse>;
  stats: ClientStats;
  close(): void;
}

export function createClient(options: ClientOptions): FuzzClient {
  const base = new URL(options.baseUrl);
  const basePath = base.pathname.replace(/\/$/, '');
  const transport = base.protocol === 'https:' ? https : http;
  const agent = new transport.Agent({ keepAlive: true, maxSockets: 1 });
  const stats: ClientStats = { sent: 0, rateLimited: 0, waitedMs: 0 };
  const interval = options.maxRps ? 1000 / options.maxRps : 0;
  let nextStart = 0;

  async function send(request: FuzzRequest): Promise<FuzzResponse> {
    for (;;) {
      const wait = Math.max(0, nextStart - Date.now());
      if (wait) await sleep(wait);
      if (options.deadline && Date.now() > options.deadline) throw new DeadlineReached();
      nextStart = Date.now() + interval;
      stats.sent += 1;
      const response = await onceOrAgain(() => once(transport, agent, base, basePath + request.path, request, options.timeoutMs ?? 15_000));
      if (response.status !== 429 || askedFor429(request)) return response;
      const retryMs = retryAfterMs(response);
      if (retryMs > (options.maxRetryWaitMs ?? 65_000)) return response;
      if (options.deadline && Date.now() + retryMs > options.deadline) throw new DeadlineReached();
      stats.rateLimited += 1;
      stats.waitedMs += retryMs;
      await sleep(retryMs);
    }
  }
  return { send, stats, close: () => agent.destroy() };
}

/**
 * A kept-alive socket the server closed meanwhile fails the next request with ECONNRESET before
 * the server saw it (RFC 9112 §9.3.1 lets a client retry then); a second failure is real.
 */
async function onceOrAgain(attempt: () => Promise<FuzzResponse>): Promise<FuzzResponse> {
  try {
    return await attempt();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') throw error;
    await sleep(50);
    return attempt();
  }
}

function askedFor429(request: FuzzRequest): boolean {
  return /\bcode\s*=\s*429\b/.test(request.headers.prefer ?? '');
}

/** `Retry-After` in seconds (or an HTTP date), else the `X-RateLimit-Reset` epoch, else one second. */
export function retryAfterMs(response: FuzzResponse, now = Date.now()): number {
  const header = response.headers['retry-after'];
  if (header && /^\d+$/.test(header.trim())) return Number(header) * 1000 + 50;
  if (header && !Number.isNaN(Date.parse(header))) return Math.max(0, Date.parse(header) - now) + 50;
  const reset = Number(response.headers['x-ratelimit-reset']);
  if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - now) + 50;
  return 1000;
}

function once(
  transport: typeof http | typeof https,
  agent: http.Agent,
  base: URL,
  path: string,
  request: FuzzRequest,
  timeoutMs: number,
): Promise<FuzzResponse> {
  const started = performance.now();
  const body = request.body === undefined ? undefined : toBytes(request.body);
  const headers: Record<string, string> = { ...request.headers };
  if (body) headers['content-length'] = String(body.length);
  return new Promise((resolve, reject) => {
    let settled = false;
    const req = transport.request(
      { protocol: base.protocol, hostname: base.hostname, port: base.port, method: request.method, path, headers, agent, timeout: timeoutMs },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) => finish(() => reject(error)));
        res.on('end', () =>
          finish(() =>
            resolve({
              status: res.statusCode ?? 0, headers: flatHeaders(res.headers),
              body: Buffer.concat(chunks).toString('utf8'), durationMs: performance.now() - started,
            }),
          ),
        );
      },
    );
    const finish = (settle: () => void) => {
      if (!settled) {
        settled = true;
        settle();
      }
    };
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    // A server may answer 413 and close while a large body is still being written: EPIPE and
    // ECONNRESET then come after (or instead of) the response; only "no response at all" fails.
    req.on('error', (error) => setTimeout(() => finish(() => reject(error)), 50));
    req.end(body);
  });
}

/** A string goes as UTF-8 (JSON's encoding, RFC 8259 §8.1); bytes go as they are. */
function toBytes(body: string | Uint8Array): Buffer {
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body);
}

function flatHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

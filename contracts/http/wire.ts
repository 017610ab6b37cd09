/**
 * One request on the wire with node:http, exactly as built: the path as given (already
 * percent-encoded), the headers as given, the body as bytes. `fetch` would add headers, normalise
 * the path and refuse some bodies, which the fuzzer and the size checks need to send.
 */
import http from 'node:http';
import https from 'node:https';

export interface RawRequest {
  method: string;
  /** Appended to the base URL's path as it is; or an absolute http(s) URL. */
  path: string;
  headers: Record<string, string>;
  /** A string is sent as UTF-8 (JSON's encoding, RFC 8259 §8.1); bytes are sent as they are. */
  body?: string | Uint8Array;
}

export interface RawResponse {
  status: number;
  /** Header names in lower case; repeated headers joined with `, `. */
  headers: Record<string, string>;
  body: string;
  durationMs: number;
}

/** Where a request goes: origin parts and the full request target. */
export interface WireTarget {
  url: URL;
  requestPath: string;
}

export function wireTarget(base: URL, path: string): WireTarget {
  if (/^https?:\/\//i.test(path)) {
    const url = new URL(path);
    return { url, requestPath: `${url.pathname}${url.search}` };
  }
  return { url: base, requestPath: `${base.pathname.replace(/\/$/, '')}${path}` };
}

export class Wire {
  private readonly agents = {
    'http:': new http.Agent({ keepAlive: true, maxSockets: 4 }),
    'https:': new https.Agent({ keepAlive: true, maxSockets: 4 }),
  };

  constructor(private readonly timeoutMs: number) {}

  /**
   * A kept-alive socket the server closed meanwhile fails the next request with ECONNRESET before
   * the server saw it (RFC 9112 §9.3.1 lets a client retry then); a second failure is real.
   */
  async send(target: WireTarget, request: RawRequest): Promise<RawResponse> {
    try {
      return await this.once(target, request);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ECONNRESET') throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
      return this.once(target, request);
    }
  }

  close(): void {
    this.agents['http:'].destroy();
    this.agents['https:'].destroy();
  }

  private once({ url, requestPath }: WireTarget, request: RawRequest): Promise<RawResponse> {
    const started = performance.now();
    const body = request.body === undefined ? undefined : typeof request.body === 'string' ? Buffer.from(request.body, 'utf8') : Buffer.from(request.body);
    const headers: Record<string, string> = { ...request.headers };
    if (body) headers['content-length'] = String(body.length);
    const transport = url.protocol === 'https:' ? https : http;
    const agent = url.protocol === 'https:' ? this.agents['https:'] : this.agents['http:'];
    return new Promise((resolve, reject) => {
      let settled = false;
      const finish = (settle: () => void) => {
        if (settled) return;
        settled = true;
        settle();
      };
      const req = transport.request(
        { protocol: url.protocol, hostname: url.hostname.replace(/^\[|\]$/g, ''), port: url.port, method: request.method, path: requestPath, headers, agent, timeout: this.timeoutMs },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', (error) => finish(() => reject(error)));
          res.on('end', () =>
            finish(() =>
              resolve({ status: res.statusCode ?? 0, headers: flatHeaders(res.headers), body: Buffer.concat(chunks).toString('utf8'), durationMs: performance.now() - started }),
            ),
          );
        },
      );
      req.on('timeout', () => req.destroy(Object.assign(new Error(`no answer within ${this.timeoutMs} ms`), { code: 'TIMEOUT' })));
      // A server may answer 413 and close while a large body is still being written: EPIPE and
      // ECONNRESET then come after (or instead of) the response; only "no response at all" fails.
      req.on('error', (error) => setTimeout(() => finish(() => reject(error)), 50));
      req.end(body);
    });
  }
}

function flatHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

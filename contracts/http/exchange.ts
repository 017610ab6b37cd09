/** One HTTP exchange as a report shows it: what was sent and what came back. */
export interface Exchange {
  method: string;
  url: string;
  requestHeaders?: Record<string, string>;
  requestBody?: string;
  status?: number;
  responseHeaders?: Record<string, string>;
  responseBody?: string;
}

/**
 * No answer at all (refused, reset, DNS, TLS, a hang). `reason` is said the way a CI reader
 * understands it ("connection refused"), `code` is Node's (`ECONNREFUSED`).
 */
export class RequestFailed extends Error {
  constructor(
    readonly reason: string,
    readonly exchange: Exchange,
    readonly code?: string,
  ) {
    super(`${exchange.method} ${exchange.url}: ${reason}`);
    this.name = 'RequestFailed';
  }
}

/** The run's own time limit stopped a request before it was sent (the fuzzer's `--time-limit`). */
export class DeadlineReached extends Error {
  constructor() {
    super('the time limit was reached');
    this.name = 'DeadlineReached';
  }
}

const REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ECONNRESET: 'connection reset by the server',
  ENOTFOUND: 'DNS: the host name does not resolve',
  EAI_AGAIN: 'DNS: the host name could not be resolved (temporary failure)',
  ETIMEDOUT: 'connection timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  EPIPE: 'the server closed the connection while the request was sent',
};

/** Node's network error in words; TLS errors keep their own message (it names the certificate problem). */
export function describeNetworkError(error: NodeJS.ErrnoException): { reason: string; code?: string } {
  const code = error.code;
  if (code && REASONS[code]) return { reason: `${REASONS[code]} (${code})`, code };
  if (code && /CERT|SSL|TLS|EPROTO/.test(code)) return { reason: `TLS: ${error.message}`, code };
  return { reason: error.message, ...(code ? { code } : {}) };
}

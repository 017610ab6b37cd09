/**
 * Limits on what a client may send and how slowly (issue 6), and one voice for the refusals.
 * Node's HTTP parser refuses an oversized head, bytes that are not HTTP and a client slower than
 * `headersTimeout`/`requestTimeout` before Express runs, and by default answers with a bare status
 * line. Here those refusals get the API's `{exceptionType, errorMessage}` body like every other
 * error (docs/reference.md §3). The URL limit is the first thing the request listener checks
 * (pipeline/edge.ts).
 */
import { STATUS_CODES, type ServerOptions } from 'node:http';
import type { Duplex } from 'node:stream';
import type { HttpLimits } from '../config.ts';
import { type ApiError, errors } from '../core/errors.ts';

/** Most header fields a request may have; more is a 431 (pipeline/edge.ts), as Node's default count. */
export const MAX_HEADER_COUNT = 2000;

/**
 * Node drops the header fields past `server.maxHeadersCount` without a word (an `Authorization`
 * after 2,000 others was a 401); keeping one more lets the edge see "too many" and answer 431.
 */
export const SERVER_MAX_HEADERS_COUNT = MAX_HEADER_COUNT + 1;

/** The `node:http` server options that enforce `limits`. */
export function serverOptions(limits: HttpLimits): ServerOptions {
  return {
    maxHeaderSize: limits.maxHeaderBytes,
    // The edge answers a missing Host with the API's error body (pipeline/host-check.ts).
    requireHostHeader: false,
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    // Node looks for expired requests every 30 s by default, far coarser than the timeouts.
    connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(limits.headersTimeoutMs / 4))),
  };
}

type ClientError = Error & { code?: string };

/** The server's `clientError` listener: an API error body, then the connection is closed. */
/** `replica` is `--replica-name`: these answers, written outside the pipeline, carry `X-Mock-Replica` too. */
export function clientErrorResponder(limits: HttpLimits, replica?: string): (error: ClientError, socket: Duplex) => void {
  const replicaHeader = replica === undefined ? '' : `X-Mock-Replica: ${replica}\r\n`;
  return (error, socket) => {
    // As Node's own listener does: never write into a response that has started.
    const inFlight = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const refusal = toApiError(error, limits);
    const body = JSON.stringify(refusal.body());
    socket.end(
      `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status]}\r\n` +
        `Content-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${replicaHeader}Connection: close\r\n\r\n${body}`,
    );
  };
}

function toApiError(error: ClientError, limits: HttpLimits): ApiError {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return errors.headersTooLarge(kibibytes(limits.maxHeaderBytes));
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return errors.requestTimeout(`headers within ${seconds(limits.headersTimeoutMs)}, the whole request within ${seconds(limits.requestTimeoutMs)}`);
    default:
      return errors.badRequest(error.code ?? error.message);
  }
}

function kibibytes(bytes: number): string {
  return `${bytes / 1024} KiB`;
}

function seconds(ms: number): string {
  return `${ms / 1000} s`;
}

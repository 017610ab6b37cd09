/**
 * Test support: speak HTTP/1.1 over a bare socket, for what `fetch` refuses to send (oversized
 * heads, broken requests) or cannot do (stall halfway through a request).
 */
import { connect } from 'node:net';

export interface RawExchange {
  /** Everything the server sent until it closed the connection or `waitMs` passed. */
  response: string;
  status: number | undefined;
  /** The JSON body, when the response had one. */
  body: unknown;
  closedByServer: boolean;
  elapsedMs: number;
}

/**
 * Sends `chunks` to the mock at `baseUrl` (a string is one chunk; after the last chunk the socket
 * stays open, so a stalled request stays stalled) and collects the answer.
 */
export function rawRequest(baseUrl: string, chunks: string | string[], waitMs = 3000): Promise<RawExchange> {
  const { hostname, port } = new URL(baseUrl);
  const started = Date.now();
  return new Promise((resolve) => {
    let response = '';
    let closedByServer = false;
    const socket = connect(Number(port), hostname, () => {
      for (const chunk of [chunks].flat()) socket.write(chunk);
    });
    const timer = setTimeout(() => socket.destroy(), waitMs);
    socket.on('data', (data: Buffer) => (response += data.toString('latin1')));
    socket.on('end', () => (closedByServer = true));
    socket.on('error', () => (closedByServer = true));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ response, status: statusOf(response), body: bodyOf(response), closedByServer, elapsedMs: Date.now() - started });
    });
  });
}

function statusOf(response: string): number | undefined {
  const match = /^HTTP\/1\.1 (\d{3})/.exec(response);
  return match?.[1] ? Number(match[1]) : undefined;
}

function bodyOf(response: string): unknown {
  const split = response.indexOf('\r\n\r\n');
  if (split < 0) return undefined;
  try {
    return JSON.parse(response.slice(split + 4));
  } catch {
    return undefined;
  }
}

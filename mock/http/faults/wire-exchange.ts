/**
 * Test support: one request over a bare socket, and everything the client side of the wire saw:
 * each chunk with when it came, whether the server ended the stream (EOF) and the socket error, if
 * any. What `fetch` and `curl` report is made of these (client-errors.test.ts).
 */
import { connect } from 'node:net';

export interface WireExchange {
  /** The bytes, in the chunks they came in, each with ms since the request was written. */
  chunks: Array<{ bytes: Buffer; atMs: number }>;
  bytes: Buffer;
  /** The server closed its side (a FIN): an EOF. */
  ended: boolean;
  /** The socket's error code (`ECONNRESET` for a reset), if any. */
  errorCode: string | undefined;
}

export function wireRequest(baseUrl: string, head: string, waitMs = 5000): Promise<WireExchange> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve) => {
    const chunks: WireExchange['chunks'] = [];
    let ended = false;
    let errorCode: string | undefined;
    let started = 0;
    const socket = connect(Number(port), hostname, () => {
      started = performance.now();
      socket.write(head);
    });
    const timer = setTimeout(() => socket.destroy(), waitMs);
    socket.on('data', (bytes: Buffer) => chunks.push({ bytes, atMs: performance.now() - started }));
    socket.on('end', () => {
      ended = true;
      socket.end();
    });
    socket.on('error', (error: NodeJS.ErrnoException) => (errorCode = error.code));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ chunks, bytes: Buffer.concat(chunks.map((chunk) => chunk.bytes)), ended, errorCode });
    });
  });
}

/** The head (status line and headers) and the body bytes of an answer as received. */
export function splitAnswer(bytes: Buffer): { head: string; body: Buffer } {
  const at = bytes.indexOf('\r\n\r\n');
  return at < 0 ? { head: bytes.toString('latin1'), body: Buffer.alloc(0) } : { head: bytes.subarray(0, at).toString('latin1'), body: bytes.subarray(at + 4) };
}

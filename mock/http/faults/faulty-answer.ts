/**
 * The faults that spoil a real answer: `truncated` and `slow-body` (fault-kinds.ts). The answer
 * is the one the operation gave (status, headers, `Content-Length` of the whole body); send-json.ts
 * hands it here instead of writing it when the request carries one of these faults.
 */
import type { MockResponse } from '../pipeline/exchange.ts';

/** How many pieces a `slow-body` body is written in, at most (one a byte for a shorter body). */
export const SLOW_BODY_PIECES = 10;

export function sendFaulty(res: MockResponse, status: number, headers: (string | number)[], body: string): void {
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, headers);
  if (res.fault === 'truncated') {
    // The first half after the head, then the connection closes: the client has fewer bytes
    // than `Content-Length` promised. `end` sends the FIN after the bytes, which `destroy` would drop.
    res.shouldKeepAlive = false;
    res.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
    res.socket?.end();
    res.observer?.call(res);
    return;
  }
  dribble(res, bytes, res.faultMs);
}

/** Writes `bytes` in pieces, the last one `ms` after the head; stops if the client goes away. */
function dribble(res: MockResponse, bytes: Buffer, ms: number): void {
  const pieces = Math.max(1, Math.min(SLOW_BODY_PIECES, bytes.length));
  const size = Math.ceil(bytes.length / pieces);
  let written = 0;
  const next = (): void => {
    if (res.destroyed) return;
    const piece = bytes.subarray(written, written + size);
    written += piece.length;
    if (written >= bytes.length) res.end(piece);
    else {
      res.write(piece);
      setTimeout(next, ms / pieces);
    }
  };
  setTimeout(next, ms / pieces);
}

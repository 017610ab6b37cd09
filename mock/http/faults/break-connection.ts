/**
 * The faults that answer nothing: `reset`, `empty` and `garbage` (fault-kinds.ts). Each acts on
 * the request's socket and leaves the response unwritten, so Node's `finish` never comes; the
 * exchange observer (journal, log, metrics) is called here instead, once the socket is given up.
 */
import type { MockRequest, MockResponse } from '../pipeline/exchange.ts';
import type { NetworkFault } from './fault-kinds.ts';

/**
 * Bytes that no HTTP/1.x parser takes for a status line (they do not start with `HTTP/`), and
 * that are not HTTP/0.9 text a lenient client might show as a body either: control bytes first.
 */
export const GARBAGE = Buffer.from('\u0000\u0001\u0002 not HTTP: this is the mock\'s fault=garbage \u00ff\u00fe\r\n\r\n', 'latin1');

/** Ends the exchange as `fault` says; the operation is not run. */
export function breakConnection(req: MockRequest, res: MockResponse, fault: NetworkFault): void {
  res.fault = fault;
  const socket = req.socket;
  // The connection is given up; no later request may be read from it.
  res.shouldKeepAlive = false;
  // A client that went away during a `delay` has left nothing to break.
  if (!socket.destroyed) breakSocket(socket, fault);
  res.observer?.call(res);
}

function breakSocket(socket: MockRequest['socket'], fault: NetworkFault): void {
  if (fault === 'reset') resetSocket(socket);
  else if (fault === 'garbage') socket.end(GARBAGE);
  else socket.end();
}

/**
 * An RST, not a FIN: `resetAndDestroy` (Node 16.17 and 18.3 on) closes with SO_LINGER 0. Without
 * it the socket is destroyed, which is a FIN; the kit's Node versions all have it.
 */
function resetSocket(socket: MockRequest['socket']): void {
  const resettable = socket as typeof socket & { resetAndDestroy?: () => void };
  if (typeof resettable.resetAndDestroy === 'function') resettable.resetAndDestroy();
  else socket.destroy();
}

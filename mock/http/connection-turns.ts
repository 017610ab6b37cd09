/**
 * Connections take turns (issue 16). When a socket is readable, libuv reads it again and again
 * while data is there (64 KiB a read, about 1,500 pipelined `GET /healthz`), and Node's HTTP
 * parser hands every request of a read to the listener synchronously; Node's own pause waits for
 * the socket to need a drain, which the kernels' buffers put off by megabytes. So one client that
 * pipelined without reading got tens of thousands of answers in a row while every other
 * connection waited.
 *
 * Here each connection has a share of `REQUESTS_PER_TURN` requests an event-loop turn. Its count
 * is zeroed in the check phase (`setImmediate`) of the turn it reaches the share, after every
 * other ready connection was read, so it may hold up to one share from earlier turns: a connection
 * past two shares has had more than a share in this turn. That stops its reads (`socket.pause()`,
 * which Node's server turns into a `readStop`); the rest of the read in hand is answered (the
 * parser cannot stop inside a read), and the connection is not read again until it has waited a
 * turn for every share it had past the first. A flooding connection so gets a share a turn on
 * average, one read at a time; what it read is answered at once, so the mock holds nothing for it.
 * A client that pipelines less than a share a turn is never stopped.
 *
 * Node resumes a socket after every request it parses (`readStart` in _http_common.js), so a
 * `'resume'` listener pauses it again while it waits. A socket that Node itself paused meanwhile
 * (`_paused`: its answers back up, its client does not read) is left to Node, which resumes it on
 * `'drain'`.
 *
 * A client that sends one request at a time costs a counter on its socket and, every
 * `REQUESTS_PER_TURN` requests, one `setImmediate` that zeroes it; it never waits. docs/decisions/035.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** A connection's share of requests in one event-loop turn. */
export const REQUESTS_PER_TURN = 32;

/** What this module keeps on a socket, and the part of Node's server state it reads. */
interface TurnSocket extends Socket {
  /** Requests since the count was last zeroed, less the shares of the turns waited since. */
  turnRequests?: number;
  /** Not read until it has waited its turns. */
  turnWaiting?: boolean;
  /** The `'resume'` listener is on. */
  turnHeld?: boolean;
  /** Node's `_http_server.js`: the server has paused the socket because its answers back up. */
  _paused?: boolean;
}

/**
 * The request listener `listener`, with its connections taking turns. Every request of the server
 * passes through it, so it wraps the edge where the listener is made (create-http-app.ts).
 */
export function takingTurns<Req extends IncomingMessage, Res extends ServerResponse<Req>>(
  listener: (req: Req, res: Res) => void,
  perTurn = REQUESTS_PER_TURN,
): (req: Req, res: Res) => void {
  return (req, res) => {
    const socket = req.socket as TurnSocket;
    const count = (socket.turnRequests ?? 0) + 1;
    socket.turnRequests = count;
    if (count >= perTurn) {
      // The check phase of this loop iteration comes after every ready socket has been read.
      if (count === perTurn) setImmediate(endTurn, socket, perTurn);
      else if (count > 2 * perTurn && !socket.turnWaiting) waitForTurns(socket);
    }
    listener(req, res);
  };
}

function waitForTurns(socket: TurnSocket): void {
  socket.turnWaiting = true;
  if (!socket.turnHeld) {
    socket.turnHeld = true;
    socket.on('resume', holdWhileWaiting);
  }
  socket.pause();
}

/** After Node's own `'resume'` listener, which started reading. */
function holdWhileWaiting(this: TurnSocket): void {
  if (this.turnWaiting) this.pause();
}

function endTurn(socket: TurnSocket, perTurn: number): void {
  const owed = (socket.turnRequests ?? 0) - perTurn;
  if (socket.turnWaiting && owed > perTurn && !socket.destroyed) {
    // This turn's share pays for one of the shares it had past the first; it waits for the rest.
    socket.turnRequests = owed;
    setImmediate(endTurn, socket, perTurn);
    return;
  }
  socket.turnRequests = 0;
  if (!socket.turnWaiting) return;
  socket.turnWaiting = false;
  if (!socket.destroyed && !socket._paused) socket.resume();
}

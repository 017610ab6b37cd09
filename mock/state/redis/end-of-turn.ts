/**
 * Runs the senders of one turn of the event loop together, in one `setImmediate` callback: their
 * Redis commands then fall into one auto-pipelined write (ioredis flushes at the next tick, which
 * Node runs between two immediates). A round, the appends and the journal entries of a turn cost
 * one write and one read of the socket instead of one each.
 */
const due: Array<() => void> = [];

export function atEndOfTurn(send: () => void): void {
  if (due.length === 0) setImmediate(runDue);
  due.push(send);
}

function runDue(): void {
  for (const send of due.splice(0)) send();
}

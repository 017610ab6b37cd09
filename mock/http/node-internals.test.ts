/**
 * The three private parts of Node's HTTP server the mock reads, each pinned to what it relies on,
 * so that a Node line that changes one fails here, by name, rather than somewhere downstream. CI
 * runs this file on every tested Node line (.ci/run). No public API gives the same (decision 039):
 *
 * - `socket._paused` (connection-turns.ts): Node's server paused a socket whose answers back up,
 *   and resumes it itself on `'drain'`; taking turns must not resume such a socket.
 * - `socket._httpMessage` (request-limits.ts): the response in flight on a socket, as Node's own
 *   `clientError` listener reads it, so an error answer never goes into a started response.
 * - `IncomingMessage#_addHeaderLines` (journal/request-text.ts): files raw header lines as
 *   `req.headers`, with Node's rules for repeated fields (request-text.test.ts compares them).
 */
import { createServer, IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';
import { expect, it } from 'vitest';

type ServerSocket = Socket & { _paused?: boolean; _httpMessage?: ServerResponse | null };

it('sets socket._paused when a client pipelines without reading, and clears it once the answers drain', async () => {
  const seen: Array<boolean | undefined> = [];
  const big = Buffer.alloc(1 << 20, 'x');
  const server = createServer((req, res) => {
    seen.push((req.socket as ServerSocket)._paused);
    res.end(req.url === '/last' ? '' : big);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const client = connect((server.address() as AddressInfo).port, '127.0.0.1');
    client.pause();
    // 40 MiB of answers to requests sent at once: far past what the kernels' buffers hold.
    client.write('GET / HTTP/1.1\r\nHost: h\r\n\r\n'.repeat(40));
    await until(() => seen.includes(true));
    // Now read everything; Node resumes the socket on 'drain', and the next request sees it clear.
    let received = 0;
    client.on('data', (chunk: Buffer) => (received += chunk.length));
    client.resume();
    await until(() => seen.length === 40 && received >= 40 * big.length);
    client.end('GET /last HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n');
    await until(() => seen.length === 41);
    expect(seen.at(-1)).toBe(false);
    client.destroy();
  } finally {
    server.closeAllConnections();
    server.close();
  }
});

it('keeps the response in flight as socket._httpMessage', async () => {
  let inFlight: { same: boolean; headersSent: boolean | undefined } | undefined;
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.flushHeaders();
    const message = (req.socket as ServerSocket)._httpMessage;
    inFlight = { same: message === res, headersSent: message?.headersSent };
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`).then((response) => response.text());
  } finally {
    server.close();
  }
  expect(inFlight).toEqual({ same: true, headersSent: true });
});

it('files raw header lines with IncomingMessage#_addHeaderLines', () => {
  const message = new IncomingMessage(null as never) as IncomingMessage & { _addHeaderLines?: (lines: string[], count: number) => void };
  expect(typeof message._addHeaderLines).toBe('function');
  message._addHeaderLines!(['Accept', 'a', 'accept', 'b', 'Set-Cookie', 'c=1'], 6);
  expect({ ...message.headers }).toStrictEqual({ accept: 'a, b', 'set-cookie': ['c=1'] });
});

async function until(condition: () => boolean, withinMs = 10_000): Promise<void> {
  const deadline = Date.now() + withinMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('the condition did not hold in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Large admin bodies (issue 16): one 400 MiB admin body left the process at 1.4 GB after its
 * answer. The reader stops at --admin-body-limit (counted after decompression), answers 413 with
 * the API's error body and closes the connection instead of reading the rest; a body within the
 * limit but past 1 MiB is gathered into one buffer as it arrives (read-body.ts), which must still
 * be the body that was sent, however it was cut. Bounded: at most 64 MiB offered, a few seconds.
 */
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sampleCustomer } from '../../fixtures/index.ts';
import { type RunningMock, startMock } from '../server.ts';

const LIMIT = 4 * 1024 * 1024;
let mock: RunningMock;

beforeAll(async () => {
  mock = await startMock({ count: 0, rateLimit: false, adminBodyLimit: LIMIT });
});

afterAll(() => mock.close());

interface Flood {
  /** Body bytes the mock took off the wire (what this process wrote, less what it still holds). */
  accepted: number;
  response: string;
  closedByServer: boolean;
}

/** Sends a chunked admin POST of up to `offered` bytes without end, as fast as the mock takes it. */
function flood(offered: number, encoding?: string): Promise<Flood> {
  const { port } = new URL(mock.url);
  const head = `POST /__admin/customers HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n${encoding ? `Content-Encoding: ${encoding}\r\n` : ''}\r\n`;
  const piece = Buffer.alloc(64 * 1024, ' ');
  const chunk = Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]);
  return new Promise((resolve) => {
    const socket = connect(Number(port), '127.0.0.1');
    let response = '';
    let closedByServer = false;
    let sent = 0;
    let stalled: NodeJS.Timeout | undefined;
    const finish = () => {
      clearTimeout(stalled);
      clearTimeout(deadline);
      const accepted = socket.bytesWritten - socket.writableLength - head.length;
      socket.destroy();
      resolve({ accepted, response, closedByServer });
    };
    const deadline = setTimeout(finish, 15_000);
    socket.on('data', (data: Buffer) => (response += data.toString('latin1')));
    socket.on('end', () => (closedByServer = true));
    socket.on('error', () => (closedByServer = true));
    socket.on('close', finish);
    const pump = () => {
      clearTimeout(stalled);
      while (sent < offered && !socket.destroyed) {
        sent += piece.length;
        if (!socket.write(chunk)) {
          // A mock that stopped reading without closing leaves the writes stalled: give up after a second.
          stalled = setTimeout(finish, 1000);
          socket.once('drain', pump);
          return;
        }
      }
    };
    socket.once('connect', () => {
      socket.write(head);
      pump();
    });
  });
}

const statusOf = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1]);
const bodyOf = (response: string) => JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4));

it('answers 413 with the API error body past the limit and closes the connection instead of reading on', async () => {
  const offered = 64 * 1024 * 1024;
  const result = await flood(offered);
  expect(statusOf(result.response)).toBe(413);
  expect(result.response).toMatch(/\r\nconnection: close\r\n/i);
  expect(bodyOf(result.response)).toEqual({ exceptionType: 'PayloadTooLargeException', errorMessage: 'The request body is larger than 4 MiB.' });
  expect(result.closedByServer).toBe(true);
  // The limit plus what the two kernels' socket buffers hold: far below the 64 MiB offered.
  expect(result.accepted).toBeGreaterThan(LIMIT);
  expect(result.accepted).toBeLessThan(offered / 2);
}, 30_000);

it('closes the connection after the 413 of a gzip body that inflates past the limit', async () => {
  const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, ' '));
  const { port } = new URL(mock.url);
  const result = await new Promise<{ response: string; closedByServer: boolean }>((resolve) => {
    const socket = connect(Number(port), '127.0.0.1', () => {
      socket.write(`POST /__admin/customers HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: ${bomb.length}\r\n\r\n`);
      socket.write(bomb);
    });
    let response = '';
    let closedByServer = false;
    const timer = setTimeout(() => socket.destroy(), 10_000);
    socket.on('data', (data: Buffer) => (response += data.toString('latin1')));
    socket.on('end', () => (closedByServer = true));
    socket.on('error', () => (closedByServer = true));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ response, closedByServer });
    });
  });
  expect(statusOf(result.response)).toBe(413);
  expect(result.response).toMatch(/\r\nconnection: close\r\n/i);
  expect(bodyOf(result.response).exceptionType).toBe('PayloadTooLargeException');
  expect(result.closedByServer).toBe(true);
}, 30_000);

const records = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ ...sampleCustomer(), customerNumber: from + i, attachedUsers: [] }));

/** Writes `body` as `Transfer-Encoding: chunked` in pieces of uneven sizes, and reads the answer. */
async function postInPieces(body: Buffer, headers: Record<string, string>): Promise<Response> {
  let at = 0;
  let size = 1;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= body.length) return controller.close();
      controller.enqueue(body.subarray(at, (at += size)));
      size = (size * 7 + 4093) % 300_000; // 1 byte, then sizes that straddle every boundary
    },
  });
  return fetch(`${mock.url}/__admin/customers`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: stream, duplex: 'half' } as RequestInit);
}

it.each([
  ['with its length declared', 710_000, false, false],
  ['chunked', 720_000, true, false],
  ['chunked and gzip-encoded', 730_000, true, true],
])('takes a body between 1 MiB and the limit whole, %s', async (_label, from, chunked, gzip) => {
  const sent = records(from, 5000);
  const text = Buffer.from(JSON.stringify(sent));
  expect(text.length).toBeGreaterThan(2 * 1024 * 1024);
  expect(text.length).toBeLessThan(LIMIT);
  const body = gzip ? gzipSync(text) : text;
  const headers: Record<string, string> = gzip ? { 'content-encoding': 'gzip' } : {};
  const response = chunked
    ? await postInPieces(body, headers)
    : await fetch(`${mock.url}/__admin/customers`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ count: 5000 });
  for (const index of [0, 1, 2500, 4999]) expect(mock.store.get(from + index)?.customerNumber).toBe(from + index);
}, 30_000);

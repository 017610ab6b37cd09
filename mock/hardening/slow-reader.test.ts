/**
 * A client that never reads (issue 16): twenty connections pipelining `GET /healthz` without
 * reading once made the mock queue 2.3 M answers. The mock stops reading such a connection once
 * its answers back up (Node's backpressure, which the one pipeline keeps: every answer is one
 * `writeHead` and `end` on the socket), so what a non-reading client can push is bounded by the
 * socket buffers, and another client is still served. Bounded: one connection, at most 24 MiB
 * offered, stopped after a second without progress.
 *
 * This test also passes on the code before the one pipeline (d6024cd, with fast-reads.ts), so it
 * does not reproduce the twenty connections: `npx tsx scripts/slow-reader.ts` measures
 * those (peak RSS and a normal client's wait, against a bare node:http server with --bare).
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../server.ts';

let mock: RunningMock;

beforeAll(async () => {
  mock = await startMock({ count: 0, rateLimit: false });
});

afterAll(() => mock.close());

const OFFERED = 24 * 1024 * 1024;
const BURST = Buffer.from('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'.repeat(1000));

it('stops reading a connection that pipelines without reading, and keeps serving others', async () => {
  const { port } = new URL(mock.url);
  const flood = connect(Number(port), '127.0.0.1');
  flood.pause(); // never reads an answer
  let offered = 0;
  await new Promise<void>((resolve) => {
    let stalled: NodeJS.Timeout | undefined;
    const pump = () => {
      clearTimeout(stalled);
      while (offered < OFFERED) {
        offered += BURST.length;
        if (!flood.write(BURST)) {
          stalled = setTimeout(resolve, 1000);
          flood.once('drain', pump);
          return;
        }
      }
      resolve();
    };
    flood.once('connect', pump);
  });
  try {
    // What left this process: the mock's reads plus the two kernels' buffers, far below the offer.
    const accepted = flood.bytesWritten - flood.writableLength;
    expect(accepted).toBeLessThan(OFFERED / 2);
    const started = Date.now();
    const other = await fetch(`${mock.url}/healthz`);
    expect(other.status).toBe(200);
    // Generous: a loaded CI machine, not a timing claim.
    expect(Date.now() - started).toBeLessThan(10_000);
  } finally {
    flood.destroy();
  }
}, 30_000);

/**
 * A client that never reads (issue 16): twenty connections pipelining `GET /healthz` without
 * reading once made the mock queue 2.3 M answers and keep a normal client waiting 20 s. Node stops
 * reading such a connection only once its answers back up past the kernels' socket buffers, which
 * take tens of thousands of answers first; until then libuv reads a ready connection dry in one go
 * (64 KiB a read, ~1,600 of these requests) and Node hands every request read to the listener. The
 * mock lets connections take turns (http/connection-turns.ts): a connection that had more than its
 * share of REQUESTS_PER_TURN (32) requests in an event-loop turn is not read again until it has
 * waited a turn for each share it had past the first.
 *
 * Counted in event-loop turns, not time, so a slow machine does not make it pass or fail: another
 * process floods the mock over eight connections, each asking for its own path (a 404), the request
 * log counts each connection's answers, and a `setImmediate` chain counts the turns. Taking turns,
 * one connection gets at most one read and the shares of the turns it waits in any ten turns
 * (1,561 answers here, one read); reading each connection dry, about 15,900. Bounded: the test
 * watches until the flood's connections stop being answered, at most 6 s.
 */
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningMock, startMock } from '../server.ts';

const FLOODERS = 8;
/** Requests of one read of the server's HTTP parser (64 KiB), for requests of about this size. */
const PER_READ = Math.ceil((64 * 1024) / 'GET /flood/0 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n'.length);
const WINDOW = 10;

/** The flood, as its own process: connection i pipelines `GET /flood/i` as fast as the mock takes it. */
const FLOOD = `
const { connect } = require('node:net');
const [port, count] = process.argv.slice(1).map(Number);
for (let i = 0; i < count; i++) {
  const burst = Buffer.from(('GET /flood/' + i + ' HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\n\\r\\n').repeat(1000));
  const socket = connect(port, '127.0.0.1');
  socket.pause(); // never reads an answer
  socket.on('error', () => {});
  const pump = () => { while (socket.write(burst)); socket.once('drain', pump); };
  socket.once('connect', pump);
}
setTimeout(() => process.exit(0), 8000);
`;

let mock: RunningMock;
/** Answers that went out on each flooding connection. */
const answered = new Array<number>(FLOODERS).fill(0);

beforeAll(async () => {
  const logStream = new Writable({
    write(line: Buffer, _encoding, done) {
      const at = line.indexOf(' /flood/');
      if (at >= 0) answered[line[at + 8]! - 48]!++;
      done();
    },
  });
  mock = await startMock({ count: 0, rateLimit: false, log: 'pretty' }, { logStream });
});

afterAll(() => mock.close());

it('answers a connection that pipelines without reading a share of requests a turn, one read at a time', async () => {
  const flood = spawn(process.execPath, ['-e', FLOOD, new URL(mock.url).port, String(FLOODERS)], { stdio: 'ignore' });
  try {
    // answered[] at each of the last WINDOW turns, and the most one connection got in WINDOW turns.
    const past: number[][] = [];
    let worst = 0;
    let turns = 0;
    let progressAt = Date.now();
    let total = 0;
    const ends = Date.now() + 6000;
    await new Promise<void>((resolve) => {
      const turn = () => {
        turns++;
        past.push([...answered]);
        const first = past.length > WINDOW ? past.shift()! : undefined;
        if (first) for (let i = 0; i < FLOODERS; i++) worst = Math.max(worst, answered[i]! - first[i]!);
        const sum = answered.reduce((a, b) => a + b, 0);
        if (sum !== total) [total, progressAt] = [sum, Date.now()];
        // Until the flood's connections have not been answered for 300 ms (their buffers are full).
        if (Date.now() > ends || (total > 0 && Date.now() - progressAt > 300)) resolve();
        else setImmediate(turn);
      };
      setImmediate(turn);
    });
    // Every connection was answered, and read again after waiting its turns.
    for (const count of answered) expect(count).toBeGreaterThan(5 * PER_READ);
    // One read and the shares of the turns in the window, with room to spare; reading each
    // connection dry (the code before connection-turns.ts) was five times the bound.
    expect(worst, `the most answers one connection had in ${WINDOW} of ${turns} turns`).toBeLessThan(2 * PER_READ);
  } finally {
    flood.kill();
  }
}, 20_000);

it('answers every request of a client that pipelines more than a share and reads, in order', async () => {
  // 3,000 requests in one write: several reads, each past the share, so the connection waits turns.
  const requests = 3000;
  const socket = connect(Number(new URL(mock.url).port), '127.0.0.1');
  let received = '';
  const answers = await new Promise<string[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${received.split('HTTP/1.1 ').length - 1} answers in 10 s`)), 10_000);
    socket.on('data', (data: Buffer) => {
      received += data.toString('latin1');
      const found = received.match(/There is no endpoint GET \/pipelined\/\d+/g) ?? [];
      if (found.length === requests) {
        clearTimeout(timer);
        resolve(found);
      }
    });
    socket.once('connect', () => {
      let batch = '';
      for (let i = 0; i < requests; i++) batch += `GET /pipelined/${i} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`;
      socket.write(batch);
    });
  }).finally(() => socket.destroy());
  expect(answers.map((answer) => Number(answer.slice(answer.lastIndexOf('/') + 1)))).toEqual([...Array(requests).keys()]);
});

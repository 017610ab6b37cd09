/**
 * `npx tsx scripts/slow-reader.ts [--connections 20] [--seconds 10] [--bare] [--cwd DIR] [--mock-flags '--log off']`: clients
 * that never read (issue 16). Starts a server as its own process, the mock (`node --import tsx
 * mock/cli.ts`, from DIR when given: another worktree) or with --bare a bare node:http server that
 * answers every request with a small JSON body, then opens N connections that pipeline
 * `GET /healthz` as fast as the server takes them and never read an answer. Meanwhile a normal
 * client asks for /healthz on a new connection every half second. Prints the server's peak RSS
 * (VmRSS), the request bytes it took off the wire, and the normal client's slowest wait. Linux
 * only; a one-off measurement for the issue's report, not a test.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { connect, type Socket } from 'node:net';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '20' },
    seconds: { type: 'string', default: '10' },
    bare: { type: 'boolean', default: false },
    cwd: { type: 'string', default: process.cwd() },
    /** The mock's flags besides port, rate limit and count (an older mock has no --log). */
    'mock-flags': { type: 'string', default: '--log off' },
  },
});
const mockFlags = values['mock-flags'].split(' ').filter(Boolean);
const MIB = 2 ** 20;

const BARE = `
const { createServer } = require('node:http');
const body = JSON.stringify({ status: 'ok' });
const server = createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
  res.end(body);
});
server.listen(0, '127.0.0.1', () => console.log('bare server on http://127.0.0.1:' + server.address().port));
`;
const child = values.bare
  ? spawn(process.execPath, ['-e', BARE], { stdio: ['ignore', 'pipe', 'inherit'] })
  : spawn(process.execPath, ['--import', 'tsx', 'mock/cli.ts', '--port', '0', '--rate-limit', 'off', '--count', '0', ...mockFlags], {
      cwd: values.cwd,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
const url = await new Promise<string>((resolve, reject) => {
  let out = '';
  child.stdout!.on('data', (data: Buffer) => {
    out += data.toString();
    const match = /on (http:\/\/\S+)/.exec(out);
    if (match) resolve(match[1]!);
  });
  child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening: ${out}`)));
});
const { port } = new URL(url);
const rss = () => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))![1]) / 1024;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One normal request on its own connection: how long until its whole answer. */
function normalWait(): Promise<number> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = get(`${url}/healthz`, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(performance.now() - started));
    });
    req.on('error', () => resolve(Number.POSITIVE_INFINITY));
  });
}

await sleep(500);
const idle = rss();
const baseline = await normalWait();
const BURST = Buffer.from(`GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`.repeat(1000));
const floods: Socket[] = [];
let running = true;
for (let i = 0; i < Number(values.connections); i++) {
  const socket = connect(Number(port), '127.0.0.1');
  socket.pause(); // never reads an answer
  socket.on('error', () => undefined);
  const pump = () => {
    while (running && !socket.destroyed) {
      if (!socket.write(BURST)) {
        socket.once('drain', pump);
        return;
      }
    }
  };
  socket.once('connect', pump);
  floods.push(socket);
}

let peak = idle;
const waits: number[] = [];
const ends = Date.now() + Number(values.seconds) * 1000;
const sampler = setInterval(() => (peak = Math.max(peak, rss())), 100);
const asking = (async () => {
  while (Date.now() < ends) {
    // A normal client that waits: one request at a time, each on its own connection.
    waits.push(await normalWait());
    await sleep(500);
  }
})();
await sleep(Number(values.seconds) * 1000);
running = false;
await asking;
clearInterval(sampler);
const accepted = floods.reduce((sum, socket) => sum + socket.bytesWritten - socket.writableLength, 0);
const rssEnd = rss();
for (const socket of floods) socket.destroy();
await sleep(2000);
const fmt = (n: number) => `${n.toFixed(0)} MiB`;
console.log(`${values.bare ? 'bare node:http' : `mock from ${values.cwd}`}: ${floods.length} connections pipelining for ${values.seconds} s without reading`);
console.log(`  RSS idle ${fmt(idle)}, peak ${fmt(peak)}, at the end ${fmt(rssEnd)}, 2 s after the floods closed ${fmt(rss())}`);
console.log(`  request bytes the server took: ${(accepted / MIB).toFixed(1)} MiB (~${Math.round(accepted / (BURST.length / 1000)).toLocaleString('en')} requests)`);
console.log(`  normal client: ${waits.length} requests, slowest ${Math.max(...waits).toFixed(0)} ms, median ${waits.sort((a, b) => a - b)[waits.length >> 1]!.toFixed(0)} ms (before the flood ${baseline.toFixed(0)} ms)`);
child.kill('SIGTERM');

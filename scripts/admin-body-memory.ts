/**
 * `npx tsx scripts/admin-body-memory.ts [--mib 400] [--chunked] [--bomb-mib 500] [-- mock flags]`: what a large
 * admin body costs the mock's process and whether it is given back (issue 16). Starts the mock as
 * its own process (`node --import tsx mock/cli.ts --port 0 --log off`), reads its resident memory
 * (VmRSS in /proc/PID/status), streams a body of --mib MiB to POST /__admin/customers (generated
 * chunk by chunk, never held whole), then a gzip body that inflates to --bomb-mib MiB, and reads
 * the resident memory again a few seconds after each answer. Linux only. A one-off measurement for
 * the report, not a test.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const { values, positionals } = parseArgs({
  options: {
    mib: { type: 'string', default: '400' },
    chunked: { type: 'boolean', default: false },
    'bomb-mib': { type: 'string', default: '500' },
    settle: { type: 'string', default: '5' },
    /** Passed to the mock's node, e.g. --node-flag=--expose-gc --node-flag=--import=./gc-every.mjs. */
    'node-flag': { type: 'string', multiple: true, default: [] },
  },
  allowPositionals: true,
});
const MIB = 2 ** 20;
const settleMs = Number(values.settle) * 1000;

const child = spawn(process.execPath, [...values['node-flag'], '--import', 'tsx', 'mock/cli.ts', '--port', '0', '--log', 'off', '--rate-limit', 'off', ...positionals], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise<string>((resolve, reject) => {
  let out = '';
  child.stdout.on('data', (data: Buffer) => {
    out += data.toString();
    const match = /mock on (http:\/\/\S+)/.exec(out);
    if (match) resolve(match[1]!);
  });
  child.once('exit', (code) => reject(new Error(`the mock exited (${code}) before listening: ${out}`)));
});

function rss(): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) / 1024;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Posts `body` and resolves with the status, the answer, how long it took and how many bytes left. */
function post(body: Readable | Buffer, headers: Record<string, string>): Promise<{ status: number | string; text: string; ms: number; sent: number }> {
  const started = performance.now();
  return new Promise((resolve) => {
    let sent = 0;
    let settled = false;
    const done = (status: number | string, text: string) => {
      if (settled) return;
      settled = true;
      resolve({ status, text, ms: performance.now() - started, sent });
    };
    const req = request(`${url}/__admin/customers`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => done(res.statusCode!, text));
      res.on('error', () => done(res.statusCode!, text));
    });
    req.on('error', (error) => done(`error ${(error as NodeJS.ErrnoException).code ?? error.message}`, ''));
    if (Buffer.isBuffer(body)) {
      sent = body.length;
      req.end(body);
    } else {
      body.on('data', (chunk: Buffer) => (sent += chunk.length));
      body.pipe(req);
    }
  });
}

/** `mib` MiB of JSON-ish bytes, 64 KiB at a time. */
function streamed(mib: number): Readable {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  chunk[0] = '['.charCodeAt(0);
  const first = Buffer.from(chunk);
  chunk[0] = 'x'.charCodeAt(0);
  let left = (mib * MIB) / chunk.length;
  let started = false;
  return new Readable({
    read() {
      if (left-- <= 0) return this.push(null);
      this.push(started ? chunk : first);
      started = true;
    },
  });
}

const fmt = (n: number) => `${n.toFixed(0)} MiB`;
const show = (label: string, result: Awaited<ReturnType<typeof post>>) =>
  console.log(`${label}: ${result.status} after ${result.ms.toFixed(0)} ms, ${(result.sent / MIB).toFixed(1)} MiB sent by the client; ${result.text.slice(0, 160)}`);

// Warm: the first admin request loads and compiles what the admin routes need.
await post(Buffer.from('[]'), {});
await sleep(1000);
const idle = rss();
console.log(`mock ${url} (pid ${child.pid}), idle: RSS ${fmt(idle)}`);

const mib = Number(values.mib);
let peak = idle;
const watch = setInterval(() => (peak = Math.max(peak, rss())), 50);
// Chunked, the mock cannot refuse it from its Content-Length and reads up to its limit.
const large = await post(streamed(mib), values.chunked ? {} : { 'content-length': String(mib * MIB) });
show(`${mib} MiB body${values.chunked ? ', chunked' : ''}`, large);
const atAnswer = rss();
await sleep(settleMs);
console.log(`  RSS: peak ${fmt(peak)}, at the answer ${fmt(atAnswer)}, ${settleMs / 1000} s later ${fmt(rss())} (idle ${fmt(idle)})`);

const bombMib = Number(values['bomb-mib']);
const bomb = gzipSync(Buffer.alloc(bombMib * MIB, ' '), { level: 9 });
peak = rss();
const before = peak;
const inflated = await post(bomb, { 'content-encoding': 'gzip', 'content-length': String(bomb.length) });
show(`gzip body of ${(bomb.length / 1024).toFixed(0)} KiB inflating to ${bombMib} MiB`, inflated);
const bombAtAnswer = rss();
await sleep(settleMs);
console.log(`  RSS: before ${fmt(before)}, peak ${fmt(peak)}, at the answer ${fmt(bombAtAnswer)}, ${settleMs / 1000} s later ${fmt(rss())}`);
clearInterval(watch);

const after = await fetch(`${url}/healthz`);
console.log(`afterwards GET /healthz: ${after.status}`);
child.kill('SIGTERM');

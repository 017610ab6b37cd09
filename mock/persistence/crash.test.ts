/**
 * The durability promise of `--state-file` (issue 6), tested on the real CLI: stream updates and
 * admin inserts at it, SIGKILL it in the middle of the stream, start it again on the same file, and
 * find every write that got a 200. A write in flight at the kill may or may not be there; nothing
 * else may differ.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { customer } from '../core/test-records.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const directory = mkdtempSync(join(tmpdir(), 'crash-'));
const stateFile = join(directory, 'state.jsonl');
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(directory, { recursive: true, force: true });
});

interface Cli {
  child: ChildProcess;
  url: string;
  output(): string;
}

/** Starts `mock/cli.ts` under node with tsx's loader (no npx wrapper, so SIGKILL hits the server itself). */
function spawnCli(file: string): { child: ChildProcess; output(): string } {
  const args = ['--import', 'tsx', 'mock/cli.ts', '--port', '0', '--count', '0', '--rate-limit', 'off', '--state-file', file];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function startCli(file = stateFile): Promise<Cli> {
  const { child, output } = spawnCli(file);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner within 20 s:\n${output()}`)), 20_000);
    const read = () => {
      const match = /mock on (http:\/\/127\.0\.0\.1:\d+)/.exec(output());
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    child.once('exit', (code) => reject(new Error(`the CLI exited with ${code}:\n${output()}`)));
  });
  return { child, url, output };
}

async function post(url: string, body: unknown, token?: string): Promise<number> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  await response.arrayBuffer();
  return response.status;
}

const WRITERS = 4;
const INSERTERS = 2;
const BASE = 700_000;
const ACKS_BEFORE_KILL = 100;

/** What each stream had acknowledged when the process died, and what it still had in flight. */
interface Stream {
  acked: number[];
  inFlight: number | undefined;
}

/** Writer `w` updates its own customer over and over; update `n` sets the emails to `w{w}-n{n}@…`. */
async function updateStream(url: string, writer: number, token: string, stream: Stream, stop: () => boolean): Promise<void> {
  for (let n = 1; !stop(); n += 1) {
    stream.inFlight = n;
    const status = await post(`${url}/v1/customer/info`, { name: { lastName: `Writer${writer}` }, emails: [`w${writer}-n${n}@crash.example`] }, token).catch(() => 0);
    if (status !== 200) return;
    stream.acked.push(n);
    stream.inFlight = undefined;
  }
}

/** Inserter `i` adds new customers `BASE + 1000 * (i + 1) + n` through the admin API. */
async function insertStream(url: string, inserter: number, stream: Stream, stop: () => boolean): Promise<void> {
  for (let n = 1; !stop(); n += 1) {
    const customerNumber = BASE + 1000 * (inserter + 1) + n;
    stream.inFlight = customerNumber;
    const status = await post(`${url}/__admin/customers`, customer(customerNumber)).catch(() => 0);
    if (status !== 200) return;
    stream.acked.push(customerNumber);
    stream.inFlight = undefined;
  }
}

async function record(url: string, customerNumber: number): Promise<Record<string, any> | undefined> {
  const response = await fetch(`${url}/__admin/customers/${customerNumber}`);
  return response.status === 200 ? ((await response.json()) as Record<string, any>) : undefined;
}

it('keeps every acknowledged write across a SIGKILL in the middle of a stream of writes', async () => {
  const first = await startCli();
  const tokens: string[] = [];
  for (let writer = 0; writer < WRITERS; writer += 1) {
    expect(await post(`${first.url}/__admin/customers`, customer(BASE + writer))).toBe(200);
    const minted = await fetch(`${first.url}/__admin/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ customerNumber: BASE + writer }) });
    tokens.push(((await minted.json()) as { access_token: string }).access_token);
  }
  const updates: Stream[] = tokens.map(() => ({ acked: [], inFlight: undefined }));
  const inserts: Stream[] = Array.from({ length: INSERTERS }, () => ({ acked: [], inFlight: undefined }));
  let killed = false;
  const running = [
    ...tokens.map((token, writer) => updateStream(first.url, writer, token, updates[writer]!, () => killed)),
    ...inserts.map((stream, inserter) => insertStream(first.url, inserter, stream, () => killed)),
  ];
  // Kill once enough writes were acknowledged that the kill surely lands mid-stream.
  const ackedCount = () => [...updates, ...inserts].reduce((sum, stream) => sum + stream.acked.length, 0);
  const started = Date.now();
  while (ackedCount() < ACKS_BEFORE_KILL && Date.now() - started < 10_000) await new Promise((resolve) => setTimeout(resolve, 5));
  first.child.kill('SIGKILL');
  killed = true;
  await once(first.child, 'exit');
  await Promise.all(running);
  expect(ackedCount()).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);
  // A crash in the middle of write(2) would leave half a line: the restart must skip it and warn.
  appendFileSync(stateFile, '{"op":"upsert","records":[{"customerNumber":7999');

  const second = await startCli();
  expect(second.output()).toMatch(/skipped a torn last line/);
  try {
    for (const [writer, stream] of updates.entries()) {
      const last = stream.acked.at(-1)!;
      const allowed = [last, stream.inFlight].filter((n) => n !== undefined).map((n) => [`w${writer}-n${n}@crash.example`]);
      expect(allowed, `writer ${writer}`).toContainEqual((await record(second.url, BASE + writer))?.emails);
    }
    const inserted = inserts.flatMap((stream) => stream.acked);
    const found = await Promise.all(inserted.map((customerNumber) => record(second.url, customerNumber)));
    expect(found).toEqual(inserted.map((customerNumber) => customer(customerNumber)));
  } finally {
    second.child.kill('SIGTERM');
    await once(second.child, 'exit');
  }
});

it('refuses to start, naming the line, given a corrupt line before the end of the state file', async () => {
  const corrupt = join(directory, 'corrupt.jsonl');
  const line = (n: number) => JSON.stringify({ op: 'upsert', records: [customer(n)] });
  writeFileSync(corrupt, `{"op":"reset","count":2}\n${line(1)}\n{"op":"upsert","records":[{"customerNumber":\n${line(2)}\n`);
  const cli = spawnCli(corrupt);
  const [code] = await once(cli.child, 'exit');
  expect(code).toBe(1);
  expect(cli.output()).toMatch(/could not start: .*corrupt\.jsonl:3: is not valid JSON/);
});

/**
 * `npx tsx scripts/journal-soak.ts [--requests N]`: does the request journal keep memory flat?
 * Starts the mock as its own process on 127.0.0.1 (journal at its default size, rate limits off,
 * no log), sends N requests (default 200,000: client info and search by phone, alternately, on 16
 * keep-alive connections) and prints the mock's resident memory after 1,000 requests and at the
 * end. A bounded soak, not a test: it stops by itself and takes about a minute.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { parseArgs } from 'node:util';
import { SAMPLE_CUSTOMER_NUMBER, SAMPLE_PHONE } from '../fixtures/scenario-sample.ts';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '200000' } } });
const total = Number(values.requests);
const CONNECTIONS = 16;
const FIRST_MARK = 1000;

const child = spawn(process.execPath, ['--import', 'tsx', 'mock/cli.ts', '--port', '0', '--rate-limit', 'off', '--log', 'off'], { stdio: ['ignore', 'pipe', 'inherit'] });
const stop = () => child.kill();
process.once('exit', stop);

const url = await new Promise<string>((resolve, reject) => {
  let out = '';
  const timer = setTimeout(() => reject(new Error('the mock did not start in 60 s')), 60_000);
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    const found = /mock on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
    if (found && out.includes('Ctrl-C')) {
      clearTimeout(timer);
      child.stdout.resume();
      resolve(found);
    }
  });
});

const basic = Buffer.from('demo-client:demo-secret').toString('base64');
const tokenAnswer = await fetch(`${url}/user/oauth/token`, { method: 'POST', headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials' });
const token = ((await tokenAnswer.json()) as { access_token: string }).access_token;
const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
const { hostname, port } = new URL(url);
const search = JSON.stringify({ phoneNumber: SAMPLE_PHONE });

function send(i: number): Promise<number> {
  const post = i % 2 === 1;
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent, hostname, port, method: post ? 'POST' : 'GET',
        path: post ? '/v1/client/customer/search' : `/v1/client/customer/info/${SAMPLE_CUSTOMER_NUMBER}`,
        headers: post ? { authorization: `Bearer ${token}`, 'content-type': 'application/json' } : { authorization: `Bearer ${token}` },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(post ? search : undefined);
  });
}

/** The child's resident set, from /proc (Linux). */
function rssMiB(): number {
  const line = readFileSync(`/proc/${child.pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'))!;
  return Number(/(\d+)/.exec(line)![1]) / 1024;
}

let sent = 0;
let failed = 0;
let atFirst = Number.NaN;
const started = performance.now();
async function worker(): Promise<void> {
  while (sent < total) {
    const i = sent++;
    const status = await send(i);
    if (status !== 200) failed++;
    if (i + 1 === FIRST_MARK) atFirst = rssMiB();
  }
}
await Promise.all(Array.from({ length: CONNECTIONS }, worker));
const atEnd = rssMiB();
const journal = (await (await fetch(`${url}/__admin/requests?limit=1`)).json()) as { total: number; requests: { id: number }[] };
console.log(`requests: ${total} (${failed} not 200) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`journal: ${journal.total} entries kept, newest id ${journal.requests[0]?.id}`);
console.log(`RSS after ${FIRST_MARK.toLocaleString('en')}: ${atFirst.toFixed(1)} MiB; after ${total.toLocaleString('en')}: ${atEnd.toFixed(1)} MiB; change ${(((atEnd - atFirst) / atFirst) * 100).toFixed(1)} %`);
agent.destroy();
stop();

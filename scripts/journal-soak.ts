/**
 * `npx tsx scripts/journal-soak.ts [--requests N] [--journal-size N]`: does the request journal
 * keep memory flat? Starts the mock as its own process on 127.0.0.1 (scripts/soak-mock.ts: the
 * journal at its default size, rate limits and log off), sends N requests (default 200,000: client
 * info and search by phone, alternately, on 16 keep-alive connections) and prints the mock's
 * resident set and used heap after a full GC at 1,000 requests, at marks between, and at the end.
 * Settled memory, because a heap between collections swings by tens of MiB either way. A bounded
 * soak, not a test: it stops by itself and takes well under a minute.
 */
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { SAMPLE_CUSTOMER_NUMBER, SAMPLE_PHONE } from '../fixtures/scenario-sample.ts';

const { values } = parseArgs({ options: { requests: { type: 'string', default: '200000' }, 'journal-size': { type: 'string', default: '1000' } } });
const total = Number(values.requests);
const CONNECTIONS = 16;
const FIRST_MARK = 1000;

const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'scripts/soak-mock.ts', values['journal-size']], { stdio: ['pipe', 'pipe', 'inherit'] });
const stop = () => child.kill();
process.once('exit', stop);
const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
const nextLine = async () => JSON.parse(((await lines.next()).value as string | undefined) ?? 'null');
const { url } = (await nextLine()) as { url: string };

/** The mock's memory after a full GC, in MiB. */
async function settled(): Promise<{ rss: number; heap: number }> {
  child.stdin.write('gc\n');
  const { rss, heapUsed } = (await nextLine()) as { rss: number; heapUsed: number };
  return { rss: rss / 2 ** 20, heap: heapUsed / 2 ** 20 };
}

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

let sent = 0;
let failed = 0;
let limit = 0;
async function worker(): Promise<void> {
  while (sent < limit) {
    const i = sent++;
    if ((await send(i)) !== 200) failed++;
  }
}
/** Sends requests until `upTo` have been sent, on all connections. */
async function sendUpTo(upTo: number): Promise<void> {
  limit = upTo;
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
}

const started = performance.now();
const points: Array<{ requests: number; rss: number; heap: number }> = [];
for (const mark of [FIRST_MARK, 10_000, 50_000, 100_000, 150_000, total].filter((m) => m <= total)) {
  await sendUpTo(mark);
  points.push({ requests: mark, ...(await settled()) });
}
const seconds = (performance.now() - started) / 1000;
const journal = (await (await fetch(`${url}/__admin/requests?limit=1`)).json()) as { total: number; requests: { id: number }[] };
const first = points[0]!;
const last = points.at(-1)!;
const change = (a: number, b: number) => `${(((b - a) / a) * 100).toFixed(1)} %`;
console.log(`requests: ${total} (${failed} not 200) in ${seconds.toFixed(1)} s, journal size ${values['journal-size']}: ${journal.total} entries kept, newest id ${journal.requests[0]?.id ?? '-'}`);
for (const point of points) console.log(`  after ${point.requests.toLocaleString('en').padStart(7)}: RSS ${point.rss.toFixed(1)} MiB, heap used ${point.heap.toFixed(1)} MiB (after a full GC)`);
console.log(`RSS ${change(first.rss, last.rss)}, heap used ${change(first.heap, last.heap)} from ${first.requests.toLocaleString('en')} to ${last.requests.toLocaleString('en')} requests`);
agent.destroy();
child.stdin.end();
stop();

/**
 * `node --expose-gc --import tsx scripts/oauth-memory.ts [--count 200000] [--flood 50000]`: what unbounded OAuth
 * state would cost, and that the caps and sweeps give it back (issue 16). In this process: starts
 * the mock with a hand-moved clock (startMock's `clock` component), measures resident memory after
 * a full GC as the control, then issues --count authorization codes through the real authorize
 * endpoint (GET /user/oauth/authorize with a login_hint, spread over 400 clients so that no
 * client's cap of 1,000 drops any), measures, moves the clock past the code lifetime (10 minutes),
 * triggers the sweep the store does every 1,000 issues (1,000 client tokens through
 * POST /__admin/tokens), measures; the same for --count client tokens through POST /__admin/tokens
 * over 1,000 client ids, past the token lifetime. Last, one client floods: --flood codes and then
 * --flood tokens (default 50,000) for one client id, which the caps hold at 1,000 and 10,000. RSS includes this
 * process's own HTTP client. A one-off measurement for the report, not a test.
 */
import { parseArgs } from 'node:util';
import { SAMPLE_UNIQUE_ID } from '../fixtures/index.ts';
import { manualClock } from '../mock/http/components.ts';
import { startMock } from '../mock/server.ts';

const { values } = parseArgs({ options: { count: { type: 'string', default: '200000' }, flood: { type: 'string', default: '50000' }, concurrency: { type: 'string', default: '32' } } });
const count = Number(values.count);
const flood = Number(values.flood);
const concurrency = Number(values.concurrency);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc --import tsx scripts/oauth-memory.ts');

const MIB = 2 ** 20;
function measure(): { rss: number; heap: number } {
  for (let i = 0; i < 3; i++) gc!();
  const { rss, heapUsed } = process.memoryUsage();
  return { rss: rss / MIB, heap: heapUsed / MIB };
}

const CODE_CLIENTS = 400;
const TOKEN_CLIENTS = 1000;
const clients = Array.from({ length: CODE_CLIENTS }, (_, i) => ({ id: `mem-client-${i}`, secret: 'mem-secret' }));
const clock = manualClock();
const mock = await startMock({ count: 0, rateLimit: false, journalSize: 0, clients }, { clock });
const REDIRECT = 'http://127.0.0.1:3000/callback';

async function authorize(clientId: string): Promise<void> {
  const query = new URLSearchParams({ response_type: 'code', client_id: clientId, redirect_uri: REDIRECT, state: 's', login_hint: SAMPLE_UNIQUE_ID });
  const response = await fetch(`${mock.url}/user/oauth/authorize?${query.toString()}`, { redirect: 'manual' });
  await response.arrayBuffer();
  if (response.status !== 302 || !response.headers.get('location')?.includes('code=')) throw new Error(`authorize: ${response.status}`);
}

async function clientToken(clientId: string): Promise<void> {
  const response = await fetch(`${mock.url}/__admin/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ clientId }) });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`admin token: ${response.status}`);
}

/** Runs `call(i)` for i < n, `concurrency` at a time. */
async function many(n: number, call: (i: number) => Promise<void>): Promise<number> {
  const started = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < n) await call(next++);
  }));
  return performance.now() - started;
}

/** The store sweeps every 1,000 issues (besides its minute timer): 1,000 tokens of a client of their own. */
const sweep = () => many(1000, () => clientToken('sweeper'));

const rows: [string, { rss: number; heap: number }][] = [];
const note = (label: string) => {
  const m = measure();
  rows.push([label, m]);
  console.log(`${label}: RSS ${m.rss.toFixed(1)} MiB, heap ${m.heap.toFixed(1)} MiB`);
};

// Warm: compile the routes and fill the HTTP client's pool once, then the control.
await many(2000, (i) => (i % 2 ? authorize(clients[0]!.id) : clientToken('warm')));
clock.advance(2 * 3600 * 1000);
await sweep();
note('control');

let ms = await many(count, (i) => authorize(clients[i % CODE_CLIENTS]!.id));
note(`${count.toLocaleString('en')} codes never exchanged (${CODE_CLIENTS} clients; ${(count / (ms / 1000)).toFixed(0)}/s)`);
clock.advance(11 * 60 * 1000);
await sweep();
note('  codes expired and swept');

ms = await many(count, (i) => clientToken(`mem-token-${i % TOKEN_CLIENTS}`));
note(`${count.toLocaleString('en')} client tokens (${TOKEN_CLIENTS} client ids; ${(count / (ms / 1000)).toFixed(0)}/s)`);
clock.advance(2 * 3600 * 1000);
await sweep();
note('  tokens expired and swept');

await many(flood, () => authorize(clients[0]!.id));
note(`one client: ${flood.toLocaleString('en')} codes (cap 1,000 a client)`);
await many(flood, () => clientToken('flooder'));
note(`one client: ${flood.toLocaleString('en')} tokens (cap 10,000 a client)`);
clock.advance(2 * 3600 * 1000);
await sweep();
note('  expired and swept');

const control = rows[0]![1];
console.log('\nvs control:');
for (const [label, m] of rows.slice(1)) console.log(`  ${label.trim()}: ${m.rss - control.rss >= 0 ? '+' : ''}${(m.rss - control.rss).toFixed(1)} MiB RSS, ${m.heap - control.heap >= 0 ? '+' : ''}${(m.heap - control.heap).toFixed(1)} MiB heap`);
await mock.close();

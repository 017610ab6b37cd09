/**
 * `node --expose-gc --import tsx scripts/session-memory.ts [--sessions N]`: what a test session
 * with the default data (seed 1: 1,000 random customers plus the scenario customers, 1,018) costs.
 * Starts the mock in this process, measures heap and resident memory after a full GC, creates one
 * session, then N in all (default 50, the default --max-sessions), measuring again each time.
 * A one-off measurement for docs/sessions.md, not a test.
 */
import { parseArgs } from 'node:util';
import { startMock } from '../mock/server.ts';

const { values } = parseArgs({ options: { sessions: { type: 'string', default: '50' } } });
const sessions = Number(values.sessions);
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc --import tsx scripts/session-memory.ts');

/** After a full GC: the JS heap plus memory outside it (the store keeps records in buffers), and RSS. */
function measure(): { heap: number; rss: number } {
  for (let i = 0; i < 3; i++) gc!();
  const { heapUsed, external, rss } = process.memoryUsage();
  return { heap: (heapUsed + external) / 2 ** 20, rss: rss / 2 ** 20 };
}

const mock = await startMock({ rateLimit: false, maxSessions: sessions });
const create = async (id: string) => {
  const response = await fetch(`${mock.url}/__admin/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id }) });
  if (response.status !== 201) throw new Error(`${response.status} ${await response.text()}`);
  return ((await response.json()) as { count: number }).count;
};
// Warm: the first request compiles the pipeline and loads what it needs once.
await create('warm-up');
await fetch(`${mock.url}/__admin/sessions/warm-up`, { method: 'DELETE', headers: { 'content-type': 'application/json' } });
const base = measure();
const started = performance.now();
const count = await create('s-1');
const createMs = performance.now() - started;
const one = measure();
for (let i = 2; i <= sessions; i++) await create(`s-${i}`);
const all = measure();
const fmt = (n: number) => n.toFixed(1);
console.log(`root: ${mock.store.size} customers; heap+external ${fmt(base.heap)} MiB, RSS ${fmt(base.rss)} MiB`);
console.log(`one session of ${count} customers: +${fmt(one.heap - base.heap)} MiB heap+external, +${fmt(one.rss - base.rss)} MiB RSS (created in ${createMs.toFixed(0)} ms)`);
console.log(`${sessions} sessions: +${fmt(all.heap - base.heap)} MiB heap+external (${fmt((all.heap - base.heap) / sessions)} MiB each), +${fmt(all.rss - base.rss)} MiB RSS (${fmt((all.rss - base.rss) / sessions)} MiB each)`);
await mock.close();

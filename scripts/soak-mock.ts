/**
 * The mock the soak drives (scripts/journal-soak.ts): `startMock` on 127.0.0.1 and a free port,
 * rate limits and log off, `--journal-size` from the first argument. Each line `gc` on standard
 * input runs a full garbage collection (needs `node --expose-gc`) and answers with the process's
 * memory as one JSON line, so the soak compares settled memory, not the heap's momentary size.
 */
import { createInterface } from 'node:readline';
import { startMock } from '../mock/server.ts';

const mock = await startMock({ rateLimit: false, journalSize: Number(process.argv[2] ?? 1000) });
console.log(JSON.stringify({ url: mock.url }));
const gc = (globalThis as { gc?: () => void }).gc;
for await (const line of createInterface({ input: process.stdin })) {
  if (line.trim() !== 'gc') continue;
  for (let i = 0; i < 3; i++) gc?.();
  const { rss, heapUsed } = process.memoryUsage();
  console.log(JSON.stringify({ rss, heapUsed }));
}
await mock.close();

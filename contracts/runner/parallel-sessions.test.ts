/**
 * Issue 14: two contract runs at the same time against two sessions of one mock both pass, and a
 * third at the root during them passes too. Without sessions, two runs on one store break each
 * other's update checks (each restores the sample customer while the other reads it).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../mock/server.ts';
import { runQuietly } from '../testing/run-quietly.ts';

let mock: RunningMock;

beforeAll(async () => {
  mock = await startMock({ count: 20 });
});
afterAll(() => mock?.close());

it('passes three runs at once: in session ci-a, in session ci-b, and at the root', async () => {
  const bases: string[] = [];
  for (const id of ['ci-a', 'ci-b']) {
    const created = await fetch(`${mock.url}/__admin/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id, seed: 1, count: 20 }) });
    expect(created.status).toBe(201);
    bases.push(((await created.json()) as { baseUrl: string }).baseUrl);
  }
  const runs = await Promise.all([...bases, mock.url].map((base) => runQuietly(base, ['--allow-writes'])));
  for (const run of runs) {
    expect(run.failedChecks).toEqual([]);
    expect(run.exitCode).toBe(0);
  }
  // Each session's journal holds its own run only.
  for (const base of bases) {
    const journal = (await (await fetch(`${base}/__admin/requests?limit=1`)).json()) as { total: number };
    expect(journal.total).toBeGreaterThan(50);
  }
}, 180_000);

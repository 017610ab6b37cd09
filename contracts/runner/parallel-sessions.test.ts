/**
 * Issue 14: two runs of the contract command at the same time against two sessions of one mock
 * both pass, and a third at the root during them passes too. Without sessions, two runs on one
 * store break each other's update checks (each restores the sample customer while the other reads
 * it). Each run is its own process, as `npm run contract` is: the Dredd bridge is one per process.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startMock, type RunningMock } from '../../mock/server.ts';

const CONTRACT = fileURLToPath(new URL('../../scripts/contract.ts', import.meta.url));
let mock: RunningMock;

beforeAll(async () => {
  mock = await startMock({ count: 20 });
});
afterAll(() => mock?.close());

/** One `npm run contract -- --base-url BASE --allow-writes`; its exit code and last line. */
async function contract(base: string): Promise<{ code: number; summary: string }> {
  const reportDir = mkdtempSync(join(tmpdir(), 'contract-'));
  const args = ['--import', 'tsx', CONTRACT, '--base-url', base, '--allow-writes', '--report-dir', reportDir];
  try {
    const { stdout } = await promisify(execFile)(process.execPath, args, { encoding: 'utf8', timeout: 150_000 });
    return { code: 0, summary: summaryLine(stdout) };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    return { code: failed.code ?? -1, summary: (failed.stdout ?? '').split('\n').filter((l) => l.startsWith('FAIL')).join('\n') };
  }
}

function summaryLine(stdout: string): string {
  return stdout.split('\n').find((line) => / passed, \d+ failed/.test(line)) ?? '';
}

it('passes three runs at once: in session ci-a, in session ci-b, and at the root', async () => {
  const bases: string[] = [];
  for (const id of ['ci-a', 'ci-b']) {
    const created = await fetch(`${mock.url}/__admin/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id, seed: 1, count: 20 }) });
    expect(created.status).toBe(201);
    bases.push(((await created.json()) as { baseUrl: string }).baseUrl);
  }
  const runs = await Promise.all([...bases, mock.url].map(contract));
  for (const run of runs) {
    expect(run.summary).toMatch(/ 0 failed/);
    expect(run.code).toBe(0);
  }
  // Each session's journal holds its own run.
  for (const base of bases) {
    const journal = (await (await fetch(`${base}/__admin/requests?limit=1`)).json()) as { total: number };
    expect(journal.total).toBeGreaterThan(50);
  }
}, 180_000);

import { expect, it } from 'vitest';
import { CONTRACT_CUSTOMER } from '../runner/seed-customers.ts';
import { EARLIER_BROKEN_SERVERS } from './broken/earlier.ts';
import { CLEANUP_BROKEN_SERVERS } from './broken/mock-cleanup.ts';
import { describeBrokenServers } from './expect-caught.ts';
import { runQuietly } from './run-quietly.ts';
import { startBrokenMock } from './wrap-mock.ts';

describeBrokenServers('the first eight (issue 5)', EARLIER_BROKEN_SERVERS);
describeBrokenServers("the runner's own cleanup on the mock", CLEANUP_BROKEN_SERVERS);

// The same wrapper and settings as every broken server, with nothing broken: every check passes.
it('passes the unbroken mock, every check run', async () => {
  const mock = await startBrokenMock({});
  try {
    const run = await runQuietly(mock.url, [], { minIntervalMs: 0 });
    expect(run.failedChecks).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.results.filter((r) => r.verdict.status === 'skipped').map((r) => r.name)).toEqual([]);
  } finally {
    await mock.close();
  }
}, 60_000);

it('restores the customer it wrote even when the write checks fail', async () => {
  const merging = EARLIER_BROKEN_SERVERS.find((s) => s.breaks.includes('merges'));
  const broken = await startBrokenMock(merging!.breakage);
  // The run removes its customers at the end, so the last write before that is what it left.
  let last: unknown;
  broken.store.onChange((change) => {
    if (change.kind === 'upsert') last = change.records.find((r) => r.customerNumber === CONTRACT_CUSTOMER.customerNumber) ?? last;
  });
  try {
    const run = await runQuietly(broken.url, [], { minIntervalMs: 0 });
    expect(run.failedChecks).toContain('semantic.update: replaces all: fields left out become null');
    expect(last).toEqual(CONTRACT_CUSTOMER);
  } finally {
    await broken.close();
  }
}, 60_000);

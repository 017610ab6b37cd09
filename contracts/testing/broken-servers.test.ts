import { expect, it } from 'vitest';
import { CONTRACT_CUSTOMER } from '../runner/seed-customers.ts';
import { BROKEN_SERVERS } from './breakages.ts';
import { runQuietly } from './run-quietly.ts';
import { startBrokenMock } from './wrap-mock.ts';

// Each server is the real mock with one rule broken by middleware; the run must fail and name it.
for (const server of BROKEN_SERVERS) {
  it(`fails the run and names "${server.caughtBy}" given ${server.breaks}`, async () => {
    const broken = await startBrokenMock(server.breakage, server.overrides);
    try {
      const run = await runQuietly(broken.url, [], { minIntervalMs: 0 });
      expect(run.exitCode).toBe(1);
      expect(run.failedChecks).toContain(server.caughtBy);
    } finally {
      await broken.close();
    }
  }, 60_000);
}

it('restores the customer it wrote even when the write checks fail', async () => {
  const merging = BROKEN_SERVERS.find((s) => s.breaks.includes('merges'));
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

import { expect, it } from 'vitest';
import { HttpClient } from '../http/http-client.ts';
import { parseContractOptions, type ContractOptions } from '../runner/options.ts';
import type { Target } from '../runner/target.ts';
import { runDredd, type DreddConstructor } from './run-dredd.ts';

const target = (): Target => ({
  options: parseContractOptions(['--base-url', 'http://127.0.0.1:1'], {}) as ContractOptions,
  http: new HttpClient('http://127.0.0.1:1'),
  writable: false, missing: {}, notes: [], seeded: new Set(), knownCustomerNumbers: [], tokenUrl: '',
});

it('fails the Dredd suite, not skips it, given a Dredd that cannot start', async () => {
  const results = await runDredd(target(), () => {
    throw new Error('Cannot find module dredd-transactions');
  });
  expect(results).toEqual([expect.objectContaining({ suite: 'dredd', verdict: { status: 'failed', message: 'Dredd could not run: Cannot find module dredd-transactions' } })]);
});

it('fails the Dredd suite given a Dredd that ran no transaction', async () => {
  const idle = class {
    run(done: (error: Error | null, stats: Record<string, number>) => void) {
      done(null, {});
    }
  } as unknown as DreddConstructor;
  const results = await runDredd(target(), () => idle);
  expect(results).toEqual([expect.objectContaining({ suite: 'dredd', verdict: { status: 'failed', message: 'Dredd ran no transaction: no documented status was checked' } })]);
});

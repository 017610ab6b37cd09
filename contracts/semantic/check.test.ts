import { expect, it } from 'vitest';
import { CheckFailure, CheckSkip } from '../runner/results.ts';
import type { Target } from '../runner/target.ts';
import { runChecks } from './check.ts';

const target = {} as Target;

it('keeps running after a failing check and reports each verdict', async () => {
  const results = await runChecks(
    [
      { group: 'g', name: 'fails', run: async () => { throw new CheckFailure('expected 400, got 200'); } },
      { group: 'g', name: 'skips', run: async () => { throw new CheckSkip('needs the mock'); } },
      { group: 'g', name: 'passes', run: async () => {} },
    ],
    target,
  );
  expect(results.map((r) => r.verdict)).toEqual([
    { status: 'failed', message: 'expected 400, got 200', exchange: undefined },
    { status: 'skipped', reason: 'needs the mock' },
    { status: 'passed' },
  ]);
});

it('fails a check that breaks in an unexpected way, naming the error', async () => {
  const [result] = await runChecks([{ group: 'g', name: 'throws', run: async () => { throw new TypeError('x is undefined'); } }], target);
  expect(result?.verdict).toEqual({ status: 'failed', message: 'the check itself broke: x is undefined' });
});

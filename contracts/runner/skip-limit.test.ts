import { expect, it } from 'vitest';
import { parseContractOptions, type ContractOptions } from './options.ts';
import type { CheckResult } from './results.ts';
import { ranFigure, skipLimitResult } from './skip-limit.ts';

const options = (...argv: string[]) => parseContractOptions(['--base-url', 'http://127.0.0.1:1', ...argv], {}) as ContractOptions;
const check = (n: number, verdict: CheckResult['verdict']): CheckResult => ({ suite: 'semantic', group: 'g', name: `c${n}`, verdict, durationMs: 0 });
const run = (passed: number, skips: Array<string | undefined>) => [
  ...Array.from({ length: passed }, (_, i) => check(i, { status: 'passed' })),
  ...skips.map((needs, i) => check(passed + i, { status: 'skipped', reason: 'r', ...(needs ? { needs } : {}) })),
];

it('fails a run with half its checks skipped by default, naming what to give', () => {
  const result = skipLimitResult(options(), run(51, [...Array(30).fill('--user-token'), ...Array(15).fill('--allow-writes'), '--data', '--other-client', undefined]));
  expect(result?.verdict.status).toBe('failed');
  const message = result?.verdict.status === 'failed' ? result.verdict.message : '';
  expect(message).toContain('48 of 100 checks were skipped; by default no more than a quarter (25) may be skipped');
  expect(message).toContain('Give --user-token (30 checks), --allow-writes (15 checks), --data (1 check), --other-client (1 check) to run them.');
  expect(message).toContain('--max-skipped N or --allow-skips');
});

it('passes a run with a quarter of its checks skipped by default', () => {
  expect(skipLimitResult(options(), run(75, Array(25).fill('--user-token')))?.verdict.status).toBe('passed');
});

it('takes --max-skipped N, --fail-on-skip and --allow-skips', () => {
  const half = run(50, Array(49).fill(undefined));
  expect(skipLimitResult(options('--max-skipped', '49'), half)?.verdict.status).toBe('passed');
  expect(skipLimitResult(options('--max-skipped', '48'), half)?.verdict.status).toBe('failed');
  expect(skipLimitResult(options('--fail-on-skip'), run(99, [undefined]))?.verdict.status).toBe('failed');
  expect(skipLimitResult(options('--allow-skips'), half)).toBeUndefined();
});

it('says how much of the run ran, rounded down', () => {
  expect(ranFigure(run(299, ['--data']))).toBe('299 passed, 0 failed, 1 skipped (99 % of the checks ran)');
  expect(ranFigure(run(3, []))).toBe('3 passed, 0 failed, 0 skipped (100 % of the checks ran)');
});

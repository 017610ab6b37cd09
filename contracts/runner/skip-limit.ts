import type { ContractOptions } from './options.ts';
import type { CheckResult } from './results.ts';

/**
 * `--fail-on-skip` / `--max-skipped N`: a run that skipped more checks than allowed fails, as a
 * check of its own, so the JUnit report says why a run with no failed check is red.
 */
export function skipLimitResult(options: ContractOptions, results: CheckResult[]): CheckResult | undefined {
  const allowed = options.failOnSkip ? 0 : options.maxSkipped;
  if (allowed === undefined) return undefined;
  const skipped = results.filter((r) => r.verdict.status === 'skipped').length;
  const flag = options.failOnSkip ? '--fail-on-skip allows none' : `--max-skipped allows ${allowed}`;
  return {
    suite: 'setup',
    group: 'skips',
    name: 'skips no more checks than allowed',
    verdict: skipped <= allowed ? { status: 'passed' } : { status: 'failed', message: `${skipped} checks were skipped; ${flag}` },
    durationMs: 0,
  };
}

import type { ContractOptions } from './options.ts';
import type { CheckResult } from './results.ts';

/**
 * The skip budget (docs/decisions/045): a run cannot be green by testing little. By default more
 * than a quarter of the checks skipped fails the run; `--max-skipped N` sets the number,
 * `--fail-on-skip` makes it 0, `--allow-skips` lifts it. It is a check of its own, so the JUnit
 * report says why a run with no failed check is red, and its message names the options that
 * would let the skipped checks run (each skip's `needs`).
 */
export const DEFAULT_SKIP_SHARE = 0.25;

export function skipLimitResult(options: ContractOptions, results: CheckResult[]): CheckResult | undefined {
  if (options.allowSkips) return undefined;
  // The budget counts the run's checks, and this one with them.
  const total = results.length + 1;
  const allowed = options.failOnSkip ? 0 : (options.maxSkipped ?? Math.floor(total * DEFAULT_SKIP_SHARE));
  const skipped = results.filter((r) => r.verdict.status === 'skipped');
  const rule = options.failOnSkip
    ? '--fail-on-skip allows none'
    : options.maxSkipped !== undefined
      ? `--max-skipped allows ${allowed}`
      : `by default no more than a quarter (${allowed}) may be skipped`;
  const base = { suite: 'setup' as const, group: 'skips', name: 'skips no more checks than allowed', durationMs: 0 };
  if (skipped.length <= allowed) return { ...base, verdict: { status: 'passed' } };
  const message = `${skipped.length} of ${total} checks were skipped; ${rule}. ${whatToGive(skipped)} Or accept it with --max-skipped N or --allow-skips.`;
  return { ...base, verdict: { status: 'failed', message } };
}

/** `give --user-token (87 checks), --allow-writes (40 checks) to run them.` from the skips' `needs`. */
export function whatToGive(skipped: CheckResult[]): string {
  const counts = new Map<string, number>();
  let other = 0;
  for (const result of skipped) {
    const needs = result.verdict.status === 'skipped' ? result.verdict.needs : undefined;
    if (needs) counts.set(needs, (counts.get(needs) ?? 0) + 1);
    else other += 1;
  }
  const options = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([flag, n]) => `${flag} (${n} check${n === 1 ? '' : 's'})`);
  const rest = other ? ` ${other} cannot run against this target whatever it is given (see their reasons).` : '';
  return options.length ? `Give ${options.join(', ')} to run them.${rest}` : 'They cannot run against this target whatever it is given (see their reasons).';
}

/** `N passed, M failed, K skipped (P % of the checks ran)`: the last line of a run, and the figure of its reports. */
export function ranFigure(results: CheckResult[]): string {
  const count = (status: CheckResult['verdict']['status']) => results.filter((r) => r.verdict.status === status).length;
  const [passed, failed, skipped] = [count('passed'), count('failed'), count('skipped')];
  // Rounded down: a run that skipped one check of 300 did not run 100 % of them.
  const share = results.length ? Math.floor(((passed + failed) * 100) / results.length) : 0;
  return `${passed} passed, ${failed} failed, ${skipped} skipped (${share} % of the checks ran)`;
}

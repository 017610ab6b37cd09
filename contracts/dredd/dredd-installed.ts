/**
 * Dredd is a dependency of the package (docs/decisions/045): `npx connect-contract` runs its
 * transactions in any project. Should it still be missing (a broken install, a pruned
 * node_modules), the Dredd suite is one FAILED check saying so: a run that could not check every
 * documented status must not read as green.
 */
import { createRequire } from 'node:module';
import type { CheckResult } from '../runner/results.ts';

const require = createRequire(import.meta.url);

export const DREDD_MISSING_MESSAGE =
  'Dredd could not be loaded (it is a dependency of connect-customer-api-kit: reinstall the package, or npm install dredd@14.1.0): no documented status was checked';

/** The failed check that stands for the Dredd suite when Dredd cannot be loaded; undefined when it can. */
export function dreddMissing(resolve: (id: string) => string = require.resolve): CheckResult | undefined {
  try {
    resolve('dredd');
    return undefined;
  } catch {
    return dreddDidNotRun(DREDD_MISSING_MESSAGE);
  }
}

/** Dredd not loaded, not started, or run without one transaction: a failure, never a skip. */
export function dreddDidNotRun(message: string): CheckResult {
  return { suite: 'dredd', group: 'dredd', name: 'Dredd transactions', verdict: { status: 'failed', message }, durationMs: 0 };
}

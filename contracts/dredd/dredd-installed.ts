/**
 * Dredd is an optional peer dependency of the package (docs/decisions/033): `npx connect-contract`
 * runs the semantic suite without it, and reports the Dredd suite as one skipped check that says
 * how to add it. In the checkout it is a development dependency, always there.
 */
import { createRequire } from 'node:module';
import type { CheckResult } from '../runner/results.ts';

const require = createRequire(import.meta.url);

export const DREDD_MISSING_REASON =
  'Dredd is not installed (an optional peer dependency of connect-customer-api-kit): npm install --save-dev dredd@14.1.0 to run its transactions';

/** The skipped check that stands for the Dredd suite when Dredd cannot be loaded; undefined when it can. */
export function dreddMissing(resolve: (id: string) => string = require.resolve): CheckResult | undefined {
  try {
    resolve('dredd');
    return undefined;
  } catch {
    return { suite: 'dredd', group: 'dredd', name: 'Dredd transactions', verdict: { status: 'skipped', reason: DREDD_MISSING_REASON }, durationMs: 0 };
  }
}

import { RequestFailed } from '../http/exchange.ts';
import { CheckFailure, CheckSkip, type CheckResult } from '../runner/results.ts';
import type { Target } from '../runner/target.ts';

/** One semantic check: a rule no schema states, and how to see it on the target. */
export interface SemanticCheck {
  /** The area, e.g. `search`; the JUnit class name. */
  group: string;
  /** A behaviour, named like a test: `matches case-insensitively`. Unique within its group. */
  name: string;
  /** `operationId status` pairs the check exercises, for the coverage table. */
  covers?: string[];
  /** Throws `CheckFailure` to fail, `CheckSkip` to skip; returns to pass. */
  run(target: Target): Promise<void>;
}

/** Runs checks one after another (they share the target's data) and never lets one stop the rest. */
export async function runChecks(
  checks: SemanticCheck[],
  target: Target,
  onResult: (result: CheckResult) => void = () => {},
): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  for (const check of checks) {
    const started = Date.now();
    const base = { suite: 'semantic' as const, group: check.group, name: check.name };
    let verdict: CheckResult['verdict'] = { status: 'passed' };
    try {
      await check.run(target);
    } catch (error) {
      verdict = verdictOf(error);
    }
    const result: CheckResult = { ...base, verdict, durationMs: Date.now() - started, ...(check.covers ? { covers: check.covers } : {}) };
    results.push(result);
    onResult(result);
  }
  return results;
}

function verdictOf(error: unknown): CheckResult['verdict'] {
  if (error instanceof CheckSkip) return { status: 'skipped', reason: error.reason, ...(error.needs ? { needs: error.needs } : {}) };
  if (error instanceof CheckFailure || error instanceof RequestFailed) return { status: 'failed', message: error.message, exchange: error.exchange };
  return { status: 'failed', message: `the check itself broke: ${(error as Error).message ?? String(error)}` };
}

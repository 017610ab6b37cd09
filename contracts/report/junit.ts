import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import junit, { type Builder } from 'junit-report-builder';
import type { CheckResult } from '../runner/results.ts';
import { describeExchange } from './describe-exchange.ts';

// The package sets `module.exports` to a builder; its typings declare it as `default`, which
// NodeNext reads as one level deeper. At run time the default import is the builder itself.
const root = junit as unknown as Builder;

/**
 * Writes one JUnit test suite per contract suite and one test case per check. Names are stable
 * across runs (the check's name; the Dredd transaction name), so a CI can track a check over time.
 * JUnit's `<skipped/>` has no message here, so the reason goes into a `skip-reason` property and
 * the test's standard output.
 */
export function writeJunit(path: string, results: CheckResult[], runName = 'contract'): void {
  const report = root.newBuilder().name(runName);
  const suites = new Map<string, ReturnType<typeof report.testSuite>>();
  for (const result of results) {
    let suite = suites.get(result.suite);
    if (!suite) {
      suite = report.testSuite().name(`${runName}.${result.suite}`);
      suites.set(result.suite, suite);
    }
    const testCase = suite
      .testCase()
      .className(`${runName}.${result.suite}.${result.group}`)
      .name(result.name)
      .time(result.durationMs / 1000);
    const { verdict } = result;
    if (verdict.status === 'failed') {
      testCase.failure(verdict.message, 'ContractViolation');
      if (verdict.exchange) testCase.standardOutput(describeExchange(verdict.exchange));
    } else if (verdict.status === 'skipped') {
      testCase.skipped().property('skip-reason', verdict.reason).standardOutput(`skipped: ${verdict.reason}`);
    } else if (result.detail) {
      testCase.standardOutput(result.detail);
    }
  }
  mkdirSync(dirname(path), { recursive: true });
  report.writeTo(path);
}

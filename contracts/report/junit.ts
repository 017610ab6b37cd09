import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CheckResult } from '../runner/results.ts';
import { ranFigure } from '../runner/skip-limit.ts';
import { describeExchange } from './describe-exchange.ts';
import { attribute, cdata } from './xml.ts';

/**
 * `junit.xml` as CI servers read it (the Ant/Surefire form Jenkins, GitLab and GitHub actions
 * parse): one `<testsuite>` per contract suite with `time` and `timestamp`, one `<testcase>` per
 * check with its own `time`. Names are stable across runs (the check's name; the Dredd transaction
 * name), so a CI can track a check over time. A skip is `<skipped message="reason"/>`; a failure
 * carries the request and the answer in `system-out`.
 */
export function renderJunit(results: CheckResult[], startedAt: Date, runName = 'contract'): string {
  const suites = new Map<string, CheckResult[]>();
  for (const result of results) suites.set(result.suite, [...(suites.get(result.suite) ?? []), result]);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites ${counts(runName, results, startedAt)}>`];
  for (const [suite, cases] of suites) {
    lines.push(`  <testsuite ${counts(`${runName}.${suite}`, cases, startedAt)}>`);
    // The whole run's figure in every suite (JUnit has properties only there), as the console's last line.
    lines.push('    <properties>', `      <property name="contract.checks" value="${attribute(ranFigure(results))}"/>`, '    </properties>');
    for (const result of cases) lines.push(...testCase(result, runName));
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

export function writeJunit(path: string, results: CheckResult[], startedAt = new Date()): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, renderJunit(results, startedAt));
}

function counts(name: string, results: CheckResult[], startedAt: Date): string {
  const failures = results.filter((r) => r.verdict.status === 'failed').length;
  const skipped = results.filter((r) => r.verdict.status === 'skipped').length;
  const seconds = results.reduce((sum, r) => sum + r.durationMs, 0) / 1000;
  // JUnit's timestamp is ISO 8601 without a zone designator, in UTC by convention.
  const timestamp = startedAt.toISOString().replace(/\.\d+Z$/, '');
  return `name="${attribute(name)}" tests="${results.length}" failures="${failures}" errors="0" skipped="${skipped}" time="${seconds.toFixed(3)}" timestamp="${timestamp}"`;
}

function testCase(result: CheckResult, runName: string): string[] {
  const head = `    <testcase classname="${attribute(`${runName}.${result.suite}.${result.group}`)}" name="${attribute(result.name)}" time="${(result.durationMs / 1000).toFixed(3)}"`;
  const { verdict } = result;
  if (verdict.status === 'failed') {
    return [
      `${head}>`,
      `      <failure message="${attribute(verdict.message)}" type="ContractViolation"/>`,
      ...(verdict.exchange ? [`      <system-out>${cdata(describeExchange(verdict.exchange))}</system-out>`] : []),
      '    </testcase>',
    ];
  }
  if (verdict.status === 'skipped') return [`${head}>`, `      <skipped message="${attribute(verdict.reason)}"/>`, '    </testcase>'];
  if (result.detail) return [`${head}>`, `      <system-out>${cdata(result.detail)}</system-out>`, '    </testcase>'];
  return [`${head}/>`];
}

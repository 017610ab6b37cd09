import { expect, it } from 'vitest';
import type { CheckResult } from '../runner/results.ts';
import { renderJunit } from './junit.ts';

const results: CheckResult[] = [
  { suite: 'semantic', group: 'search', name: 'finds a customer by email', verdict: { status: 'passed' }, durationMs: 1500 },
  { suite: 'semantic', group: 'search', name: 'answers 403 given "six" <matches>', verdict: { status: 'skipped', reason: 'needs "seeded" data & more' }, durationMs: 0 },
  { suite: 'setup', group: 'target', name: 'reaches the target', verdict: { status: 'failed', message: 'connection refused', exchange: { method: 'GET', url: 'http://x/]]>' } }, durationMs: 2 },
];

const xml = renderJunit(results, new Date('2026-12-01T20:00:00.123Z'));

it('gives each suite its counts, time and timestamp', () => {
  expect(xml).toContain('<testsuite name="contract.semantic" tests="2" failures="0" errors="0" skipped="1" time="1.500" timestamp="2026-12-01T20:00:00">');
  expect(xml).toContain('<testsuites name="contract" tests="3" failures="1" errors="0" skipped="1" time="1.502"');
});

it('gives every test case its own time and a skip its reason as the message, escaped', () => {
  expect(xml).toContain('<testcase classname="contract.semantic.search" name="finds a customer by email" time="1.500"/>');
  expect(xml).toContain('name="answers 403 given &quot;six&quot; &lt;matches&gt;" time="0.000">');
  expect(xml).toContain('<skipped message="needs &quot;seeded&quot; data &amp; more"/>');
});

it('keeps a failure message and its exchange, even one holding the end of a CDATA section', () => {
  expect(xml).toContain('<failure message="connection refused" type="ContractViolation"/>');
  expect(xml).toContain('http://x/]]]]><![CDATA[>');
});

it('carries the run figure of the console in every suite', () => {
  expect(xml.match(/<property name="contract.checks" value="1 passed, 1 failed, 1 skipped \(66 % of the checks ran\)"\/>/g)).toHaveLength(2);
});

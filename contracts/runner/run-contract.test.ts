import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { listOperations, specValidators } from '../../spec/index.ts';
import { SEED_CUSTOMERS } from './seed-customers.ts';
import { runQuietly } from '../testing/run-quietly.ts';
import { startMock, type RunningMock } from '../../mock/server.ts';

// The project's mock with its defaults (real rate limits, its demo clients), fewer random customers.
let mock: RunningMock;
let run: Awaited<ReturnType<typeof runQuietly>>;

beforeAll(async () => {
  mock = await startMock({ count: 20 });
  run = await runQuietly(mock.url);
}, 180_000);

afterAll(async () => {
  await mock?.close();
});

it('passes every check against the project mock', () => {
  expect(run.failedChecks).toEqual([]);
  expect(run.exitCode).toBe(0);
});

it('runs every check against the mock with its defaults: none skipped', () => {
  expect(run.results.filter((r) => r.verdict.status === 'skipped').map((r) => `${r.group}: ${r.name}`)).toEqual([]);
});

it('removes every customer it seeded when it finishes', () => {
  expect(run.results.find((r) => r.name === 'removes every customer it seeded')?.verdict.status).toBe('passed');
  for (const { customerNumber } of SEED_CUSTOMERS) expect(mock.store.get(customerNumber)).toBeUndefined();
});

it('writes results.json with every check, and a summary that ends with the coverage table', () => {
  const json = JSON.parse(readFileSync(run.resultsPath, 'utf8')) as { checks: Array<{ suite: string; name: string; status: string; durationMs: number }> };
  expect(json.checks).toHaveLength(run.results.length);
  expect(json.checks[0]).toEqual({ suite: 'setup', group: 'oauth', name: 'obtains a client token', status: 'passed', reason: null, durationMs: 0 });
  const summary = readFileSync(run.summaryPath, 'utf8');
  expect(summary).toMatch(/## Coverage\n\n\| operation or rule \| status \| coverage \|/);
  expect(summary).not.toContain('**not covered**');
});

it('runs every Dredd transaction and the semantic suite', () => {
  const documented = listOperations(specValidators().doc).reduce((n, op) => n + Object.keys(op.responses).length, 0);
  expect(run.results.filter((r) => r.suite === 'dredd')).toHaveLength(documented);
  expect(run.results.filter((r) => r.suite === 'semantic').length).toBeGreaterThan(80);
});

it('writes a JUnit report with one unique test case per check', () => {
  const xml = readFileSync(run.junitPath, 'utf8');
  const names = [...xml.matchAll(/<testcase classname="([^"]+)" name="([^"]+)"/g)].map((m) => `${m[1]} ${m[2]}`);
  expect(names).toHaveLength(run.results.length);
  expect(new Set(names).size).toBe(names.length);
});

it('writes a summary with the verdict of each check', () => {
  const summary = readFileSync(run.summaryPath, 'utf8');
  expect(summary).toContain('**PASSED**');
  expect(summary).toContain('| semantic.update | replaces all: fields left out become null | passed |');
});

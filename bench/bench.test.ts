/**
 * The bench must not rot: `npm run bench -- --quick` runs end to end (our mock in both of its
 * configurations, Prism, the bare server, a fixture file, every autocannon run) and writes a report with every row. Timings are
 * not asserted: the machine is shared and they say nothing about correctness.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { REPO_ROOT } from './children.ts';
import { BEGIN, END } from './report-file.ts';
import { SCENARIOS, type OtherServer } from './scenarios.ts';
import { checkTargets } from './targets.ts';
import { scenarioCustomers } from '../fixtures/scenarios.ts';

const dir = mkdtempSync(join(tmpdir(), 'bench-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('runs the quick bench to the end and reports every row', () => {
  const out = join(dir, 'benchmarks.md');
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/bench.ts', '--quick', '--out', out], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: 110_000,
  });
  expect(run.status, run.stderr).toBe(0);
  expect(run.stderr).toContain('[bench');
  const report = readFileSync(out, 'utf8');
  expect(report).toContain(BEGIN);
  expect(report).toContain(END);
  const label: Record<OtherServer, string> = { prism: 'Prism', bare: 'bare node:http', root: 'ours at the root', unmetered: 'ours, --no-metrics' };
  for (const scenario of SCENARIOS) {
    for (const server of ['ours', ...scenario.against.map((other) => label[other])]) expect(report).toMatch(rowStart(scenario.label, server));
    const prism = scenario.against.includes('prism') ? '[\\d.]+×' : '–';
    if (scenario.against.some((other) => other !== 'root' && other !== 'unmetered')) expect(report).toMatch(new RegExp(`^\\| ${escape(scenario.label)} \\| ${prism} \\| [\\d.]+× \\|`, 'm'));
  }
  // With rate limits on too, every answer a 2xx (the run fails otherwise): the non-2xx column says 0.
  for (const scenario of SCENARIOS.filter((candidate) => candidate.rateLimits === 'on')) {
    expect(report).toMatch(new RegExp(`^\\| ${escape(scenario.label)} \\| ours \\|.* \\| 0 \\|$`, 'm'));
  }
  expect(report).toMatch(/^- Our mock: .* driven with [\d,]+ client ids/m);
  const customers = (1000 + scenarioCustomers().length).toLocaleString('en');
  expect(report).toMatch(new RegExp(`^\\| ${customers} \\| [\\d.]+ MiB \\|`, 'm'));
  expect(report).toMatch(/^- Machine: .+ \d+ cores, .+ GiB, .+ Node v\d+/m);
  // One and two processes of one Redis (bench/replicas.ts): CPU per answer of each, and Redis'.
  expect(report).toMatch(/^\| 1 \| [\d,]+ \| [\d,]+ \| [\d,]+ \|$/m);
  expect(report).toMatch(/^\| 2 \| [\d,]+ \| [\d,]+, [\d,]+ \| [\d,]+ \|$/m);
  for (const { target } of checkTargets([], [])) expect(report).toContain(`| ${target} |`);
}, 120_000);

function rowStart(label: string, server: string): RegExp {
  return new RegExp(`^\\| ${escape(label)} \\| ${server} \\| [\\d,]+ \\| [\\d.]+ \\| [\\d.]+ \\|`, 'm');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

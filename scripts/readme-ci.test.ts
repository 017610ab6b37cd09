/**
 * The CI jobs in the README's "CI" section are YAML that a strict parser accepts (no duplicate
 * keys, no warnings) and do what the section says: start the mock, run the contract suites
 * waiting for the target (`--wait-for-target`, which polls /healthz), publish junit.xml.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parseDocument } from 'yaml';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const ciSection = README.slice(README.indexOf('\n## CI\n'));
const blocks = [...ciSection.matchAll(/```yaml\n([\s\S]*?)```/g)].map((match) => match[1]!);

/** The parts of a CI file these tests read; a missing one fails the expectation that reads it. */
interface CiStep {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string>;
}
interface CiFile {
  on: Record<string, unknown>;
  jobs: Record<string, { 'runs-on': string; steps: CiStep[] }>;
  contract: { script: string[]; artifacts: Record<string, unknown> };
}

function strictParse(text: string): CiFile {
  const doc = parseDocument(text, { strict: true, uniqueKeys: true, prettyErrors: true });
  expect(doc.errors.map(String)).toEqual([]);
  expect(doc.warnings.map(String)).toEqual([]);
  return doc.toJS() as CiFile;
}

it('has a GitHub Actions job and a GitLab job', () => {
  expect(blocks).toHaveLength(2);
});

it('gives a GitHub Actions workflow that starts the mock, waits for /healthz, runs the contracts and uploads junit.xml', () => {
  const workflow = strictParse(blocks[0]!);
  expect(Object.keys(workflow.on)).toEqual(['push', 'pull_request']);
  const job = workflow.jobs.contract!;
  expect(job['runs-on']).toBe('ubuntu-latest');
  const steps = job.steps;
  for (const step of steps) expect(Boolean(step.uses) !== Boolean(step.run)).toBe(true);
  const runs = steps.map((step) => String(step.run ?? '')).join('\n');
  expect(runs.indexOf('npm start')).toBeGreaterThan(runs.indexOf('npm ci'));
  expect(runs.indexOf('npm run contract -- --base-url')).toBeGreaterThan(runs.indexOf('npm start'));
  expect(runs).toMatch(/npm run contract -- --base-url \S+ --wait-for-target \d+/);
  const upload = steps.find((step) => String(step.uses).startsWith('actions/upload-artifact@'));
  expect(upload).toMatchObject({ if: 'always()', with: { path: 'reports/contract/' } });
  expect(runs).toContain('--report-dir reports/contract');
});

it('gives a GitLab job that starts the mock, waits for /healthz, runs the contracts and reports junit.xml', () => {
  const { contract } = strictParse(blocks[1]!);
  const script = contract.script.join('\n');
  expect(script.indexOf('npm run contract -- --base-url')).toBeGreaterThan(script.indexOf('npm start'));
  expect(script).toMatch(/npm run contract -- --base-url \S+ --wait-for-target \d+/);
  expect(script).toContain('--report-dir reports/contract');
  expect(contract.artifacts).toMatchObject({ when: 'always', reports: { junit: 'reports/contract/junit.xml' } });
});

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

function contract(...args: string[]) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('CONTRACT_')));
  return spawnSync(TSX, ['scripts/contract.ts', ...args], { cwd: ROOT, encoding: 'utf8', env, timeout: 30_000 });
}

it('exits 2 with a clear message given an unknown flag', () => {
  const run = contract('--base-url', 'http://127.0.0.1:9', '--bogus');
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/Unknown option '--bogus'/);
});

it('exits 2 without a base URL', () => {
  const run = contract();
  expect(run.status).toBe(2);
  expect(run.stderr).toMatch(/--base-url/);
});

it('lists every option and its environment variable in --help', () => {
  const run = contract('--help');
  expect(run.status).toBe(0);
  for (const flag of ['base-url', 'token-url', 'client-id', 'client-secret', 'client-token', 'user-token', 'user-login-hint', 'allow-writes', 'report-dir', 'admin-token', 'fail-on-skip', 'max-skipped', 'data']) {
    expect(run.stdout).toContain(`--${flag}`);
    expect(run.stdout).toContain(`CONTRACT_${flag.toUpperCase().replace(/-/g, '_')}`);
  }
});

it('exits 2 given a target that refuses connections, leaving a junit.xml with one failed case saying so', () => {
  const dir = mkdtempSync(join(tmpdir(), 'contract-unreachable-'));
  const run = contract('--base-url', 'http://127.0.0.1:9', '--report-dir', dir);
  expect(run.status).toBe(2);
  const xml = readFileSync(join(dir, 'junit.xml'), 'utf8');
  expect(xml).toContain('tests="1" failures="1"');
  expect(xml).toMatch(/<testcase classname="contract.setup.target" name="reaches the target"[^>]*>\s*<failure message="http:\/\/127.0.0.1:9 cannot be reached: connection refused/);
  const results = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8'));
  expect(results).toMatchObject({ exitCode: 2, checks: [{ suite: 'setup', name: 'reaches the target', status: 'failed' }] });
});

import { spawnSync } from 'node:child_process';
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
  for (const flag of ['base-url', 'token-url', 'client-id', 'client-secret', 'client-token', 'user-token', 'user-login-hint', 'allow-writes', 'report-dir']) {
    expect(run.stdout).toContain(`--${flag}`);
    expect(run.stdout).toContain(`CONTRACT_${flag.toUpperCase().replace(/-/g, '_')}`);
  }
});

/** `npm start` as a user runs it: a child process, flags, exit codes, banner, graceful shutdown. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { sampleCustomer } from '../fixtures/index.ts';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));

function run(args: string[], env: Record<string, string> = {}) {
  // node --import tsx, not the tsx binary: one process, so signals reach the mock itself.
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  return { child, exited, output: () => ({ stdout, stderr }) };
}

it('exits 2 with a clear message given an invalid flag value', async () => {
  const cli = run(['--fault-rate', '2']);
  expect(await cli.exited).toBe(2);
  expect(cli.output().stderr).toMatch(/--fault-rate must be a number from 0 to 1/);
});

it('exits 2 naming the file given a --fixtures file that does not exist', async () => {
  const cli = run(['--fixtures', '/nonexistent/customers.json']);
  expect(await cli.exited).toBe(2);
  expect(cli.output().stderr).toMatch(/\/nonexistent\/customers\.json/);
});

it('prints the flags and exits 0 given --help', async () => {
  const cli = run(['--help']);
  expect(await cli.exited).toBe(0);
  expect(cli.output().stdout).toMatch(/--search-overflow forbid\|truncate/);
});

it('serves, prints its URL, the demo client and a user-token recipe, and stops on SIGTERM', async () => {
  const cli = run(['--count', '0'], { PORT: '0' });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      // Generous: a cold tsx start on a loaded two-core CI machine can take many seconds.
      const timer = setTimeout(() => reject(new Error(`no banner: ${cli.output().stderr}`)), 50_000);
      cli.child.stdout.on('data', () => {
        const match = /mock on (http:\/\/127\.0\.0\.1:\d+)/.exec(cli.output().stdout);
        if (match?.[1] && cli.output().stdout.includes('Ctrl-C')) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    const { stdout } = cli.output();
    expect(stdout).toContain('demo-client / demo-secret');
    expect(stdout).toContain('/v1/client/customer/info/563457');
    expect(stdout).toContain('login_hint=');
    expect(stdout).toContain(`API reference: ${url}/docs`);
    expect(stdout).toContain(`Console: ${url}/__admin/console`);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
  } finally {
    if (cli.child.exitCode === null && cli.child.signalCode === null) cli.child.kill('SIGKILL');
  }
}, 60_000);

it('uses a customer of the --fixtures file in the banner\'s examples, not one the file lacks', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'cli-banner-'));
  const file = join(dir, 'customers.json');
  await writeFile(file, JSON.stringify([{ ...sampleCustomer(), customerNumber: 77 }]));
  const cli = run(['--fixtures', file], { PORT: '0' });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no banner: ${cli.output().stderr}`)), 50_000);
      cli.child.stdout.on('data', () => {
        if (!cli.output().stdout.includes('Ctrl-C')) return;
        clearTimeout(timer);
        resolve();
      });
    });
    expect(cli.output().stdout).toContain('/v1/client/customer/info/77');
    expect(cli.output().stdout).not.toContain('563457');
  } finally {
    if (cli.child.exitCode === null && cli.child.signalCode === null) cli.child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  }
}, 60_000);

/**
 * The package as a user gets it: `npm pack` (which builds dist/ through `prepack`), the tarball
 * installed into an empty project with nothing else in it, then its three commands and a plain
 * Node import. Nothing of the checkout is on that project's path: no tsx, no TypeScript.
 * One pack and one install; the install fetches the runtime dependencies through npm's cache.
 */
import { type ChildProcessWithoutNullStreams, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { scenarioCustomers } from '../fixtures/index.ts';

const exec = promisify(execFile);
const root = join(import.meta.dirname, '..');
let dir: string;
let project: string;

// No loader of the checkout's test run may reach the installed commands.
const env = { ...process.env, NODE_OPTIONS: '' };

function inProject(command: string, args: string[]) {
  return exec(command, args, { cwd: project, env, maxBuffer: 64 << 20 });
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'package-'));
  const { stdout } = await exec('npm', ['pack', '--pack-destination', dir, '--json'], { cwd: root, env, maxBuffer: 64 << 20 });
  const [{ filename }] = JSON.parse(stdout.slice(stdout.indexOf('['))) as [{ filename: string }];
  project = join(dir, 'project');
  await mkdir(project);
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'empty-project', private: true, type: 'module' }));
  await inProject('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(dir, filename)]);
}, 300_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('installs with no TypeScript loader and no TypeScript beside it, and with Dredd', async () => {
  const installed = await readdir(join(project, 'node_modules'));
  expect(installed).toContain('connect-customer-api-kit');
  for (const absent of ['tsx', 'typescript', 'redoc', 'vitest']) expect(installed).not.toContain(absent);
  expect(installed).toContain('dredd');
  expect(existsSync(join(project, 'node_modules/connect-customer-api-kit/dist/spec/customer-api.yaml'))).toBe(true);
});

it('runs `connect-mock --port 0` and answers /healthz with 200', async () => {
  // Its own process group: npx runs the command as a child, and the signal must reach both.
  const mock = spawn('npx', ['--no', '--', 'connect-mock', '--port', '0', '--count', '0'], { cwd: project, env, detached: true });
  const exited = new Promise((resolve) => mock.once('exit', resolve));
  try {
    const url = await bannerUrl(mock);
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    expect((await fetch(`${url}/docs`)).status).toBe(200);
  } finally {
    process.kill(-mock.pid!, 'SIGTERM');
    await exited;
  }
});

it('writes fixtures to standard output with `connect-fixtures --count 3 --out -`', async () => {
  const { stdout } = await inProject('npx', ['--no', '--', 'connect-fixtures', '--count', '3', '--out', '-']);
  expect(JSON.parse(stdout)).toHaveLength(3 + scenarioCustomers().length);
});

it('prints the contract runner’s options with `connect-contract --help`', async () => {
  const { stdout } = await inProject('npx', ['--no', '--', 'connect-contract', '--help']);
  expect(stdout).toContain('--base-url');
  expect(stdout).toContain('--report-dir');
});

it('imports startMock in a plain Node ESM script and fetches /healthz', async () => {
  const script = join(project, 'health.mjs');
  await writeFile(
    script,
    `import { startMock, generateCustomers } from 'connect-customer-api-kit';
const mock = await startMock({ count: 0 });
const response = await fetch(mock.url + '/healthz');
console.log(JSON.stringify({ status: response.status, body: await response.json(), generated: [...generateCustomers({ seed: 1, count: 2 })].length }));
await mock.close();
`,
  );
  const { stdout } = await inProject(process.execPath, [script]);
  const result = JSON.parse(stdout) as { status: number; body: { status: string }; generated: number };
  expect(result.status).toBe(200);
  expect(result.body.status).toBe('ok');
  expect(result.generated).toBeGreaterThanOrEqual(2);
});

function bannerUrl(child: ChildProcessWithoutNullStreams): Promise<string> {
  let stdout = '';
  let stderr = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`connect-mock printed no URL: ${stderr}`)), 30_000);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /mock on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`connect-mock exited with ${code}: ${stderr}`)));
  });
}

/** Issue 14: `npm start` logs one line a request (pretty by default), or JSON lines with --log json. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const CLI = fileURLToPath(new URL('./cli.ts', import.meta.url));

/** Starts the CLI on a free port, sends one request to /healthz, returns what it printed after the banner. */
async function logAfterOneRequest(args: string[], env: Record<string, string> = {}): Promise<string> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0', '--count', '0', ...args], { env: { ...process.env, MOCK_LOG: '', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.once('exit', () => reject(new Error(`the mock exited: ${out}`)));
      child.stdout.on('data', () => {
        const found = /mock on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
        if (found && out.includes('Ctrl-C to stop.')) resolve(found);
      });
    });
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 200));
    return out.slice(out.indexOf('Ctrl-C to stop.') + 'Ctrl-C to stop.'.length).trim();
  } finally {
    child.kill();
  }
}

it('logs a pretty line a request by default', async () => {
  expect(await logAfterOneRequest([])).toMatch(/^\d\d:\d\d:\d\d GET \/healthz 200 [\d.]+ ms -$/);
}, 30_000);

it('logs JSON lines with --log json, and nothing with MOCK_LOG=off', async () => {
  expect(JSON.parse(await logAfterOneRequest(['--log', 'json']))).toMatchObject({ msg: 'request', method: 'GET', path: '/healthz', status: 200 });
  expect(await logAfterOneRequest([], { MOCK_LOG: 'off' })).toBe('');
}, 30_000);

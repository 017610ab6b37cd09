import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startMock } from '../server.ts';

it('sends X-Mock-Replica on every answer with --replica-name: health, API errors, admin, OAuth, preflights and unknown paths', async () => {
  const mock = await startMock({ count: 0, replicaName: 'replica-b' });
  try {
    const answers = await Promise.all([
      fetch(`${mock.url}/healthz`),
      fetch(`${mock.url}/v1/client/customer/info/1`),
      fetch(`${mock.url}/__admin/customers?limit=1`),
      fetch(`${mock.url}/user/oauth/token`, { method: 'POST' }),
      fetch(`${mock.url}/v1/customer/info`, { method: 'OPTIONS', headers: { origin: 'http://localhost:3000', 'access-control-request-method': 'POST' } }),
      fetch(`${mock.url}/nowhere`),
    ]);
    expect(answers.map((answer) => answer.headers.get('x-mock-replica'))).toStrictEqual(Array(6).fill('replica-b'));
    // Head too large: answered by the server's clientError listener, outside the pipeline.
    const tooLarge = await fetch(`${mock.url}/healthz`, { headers: { 'x-big': 'x'.repeat(20_000) } });
    expect([tooLarge.status, tooLarge.headers.get('x-mock-replica')]).toStrictEqual([431, 'replica-b']);
  } finally {
    await mock.close();
  }
  const unnamed = await startMock({ count: 0 });
  try {
    expect((await fetch(`${unnamed.url}/healthz`)).headers.has('x-mock-replica')).toBe(false);
  } finally {
    await unnamed.close();
  }
});

it('names its state on /healthz: memory by default, file with --state-file, and its process id', async () => {
  const memory = await startMock({ count: 0 });
  const directory = mkdtempSync(join(tmpdir(), 'health-'));
  const file = await startMock({ count: 0, stateFile: join(directory, 'state.jsonl') });
  try {
    expect(await (await fetch(`${memory.url}/healthz`)).json()).toMatchObject({ status: 'ok', state: 'memory', pid: process.pid });
    expect(await (await fetch(`${file.url}/healthz`)).json()).toMatchObject({ status: 'ok', state: 'file' });
  } finally {
    await memory.close();
    await file.close();
    rmSync(directory, { recursive: true, force: true });
  }
});

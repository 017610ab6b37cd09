/** The README's "Network faults" and "Metrics" curl lines work as pasted (against a mock on a free port). */
import { execFile, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningMock, startMock } from './server.ts';

// Async: the mock serves from this very process, so a blocking exec would starve it.
const run = async (script: string) => (await promisify(execFile)('bash', ['-c', script], { encoding: 'utf8', timeout: 20_000 })).stdout;
const README = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');
const hasCurl = spawnSync('curl', ['--version']).status === 0;
let mock: RunningMock;

beforeAll(async () => {
  mock = await startMock({ count: 0 });
});
afterAll(() => mock.close());

function shellBlock(heading: string): string {
  const match = /```sh\n([\s\S]*?)```/.exec(README.slice(README.indexOf(heading)));
  if (!match?.[1]) throw new Error(`no sh block after ${heading}`);
  return match[1].replaceAll('http://127.0.0.1:4010', mock.url);
}

it.skipIf(!hasCurl)('runs the network-fault curl lines: curl exits 56 on a reset, 18 on a cut body', async () => {
  const output = await run(`set -uo pipefail\n${shellBlock('### Network faults')}`);
  expect(output.trim().split('\n')).toEqual(['exit 56', 'exit 18']);
});

it.skipIf(!hasCurl)('runs the metrics curl line', async () => {
  const output = await run(`set -euo pipefail\n${shellBlock('### Metrics')}`);
  expect(output).toContain('connect_mock_customers{session=""}');
  expect(output).toMatch(/^connect_mock_requests_total\{operation="POST \/user\/oauth\/token"/m);
});

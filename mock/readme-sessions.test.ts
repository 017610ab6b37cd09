/**
 * The README's sections on verifying requests and on parallel suites (issue 14): their curl lines
 * work as pasted, and the vitest example is the one that runs (mock/examples/).
 */
import { execFile, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningMock, startMock } from './server.ts';

const run = async (script: string) => (await promisify(execFile)('bash', ['-c', `set -euo pipefail\n${script}`], { encoding: 'utf8', timeout: 20_000 })).stdout;
const read = (path: string) => readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');
const README = read('../README.md');
const hasCurl = spawnSync('curl', ['--version']).status === 0;
let mock: RunningMock;

beforeAll(async () => {
  mock = await startMock({ count: 0 });
});
afterAll(() => mock.close());

function block(heading: string, language: string): string {
  const at = README.indexOf(heading);
  if (at < 0) throw new Error(`no heading ${heading}`);
  const match = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(README.slice(at));
  if (!match?.[1]) throw new Error(`no ${language} block after ${heading}`);
  return match[1];
}

const against = (script: string) => script.replaceAll('http://127.0.0.1:4010', mock.url);

it.skipIf(!hasCurl)('runs the curl lines of "Verifying requests": the search is in the journal, counted once', async () => {
  const lines = (await run(against(block('### Verifying requests', 'sh')))).trim().split('\n');
  const listed = JSON.parse(lines[0]!);
  expect(listed.total).toBe(1);
  expect(listed.requests[0]).toMatchObject({ operationId: 'searchCustomers', body: { phoneNumber: '+4712345678' }, status: 200 });
  expect(listed.requests[0].headers.authorization).toMatch(/^Bearer .{6}…$/);
  expect(JSON.parse(lines[1]!)).toEqual({ count: 1 });
});

it.skipIf(!hasCurl)('runs the curl lines of "Parallel suites": create, read in the session, its journal, delete', async () => {
  const lines = (await run(against(block('### Parallel suites: sessions', 'sh')))).trim().split('\n');
  expect(JSON.parse(lines[0]!)).toMatchObject({ id: 'ci-42', baseUrl: `${mock.url}/__sessions/ci-42` });
  expect(JSON.parse(lines[1]!)).toMatchObject({ customerNumber: 563457 });
  expect(JSON.parse(lines[2]!).requests[0]).toMatchObject({ path: '/v1/client/customer/info/563457', status: 200 });
  expect((await fetch(`${mock.url}/__sessions/ci-42/healthz`)).status).toBe(404);
});

it('shows the vitest example that runs as mock/examples/session-journal.test.ts', () => {
  const example = read('./examples/session-journal.test.ts').replace("from '../server.ts'", "from './mock/server.ts'");
  expect(block('### Parallel suites: sessions', 'ts')).toBe(example);
});

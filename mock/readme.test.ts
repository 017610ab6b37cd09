/** The README's curl lines work as pasted (against a mock on a free port): the quick start, admin, browser apps, network faults and metrics. */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
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

/** The first `sh` block after a heading. */
function shellBlock(heading: string): string {
  const section = README.slice(README.indexOf(heading));
  const match = /```sh\n([\s\S]*?)```/.exec(section);
  if (!match?.[1]) throw new Error(`no sh block after ${heading}`);
  return match[1];
}

it.skipIf(!hasCurl)('runs the quick-start curl lines: client info, search, login, update and read back', async () => {
  const script = `set -euo pipefail\n${shellBlock('## Try it with curl').replaceAll('http://127.0.0.1:4010', mock.url)}`;
  const output = await run(script);
  expect(output).toContain('"customerNumber":563457');
  expect(output).toContain('"postalCode":"0179"');
  expect(output).toContain('{"success":true}');
  expect(output).toContain('"name":{"firstName":"Kari","middleName":null,"lastName":"Nordmann"');
});

it.skipIf(!hasCurl)('runs the admin token curl line', async () => {
  const output = await run(shellBlock('### Admin API').replaceAll('http://127.0.0.1:4010', mock.url));
  expect(JSON.parse(output)).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
});

it.skipIf(!hasCurl)('runs the browser-apps curl lines: preflight, PKCE login with demo-spa, profile, discovery', async () => {
  const output = await run(`set -euo pipefail\n${shellBlock('## Browser apps and your own OAuth clients').replaceAll('http://127.0.0.1:4010', mock.url)}`);
  expect(output).toMatch(/^HTTP\/1\.1 204/m);
  expect(output).toMatch(/^Access-Control-Allow-Origin: http:\/\/localhost:3000\r?$/im);
  expect(output).toContain('"uniqueId":"abc123ee63461dd"');
  expect(output).toContain('"credential":{"credential":"ola.nordmann@hotmail.no","credentialType":"A"}');
  expect(output).toContain('"code_challenge_methods_supported":["S256","plain"]');
});

it.skipIf(!hasCurl)('runs the network-fault curl lines: curl exits 56 on a reset, 18 on a cut body', async () => {
  const output = await run(`set -uo pipefail\n${shellBlock('### Network faults').replaceAll('http://127.0.0.1:4010', mock.url)}`);
  expect(output.trim().split('\n')).toEqual(['exit 56', 'exit 18']);
});

it.skipIf(!hasCurl)('runs the metrics curl line', async () => {
  const output = await run(`set -euo pipefail\n${shellBlock('### Metrics').replaceAll('http://127.0.0.1:4010', mock.url)}`);
  expect(output).toContain('connect_mock_customers{session=""}');
  expect(output).toMatch(/^connect_mock_requests_total\{operation="POST \/user\/oauth\/token"/m);
});

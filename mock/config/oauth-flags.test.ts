/** Issue 13: `--client`, `MOCK_CLIENTS` and `--cors` / `MOCK_CORS`, parsed and refused. */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { ConfigError, DEMO_CLIENT, DEMO_CLIENT_2, DEMO_SPA, helpText, parseMockConfig } from '../config.ts';

const CLI = fileURLToPath(new URL('../cli.ts', import.meta.url));

it('has the demo clients, two confidential and one public, and CORS on, by default', () => {
  const { config } = parseMockConfig([], {});
  expect(config.clients).toEqual([DEMO_CLIENT, DEMO_CLIENT_2, { id: 'demo-spa', secret: undefined }]);
  expect(DEMO_CLIENT_2).toEqual({ id: 'demo-client-2', secret: 'demo-secret-2' });
  expect(DEMO_SPA.secret).toBeUndefined();
  expect(config.cors).toBe('any');
});

it('adds confidential and public clients from repeated --client flags', () => {
  const { config } = parseMockConfig(['--client', 'my-service:s3cret:with-colon', '--client', 'my-spa'], {});
  expect(config.clients.slice(3)).toEqual([
    { id: 'my-service', secret: 's3cret:with-colon' },
    { id: 'my-spa', secret: undefined },
  ]);
});

it('reads MOCK_CLIENTS comma-separated, and lets --client beat it', () => {
  expect(parseMockConfig([], { MOCK_CLIENTS: 'a:1,b' }).config.clients.slice(3)).toEqual([{ id: 'a', secret: '1' }, { id: 'b', secret: undefined }]);
  expect(parseMockConfig(['--client', 'c:3'], { MOCK_CLIENTS: 'a:1' }).config.clients.slice(3)).toEqual([{ id: 'c', secret: '3' }]);
});

it.each([
  [['--client', ''], /--client: "" has no valid client id/],
  [['--client', ':secret'], /--client: ":secret" has no valid client id/],
  [['--client', 'my-service:'], /--client: "my-service:" has an empty or invalid secret/],
  [['--client', 'my service:x'], /has no valid client id/],
  [['--client', 'a:b c'], /has an empty or invalid secret/],
  [['--client', 'demo-client:x'], /"demo-client" is given twice or is a demo client's/],
  [['--client', 'a:1', '--client', 'a'], /"a" is given twice/],
])('throws a ConfigError given %j', (argv, message) => {
  expect(() => parseMockConfig(argv, {})).toThrow(ConfigError);
  expect(() => parseMockConfig(argv, {})).toThrow(message);
});

it('names the variable given a malformed MOCK_CLIENTS', () => {
  expect(() => parseMockConfig([], { MOCK_CLIENTS: 'ok:1,:bad' })).toThrow(/environment variable MOCK_CLIENTS: ":bad"/);
});

it('reads --cors on, off and a list of origins, and MOCK_CORS', () => {
  expect(parseMockConfig(['--cors', 'off'], {}).config.cors).toBe('off');
  expect(parseMockConfig(['--cors', 'on'], { MOCK_CORS: 'off' }).config.cors).toBe('any');
  expect(parseMockConfig([], { MOCK_CORS: 'off' }).config.cors).toBe('off');
  expect(parseMockConfig(['--cors', 'http://localhost:3000, https://app.example.no'], {}).config.cors).toEqual(['http://localhost:3000', 'https://app.example.no']);
});

it.each(['localhost:3000', 'http://localhost:3000/', 'http://localhost:3000/app', 'ftp://x.no', 'http://localhost:3000,'])('refuses --cors %s, which is not a list of origins', (value) => {
  expect(() => parseMockConfig(['--cors', value], {})).toThrow(/--cors: .* is not an origin/);
});

it('documents both flags and their variables in --help', () => {
  expect(helpText()).toMatch(/--client ID\[:SECRET\].*\[MOCK_CLIENTS\]/);
  expect(helpText()).toMatch(/--cors on\|off\|ORIGINS.*\(default on\) \[MOCK_CORS\]/);
});

it('exits 2 with the reason given a malformed --client', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0', '--client', 'my-service:'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [code] = await once(child, 'exit');
  expect(code).toBe(2);
  expect(stderr).toMatch(/^error: --client: "my-service:" has an empty or invalid secret/m);
});

import { expect, it } from 'vitest';
import { parseContractOptions, UsageError, type ContractOptions } from './options.ts';

const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseContractOptions(argv, env) as ContractOptions;

it('defaults the token URL, client and report directory from the base URL', () => {
  const options = parse(['--base-url', 'https://api-test.mediaconnect.no/capi/']);
  expect(options).toMatchObject({
    baseUrl: 'https://api-test.mediaconnect.no/capi',
    tokenUrl: 'https://api-test.mediaconnect.no/capi/user/oauth/token',
    tokenUrlGiven: false,
    clientId: 'demo-client',
    clientSecret: 'demo-secret',
    allowWrites: false,
    reportDir: 'reports/contract',
  });
});

it('reads every option from CONTRACT_* variables, flags winning', () => {
  const env = { CONTRACT_BASE_URL: 'http://127.0.0.1:1', CONTRACT_USER_TOKEN: 'u', CONTRACT_ALLOW_WRITES: 'true', CONTRACT_REPORT_DIR: 'out' };
  expect(parse(['--report-dir', 'flag-out'], env)).toMatchObject({ baseUrl: 'http://127.0.0.1:1', userToken: 'u', allowWrites: true, reportDir: 'flag-out' });
});

it('rejects an unknown flag', () => {
  expect(() => parse(['--base-url', 'http://x', '--bogus'])).toThrow(UsageError);
});

it('rejects a missing base URL', () => {
  expect(() => parse([])).toThrow(/--base-url/);
});

it('rejects both a user token and a login hint', () => {
  expect(() => parse(['--base-url', 'http://x', '--user-token', 't', '--user-login-hint', 'h'])).toThrow(/not both/);
});

it('rejects a client id without its secret', () => {
  expect(() => parse(['--base-url', 'http://x', '--client-id', 'c'])).toThrow(/go together/);
});

it('answers help to --help', () => {
  expect(parseContractOptions(['--help'], {})).toBe('help');
});

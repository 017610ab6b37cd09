import { expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

it('reads --fail-on-skip and --max-skipped, and refuses a count that is not a whole number', () => {
  expect(parse(['--base-url', 'http://x', '--fail-on-skip'])).toMatchObject({ failOnSkip: true });
  expect(parse(['--base-url', 'http://x'], { CONTRACT_MAX_SKIPPED: '3' })).toMatchObject({ failOnSkip: false, maxSkipped: 3 });
  expect(() => parse(['--base-url', 'http://x', '--max-skipped', 'many'])).toThrow(/--max-skipped takes a whole number/);
});

it('reads --data FILE and names the fact that is wrong in it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'contract-data-'));
  const good = join(dir, 'good.json');
  writeFileSync(good, JSON.stringify({ phoneSharedByMoreThanFive: '+4722000000', productHolder: { customerNumber: 5, productCode: 'CO1', phoneNumber: '+4791234567' } }));
  expect(parse(['--base-url', 'http://x', '--data', good]).data).toMatchObject({ phoneSharedByMoreThanFive: '+4722000000', productHolder: { customerNumber: 5 } });
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, JSON.stringify({ phoneSharedByMoreThanFive: '22000000' }));
  expect(() => parse(['--base-url', 'http://x', '--data', bad])).toThrow(/phoneSharedByMoreThanFive must be an E.164/);
  writeFileSync(bad, JSON.stringify({ sharedPhone: '+4722000000' }));
  expect(() => parse(['--base-url', 'http://x', '--data', bad])).toThrow(/unknown fact "sharedPhone"/);
  expect(() => parse(['--base-url', 'http://x', '--data', join(dir, 'missing.json')])).toThrow(/--data .*cannot be read/);
});

it('reads --allow-skips and --wait-for-target, refusing --allow-skips beside a budget', () => {
  expect(parse(['--base-url', 'http://x', '--allow-skips', '--wait-for-target', '30'])).toMatchObject({ allowSkips: true, waitForTargetSeconds: 30 });
  expect(parse(['--base-url', 'http://x'], { CONTRACT_ALLOW_SKIPS: 'true' })).toMatchObject({ allowSkips: true });
  expect(() => parse(['--base-url', 'http://x', '--allow-skips', '--max-skipped', '3'])).toThrow(/--allow-skips cannot go with/);
  expect(() => parse(['--base-url', 'http://x', '--wait-for-target', 'soon'])).toThrow(/--wait-for-target takes a whole number/);
});

it("defaults --other-client to the mock's second demo client when the run uses the demo client", () => {
  expect(parse(['--base-url', 'http://x']).otherClient).toEqual({ clientId: 'demo-client-2', clientSecret: 'demo-secret-2', given: false });
  expect(parse(['--base-url', 'http://x', '--client-id', 'mine', '--client-secret', 's']).otherClient).toBeUndefined();
  expect(parse(['--base-url', 'http://x', '--other-client', 'a:b:c']).otherClient).toEqual({ clientId: 'a', clientSecret: 'b:c', given: true });
});

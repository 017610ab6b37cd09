import { expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG, FLAGS, helpText, parseMockConfig } from './config.ts';

it('uses the documented defaults given no flags', () => {
  const { config } = parseMockConfig([], {});
  expect(config).toEqual(DEFAULT_CONFIG);
  expect(config).toMatchObject({ port: 4010, host: '127.0.0.1', seed: 1, count: 1000, rateLimit: true, searchOverflow: 'forbid', faultRate: 0, admin: true, tokenTtl: 3600 });
});

it('reads every flag', () => {
  const { config } = parseMockConfig(
    ['--port', '0', '--host', '0.0.0.0', '--seed', '9', '--count', '10', '--fixtures', 'f.json', '--rate-limit', 'off',
      '--search-overflow', 'truncate', '--fault-rate', '0.25', '--no-admin', '--admin-token', 't', '--token-ttl', '60'],
    {},
  );
  expect(config).toMatchObject({ port: 0, host: '0.0.0.0', seed: 9, count: 10, fixtures: 'f.json', rateLimit: false,
    searchOverflow: 'truncate', faultRate: 0.25, admin: false, adminToken: 't', tokenTtl: 60 });
});

it('reads PORT, HOST and the MOCK_ variables from the environment', () => {
  const { config } = parseMockConfig([], { PORT: '5000', HOST: '::1', MOCK_SEED: '4', MOCK_RATE_LIMIT: 'off', MOCK_NO_ADMIN: 'true', MOCK_TOKEN_TTL: '5' });
  expect(config).toMatchObject({ port: 5000, host: '::1', seed: 4, rateLimit: false, admin: false, tokenTtl: 5 });
});

it('lets a flag beat its environment variable', () => {
  expect(parseMockConfig(['--port', '6000'], { PORT: '5000' }).config.port).toBe(6000);
});

it.each([
  [['--port', '70000'], /--port must be a whole number from 0 to 65535/],
  [['--fault-rate', '1.5'], /--fault-rate must be a number from 0 to 1/],
  [['--rate-limit', 'maybe'], /--rate-limit must be one of on, off/],
  [['--search-overflow', 'all'], /forbid, truncate/],
  [['--token-ttl', '0'], /--token-ttl/],
  [['--bogus'], /Unknown option '--bogus'/],
])('throws a ConfigError given %j', (argv, message) => {
  expect(() => parseMockConfig(argv, {})).toThrow(ConfigError);
  expect(() => parseMockConfig(argv, {})).toThrow(message);
});

it('names the environment variable given a bad environment value', () => {
  expect(() => parseMockConfig([], { MOCK_COUNT: 'many' })).toThrow(/environment variable MOCK_COUNT/);
});

it('lists every flag and its environment variable in --help', () => {
  const text = helpText();
  for (const [name, spec] of Object.entries(FLAGS)) {
    expect(text).toContain(`--${name}`);
    expect(text).toContain(`[${spec.env}]`);
  }
});

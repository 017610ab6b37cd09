/** The hardening flags (issue 16): each with its environment variable, repeatable where a list. */
import { expect, it } from 'vitest';
import { ConfigError, helpText, parseMockConfig } from './config.ts';

it('reads --allowed-host, repeatable, and MOCK_ALLOWED_HOSTS comma-separated', () => {
  expect(parseMockConfig(['--allowed-host', 'Mock.Test', '--allowed-host', '.dev.test']).config.allowedHosts).toEqual(['mock.test', '.dev.test']);
  expect(parseMockConfig([], { MOCK_ALLOWED_HOSTS: 'a.test,b.test' }).config.allowedHosts).toEqual(['a.test', 'b.test']);
  expect(parseMockConfig(['--allowed-host', 'c.test'], { MOCK_ALLOWED_HOSTS: 'a.test' }).config.allowedHosts).toEqual(['c.test']);
  expect(() => parseMockConfig(['--allowed-host', 'http://x.test:80'])).toThrow(ConfigError);
});

it('reads --admin-body-limit and MOCK_ADMIN_BODY_LIMIT, 256 MiB by default', () => {
  expect(parseMockConfig([]).config.adminBodyLimit).toBe(268_435_456);
  expect(parseMockConfig(['--admin-body-limit', '1048576']).config.adminBodyLimit).toBe(1_048_576);
  expect(parseMockConfig([], { MOCK_ADMIN_BODY_LIMIT: '2048' }).config.adminBodyLimit).toBe(2048);
  expect(() => parseMockConfig(['--admin-body-limit', 'lots'])).toThrow(ConfigError);
});

it('documents every hardening flag with its variable in --help', () => {
  const help = helpText();
  for (const [flag, env] of [['--allowed-host NAME', 'MOCK_ALLOWED_HOSTS'], ['--admin-body-limit BYTES', 'MOCK_ADMIN_BODY_LIMIT'], ['--refresh-ttl SECONDS', 'MOCK_REFRESH_TTL'], ['--redirect-uri ID=URI', 'MOCK_REDIRECT_URIS']]) {
    expect(help).toMatch(new RegExp(`${flag}.*\\[${env}\\]`));
  }
});

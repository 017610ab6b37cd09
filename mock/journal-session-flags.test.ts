/** The flags of issue 14: --journal-size, --log, --session-ttl, --max-sessions, and their variables. */
import { expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG, helpText, parseMockConfig } from './config.ts';

it('defaults to a journal of 1000, log off, sessions of 3600 s, at most 50', () => {
  expect(DEFAULT_CONFIG).toMatchObject({ journalSize: 1000, log: 'off', sessionTtl: 3600, maxSessions: 50 });
});

it('reads each flag, and its environment variable, the flag winning', () => {
  const { config } = parseMockConfig(['--journal-size', '0', '--log', 'json', '--session-ttl', '60', '--max-sessions', '3'], {});
  expect(config).toMatchObject({ journalSize: 0, log: 'json', sessionTtl: 60, maxSessions: 3 });
  const env = { MOCK_JOURNAL_SIZE: '5', MOCK_LOG: 'pretty', MOCK_SESSION_TTL: '10', MOCK_MAX_SESSIONS: '2' };
  expect(parseMockConfig([], env).config).toMatchObject({ journalSize: 5, log: 'pretty', sessionTtl: 10, maxSessions: 2 });
  expect(parseMockConfig(['--log', 'off'], env).config.log).toBe('off');
});

it('refuses bad values with a ConfigError naming the flag', () => {
  for (const argv of [['--journal-size', '-1'], ['--log', 'loud'], ['--session-ttl', '0'], ['--max-sessions', 'many']]) {
    expect(() => parseMockConfig(argv, {}), argv.join(' ')).toThrow(ConfigError);
    expect(() => parseMockConfig(argv, {}), argv.join(' ')).toThrow(argv[0]);
  }
});

it('documents each flag with its variable in --help', () => {
  const text = helpText();
  for (const [flag, env] of [['--journal-size N', 'MOCK_JOURNAL_SIZE'], ['--log pretty|json|off', 'MOCK_LOG'], ['--session-ttl SECONDS', 'MOCK_SESSION_TTL'], ['--max-sessions N', 'MOCK_MAX_SESSIONS']]) {
    expect(text).toMatch(new RegExp(`${flag!.replace(/[|]/g, '\\|')} .*\\[${env}\\]`));
  }
});

import { expect, it } from 'vitest';
import { ConfigError, DEFAULT_CONFIG, parseMockConfig } from '../config.ts';

const parse = (argv: string[], env: NodeJS.ProcessEnv = {}) => parseMockConfig(argv, env).config;
const refusal = (argv: string[], env: NodeJS.ProcessEnv = {}) => {
  try {
    parse(argv, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.message;
    throw error;
  }
  throw new Error(`${argv.join(' ')} was accepted`);
};

it('reads --redis, --redis-prefix, --workers and --replica-name, and their variables', () => {
  expect(parse(['--redis', 'rediss://u:p@cache.example:6380/2', '--redis-prefix', 'team-a', '--workers', '4', '--replica-name', 'replica-b'])).toMatchObject({
    redis: 'rediss://u:p@cache.example:6380/2',
    redisPrefix: 'team-a',
    workers: 4,
    replicaName: 'replica-b',
  });
  expect(parse([], { MOCK_REDIS_URL: 'redis://127.0.0.1', MOCK_REDIS_PREFIX: 'p', MOCK_WORKERS: '2', MOCK_REPLICA_NAME: 'r1' })).toMatchObject({
    redis: 'redis://127.0.0.1',
    redisPrefix: 'p',
    workers: 2,
    replicaName: 'r1',
  });
  expect(DEFAULT_CONFIG).toMatchObject({ redis: undefined, redisPrefix: 'connect-mock', workers: 1, replicaName: undefined });
});

it('refuses a malformed Redis URL with the form it takes, and never shows its password', () => {
  expect(refusal(['--redis', 'http://127.0.0.1:6379'])).toMatch(/--redis must start with redis:\/\/ or rediss:\/\/, not http:/);
  expect(refusal(['--redis', 'not a url'])).toMatch(/--redis must be a Redis URL such as redis:\/\/127\.0\.0\.1:6379/);
  expect(refusal(['--redis', 'redis://127.0.0.1:6379/db?x=1'])).toMatch(/database number only/);
  const message = refusal(['--redis', 'redis://user:hunter2@127.0.0.1:99999']);
  expect(message).not.toContain('hunter2');
});

it('refuses a prefix with spaces', () => {
  expect(refusal(['--redis-prefix', 'my mock'])).toMatch(/--redis-prefix must be 1 to 100 letters, digits or "-_.:\{\}" \(no spaces\), not "my mock"/);
});

it('refuses --workers above 1 without --redis, and --redis with --state-file, saying why', () => {
  expect(refusal(['--workers', '2'])).toMatch(/--workers 2 needs --redis URL: each worker is a process of its own/);
  expect(refusal(['--redis', 'redis://127.0.0.1', '--state-file', 'x.jsonl'])).toMatch(/--redis and --state-file cannot be used together/);
  expect(parse(['--workers', '1']).workers).toBe(1);
});

it('refuses a replica name that cannot go out as a header value', () => {
  expect(refusal(['--replica-name', 'a\u0000b'])).toMatch(/--replica-name must be 1 to 100 visible ASCII characters/);
});

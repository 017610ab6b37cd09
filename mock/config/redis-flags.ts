/**
 * The values of the shared-state flags (docs/decisions/037): `--redis URL`, `--redis-prefix P`,
 * `--workers N`, and the rules between them and `--state-file`, checked once every flag is read.
 */
import { ConfigError } from './values.ts';

/** `redis://[user:pass@]host[:port][/db]`, or `rediss://` for TLS; the text is kept as given. */
export function redisUrl(raw: string, source: string): string {
  const shape = 'redis://[user:password@]host[:port][/db] (rediss:// for TLS)';
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new ConfigError(`${source} must be a Redis URL such as redis://127.0.0.1:6379, ${shape}; "${withoutPassword(raw)}" is not a URL.`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new ConfigError(`${source} must start with redis:// or rediss://, not ${url.protocol}//; use ${shape}.`);
  }
  if (url.hostname === '') throw new ConfigError(`${source} names no host; use ${shape}.`);
  if (!/^(\/\d{0,2})?$/.test(url.pathname) || url.search !== '' || url.hash !== '') {
    throw new ConfigError(`${source} may end in a database number only (/0 to /15), not "${url.pathname}${url.search}${url.hash}"; use ${shape}.`);
  }
  return raw.trim();
}

/** A URL as it may be shown: its password replaced by `***`. */
export function withoutPassword(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password !== '') url.password = '***';
    return url.toString().replace(/\/$/, '');
  } catch {
    return raw.replace(/:[^:@/]*@/, ':***@');
  }
}

/** Letters, digits and `-_.:{}`: a key prefix that reads clearly in `redis-cli` and needs no quoting. */
export function redisPrefix(raw: string, source: string): string {
  if (!/^[A-Za-z0-9_.:{}-]{1,100}$/.test(raw)) {
    throw new ConfigError(`${source} must be 1 to 100 letters, digits or "-_.:{}" (no spaces), not "${raw}".`);
  }
  return raw;
}

/** The rules between flags: more than one process needs their state outside each of them. */
export function checkStateFlags(config: { redis: string | undefined; workers: number; stateFile: string | undefined }): void {
  if (config.workers > 1 && config.redis === undefined) {
    throw new ConfigError(
      `--workers ${config.workers} needs --redis URL: each worker is a process of its own, and without Redis each would keep its own customers, tokens and rate limits.`,
    );
  }
  if (config.redis !== undefined && config.stateFile !== undefined) {
    throw new ConfigError('--redis and --state-file cannot be used together: with --redis the state lives in Redis (make Redis persistent instead).');
  }
}

/**
 * The mock's configuration: one typed object with defaults, filled from command-line flags and
 * the environment (docs/reference.md §4: "each also settable in the environment"). A flag beats its
 * environment variable, which beats the default. Invalid values throw a `ConfigError`, which the
 * CLI turns into a message and exit code 2.
 */
import { parseArgs } from 'node:util';
import { MAX_RANDOM_CUSTOMERS } from '../fixtures/unique-ids.ts';
import { addClient, type OAuthClient, parseClient } from './config/client-flag.ts';
import { type CorsPolicy, parseCors } from './config/cors-flag.ts';
import { attachRedirectUris, hostName, redirectUri } from './config/hardening-values.ts';
import { ConfigError, integer, nonEmpty } from './config/values.ts';
import { addFaultKind } from './config/fault-kind-flag.ts';
import { FAULT_KINDS, type FaultKind } from './http/faults/fault-kinds.ts';
import { checkStateFlags, redisPrefix, redisUrl } from './config/redis-flags.ts';

export { ConfigError };
export type { OAuthClient };

export type SearchOverflow = 'forbid' | 'truncate';

/** `--log`: one line a request, readable or JSON, or none (mock/http/request-log.ts). */
export type LogFormat = 'pretty' | 'json' | 'off';


/** Guards against oversized and slow requests (issue 6). Not flags: tests shorten them. */
export interface HttpLimits {
  /** Longest request target (path and query) in bytes; a longer one is a 414. */
  maxUrlBytes: number;
  /** Node's `maxHeaderSize`: request line and headers together; more is a 431. */
  maxHeaderBytes: number;
  /** Node's `headersTimeout`: the whole head must arrive within this, else 408. */
  headersTimeoutMs: number;
  /** Node's `requestTimeout`: the whole request, body included, else 408. */
  requestTimeoutMs: number;
}

export interface MockConfig {
  port: number;
  host: string;
  seed: number;
  count: number;
  /** A fixture file to load instead of generating `count` customers from `seed`. */
  fixtures: string | undefined;
  rateLimit: boolean;
  /** Per client id: calls a second and a minute (docs/reference.md §1: 100 and 2000). */
  rateLimits: { perSecond: number; perMinute: number };
  searchOverflow: SearchOverflow;
  /** Share of API requests (0..1) answered with an injected 500. */
  faultRate: number;
  /** What a `faultRate` request gets, at random among these (`--fault-kind`); empty: a 500. */
  faultKinds: FaultKind[];
  admin: boolean;
  /** `GET /metrics` and its counting (on with the admin API unless `--no-metrics`). */
  metrics: boolean;
  /** When set, every `/__admin` route needs `Authorization: Bearer <adminToken>`. */
  adminToken: string | undefined;
  /** Access token lifetime in seconds (`expires_in`). */
  tokenTtl: number;
  clients: OAuthClient[];
  /** Which browser origins get CORS headers (`--cors`). */
  cors: CorsPolicy;
  /** A journal that keeps the store across restarts (docs/decisions/016); in memory when unset. */
  stateFile: string | undefined;
  limits: HttpLimits;
  /** Requests kept in each journal (root's and every session's); 0 turns the journal off. */
  journalSize: number;
  /** One line a request on standard output; `startMock` is silent (`off`), `npm start` says `pretty`. */
  log: LogFormat;
  /** Seconds a test session may go unused before it ends. */
  sessionTtl: number;
  /** Most test sessions at once. */
  maxSessions: number;
  /** Host names besides the loopback ones that a loopback-bound mock answers (DNS rebinding guard). */
  allowedHosts: string[];
  /** Largest admin body in bytes, counted after decompression. */
  adminBodyLimit: number;
  /** Refresh token lifetime in seconds. */
  refreshTtl: number;
  /** `--redirect-uri ID=URI` as given; attached to `clients` once every flag is read. */
  redirectUris: Array<{ clientId: string; uri: string }>;
  /** `--redis URL`: the state lives in Redis, shared by every process with the same URL and prefix. */
  redis: string | undefined;
  /** The key prefix in Redis (`--redis-prefix`). */
  redisPrefix: string;
  /** Processes serving one port (`--workers`); more than one needs `redis`. */
  workers: number;
  /** `--replica-name`: sent as `X-Mock-Replica` on every answer. */
  replicaName: string | undefined;
}

export const DEMO_CLIENT: OAuthClient & { secret: string } = { id: 'demo-client', secret: 'demo-secret' };
/** A second confidential demo client: what a check needs that a code is bound to its client (`connect-contract --other-client`). */
export const DEMO_CLIENT_2: OAuthClient & { secret: string } = { id: 'demo-client-2', secret: 'demo-secret-2' };
/** The public demo client, for browser apps: no secret to embed, PKCE required. */
export const DEMO_SPA: OAuthClient = { id: 'demo-spa', secret: undefined };

export const DEFAULT_CONFIG: MockConfig = {
  port: 4010,
  host: '127.0.0.1',
  seed: 1,
  count: 1000,
  fixtures: undefined,
  rateLimit: true,
  rateLimits: { perSecond: 100, perMinute: 2000 },
  searchOverflow: 'forbid',
  faultRate: 0,
  faultKinds: [],
  admin: true,
  metrics: true,
  adminToken: undefined,
  tokenTtl: 3600,
  clients: [DEMO_CLIENT, DEMO_CLIENT_2, DEMO_SPA],
  cors: 'any',
  stateFile: undefined,
  // 8 KiB is the URL limit common to servers and proxies; Node's own defaults (60 s for headers,
  // 300 s for a request) let a slow client hold a connection for minutes.
  limits: { maxUrlBytes: 8192, maxHeaderBytes: 16384, headersTimeoutMs: 10_000, requestTimeoutMs: 30_000 },
  journalSize: 1000,
  log: 'off',
  sessionTtl: 3600,
  maxSessions: 50,
  allowedHosts: [],
  adminBodyLimit: 256 * 1024 * 1024,
  refreshTtl: 30 * 24 * 3600,
  redirectUris: [],
  redis: undefined,
  redisPrefix: 'connect-mock',
  workers: 1,
  replicaName: undefined,
};


/** One flag: its environment variable, its help text, and how a string becomes a config value. */
interface FlagSpec {
  env: string;
  value: string; // the placeholder shown in --help
  help: string;
  apply: (config: MockConfig, raw: string, source: string) => void;
  /** Repeatable: each flag value, or each comma-separated value of the variable, is applied. */
  multiple?: true;
}

export const FLAGS: Record<string, FlagSpec> = {
  port: {
    env: 'PORT',
    value: 'N',
    help: 'port to listen on; 0 picks a free one',
    apply: (c, r, s) => (c.port = integer(r, s, 0, 65535)),
  },
  host: {
    env: 'HOST',
    value: 'HOST',
    help: 'interface to bind',
    apply: (c, r, s) => (c.host = nonEmpty(r, s)),
  },
  seed: {
    env: 'MOCK_SEED',
    value: 'S',
    help: 'seed of the generated customers',
    apply: (c, r, s) => (c.seed = integer(r, s, 0, 0xffffffff)),
  },
  count: {
    env: 'MOCK_COUNT',
    value: 'N',
    help: 'number of random customers (plus the scenario customers)',
    apply: (c, r, s) => (c.count = integer(r, s, 0, MAX_RANDOM_CUSTOMERS)),
  },
  fixtures: {
    env: 'MOCK_FIXTURES',
    value: 'FILE',
    help: 'load customers from a fixture file (npm run fixtures) instead of generating them',
    apply: (c, r, s) => (c.fixtures = nonEmpty(r, s)),
  },
  'rate-limit': {
    env: 'MOCK_RATE_LIMIT',
    value: 'on|off',
    help: 'per-client limits of 100 calls a second and 2000 a minute',
    apply: (c, r, s) => (c.rateLimit = oneOf(r, s, ['on', 'off']) === 'on'),
  },
  'search-overflow': {
    env: 'MOCK_SEARCH_OVERFLOW',
    value: 'forbid|truncate',
    help: 'more than 5 search matches: 403 (forbid) or the first 5 (truncate)',
    apply: (c, r, s) => (c.searchOverflow = oneOf(r, s, ['forbid', 'truncate'])),
  },
  'fault-rate': {
    env: 'MOCK_FAULT_RATE',
    value: 'P',
    help: 'share (0..1) of API requests answered with an injected 500',
    apply: (c, r, s) => (c.faultRate = fraction(r, s)),
  },
  'no-admin': {
    env: 'MOCK_NO_ADMIN',
    value: '',
    help: 'turn the /__admin API off (404), and /metrics with it',
    apply: (c, r, s) => (c.admin = !boolean(r, s)),
  },
  'no-metrics': {
    env: 'MOCK_NO_METRICS',
    value: '',
    help: 'turn /metrics off (404): nothing is counted for it',
    apply: (c, r, s) => (c.metrics = !boolean(r, s)),
  },
  'admin-token': {
    env: 'MOCK_ADMIN_TOKEN',
    value: 'T',
    help: 'require "Authorization: Bearer T" on every /__admin route',
    apply: (c, r, s) => (c.adminToken = nonEmpty(r, s)),
  },
  'state-file': {
    env: 'MOCK_STATE_FILE',
    value: 'FILE',
    help: 'keep the store in FILE across restarts (created from the fixtures when absent; every write is on disk before its 200)',
    apply: (c, r, s) => (c.stateFile = nonEmpty(r, s)),
  },
  client: {
    env: 'MOCK_CLIENTS',
    value: 'ID[:SECRET]',
    help: 'add an OAuth client: ID:SECRET confidential, ID alone public (PKCE); repeatable, the variable comma-separated',
    multiple: true,
    apply: (c, r, s) => wrapped(() => addClient(c.clients, parseClient(r)), s),
  },
  cors: {
    env: 'MOCK_CORS',
    value: 'on|off|ORIGINS',
    help: 'CORS for browser apps: any origin (on), none (off), or only ORIGIN[,ORIGIN...], which the admin API then also answers',
    apply: (c, r, s) => (c.cors = wrapped(() => parseCors(r), s)),
  },
  'token-ttl': {
    env: 'MOCK_TOKEN_TTL',
    value: 'SECONDS',
    help: 'access token lifetime (expires_in)',
    apply: (c, r, s) => (c.tokenTtl = integer(r, s, 1, 31_536_000)),
  },
  'journal-size': {
    env: 'MOCK_JOURNAL_SIZE',
    value: 'N',
    help: 'requests kept for GET /__admin/requests, per session and at the root; 0 turns the journal off',
    apply: (c, r, s) => (c.journalSize = integer(r, s, 0, 1_000_000)),
  },
  log: {
    env: 'MOCK_LOG',
    value: 'pretty|json|off',
    help: 'one line a request on standard output: readable, JSON (pino), or none',
    apply: (c, r, s) => (c.log = oneOf(r, s, ['pretty', 'json', 'off'])),
  },
  'session-ttl': {
    env: 'MOCK_SESSION_TTL',
    value: 'SECONDS',
    help: 'a test session (/__sessions/{id}) unused this long ends',
    apply: (c, r, s) => (c.sessionTtl = integer(r, s, 1, 31_536_000)),
  },
  'max-sessions': {
    env: 'MOCK_MAX_SESSIONS',
    value: 'N',
    help: 'most test sessions at once; one more is a 409',
    apply: (c, r, s) => (c.maxSessions = integer(r, s, 0, 10_000)),
  },
  // The hardening flags (issue 16).
  'allowed-host': {
    env: 'MOCK_ALLOWED_HOSTS',
    value: 'NAME',
    help: 'a Host name answered besides localhost, *.localhost, 127.0.0.1 and [::1] while bound to loopback (repeatable; ".example.test" allows its subdomains)',
    multiple: true,
    apply: (c, r, s) => c.allowedHosts.push(hostName(r, s)),
  },
  'admin-body-limit': {
    env: 'MOCK_ADMIN_BODY_LIMIT',
    value: 'BYTES',
    help: 'largest /__admin request body, counted after decompression (more is a 413)',
    apply: (c, r, s) => (c.adminBodyLimit = integer(r, s, 1024, 2 ** 31 - 1)),
  },
  'refresh-ttl': {
    env: 'MOCK_REFRESH_TTL',
    value: 'SECONDS',
    help: 'refresh token lifetime',
    apply: (c, r, s) => (c.refreshTtl = integer(r, s, 1, 10 * 31_536_000)),
  },
  'redirect-uri': {
    env: 'MOCK_REDIRECT_URIS',
    value: 'ID=URI',
    help: "register URI as a redirect_uri of client ID (repeatable; a client with none takes only loopback URIs, as the demo clients do)",
    multiple: true,
    apply: (c, r, s) => c.redirectUris.push(redirectUri(r, s)),
  },
  redis: {
    env: 'MOCK_REDIS_URL',
    value: 'URL',
    help: 'keep the state in Redis (redis://[user:pass@]host:port[/db], rediss:// for TLS), shared by every mock started with the same URL and prefix',
    apply: (c, r, s) => (c.redis = redisUrl(r, s)),
  },
  'redis-prefix': {
    env: 'MOCK_REDIS_PREFIX',
    value: 'P',
    help: 'prefix of every key the mock keeps in Redis; another prefix is another mock',
    apply: (c, r, s) => (c.redisPrefix = redisPrefix(r, s)),
  },
  workers: {
    env: 'MOCK_WORKERS',
    value: 'N',
    help: 'processes serving the one port; more than 1 needs --redis',
    apply: (c, r, s) => (c.workers = integer(r, s, 1, 256)),
  },
  'replica-name': {
    env: 'MOCK_REPLICA_NAME',
    value: 'NAME',
    help: 'send "X-Mock-Replica: NAME" on every answer, to tell replicas behind a load balancer apart',
    apply: (c, r, s) => (c.replicaName = headerValue(r, s)),
  },
  'fault-kind': {
    env: 'MOCK_FAULT_KINDS',
    value: 'KIND',
    help: `what a --fault-rate request gets, at random among those given: ${FAULT_KINDS.join('|')} (repeatable; default 500)`,
    multiple: true,
    apply: (c, r, s) => addFaultKind(c, r, s),
  },
};

/** The defaults shown in --help, as a user would type them. */
const SHOWN_DEFAULTS: Record<string, string> = {
  port: '4010', host: '127.0.0.1', seed: '1', count: '1000', 'rate-limit': 'on',
  'search-overflow': 'forbid', 'fault-rate': '0', 'token-ttl': '3600', cors: 'on',
  'journal-size': '1000', log: 'pretty with npm start, off in startMock', 'session-ttl': '3600', 'max-sessions': '50',
  'admin-body-limit': String(256 * 1024 * 1024), 'refresh-ttl': String(30 * 24 * 3600),
  'redis-prefix': 'connect-mock', workers: '1',
};

/**
 * Reads flags (`argv` without node and script) and environment into a config.
 * @example parseMockConfig(['--port', '0', '--rate-limit', 'off'], {}) // { port: 0, rateLimit: false, … }
 */
export function parseMockConfig(argv: string[], env: NodeJS.ProcessEnv = {}): { config: MockConfig; help: boolean } {
  const options: Record<string, { type: 'string' | 'boolean' }> = { help: { type: 'boolean' } };
  for (const [name, spec] of Object.entries(FLAGS)) options[name] = { type: spec.value ? 'string' : 'boolean', ...(spec.multiple ? { multiple: true } : {}) };
  let values: Record<string, string | boolean | string[] | undefined>;
  try {
    ({ values } = parseArgs({ args: argv, options, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new ConfigError(`${(error as Error).message}. Run with --help for the flags.`);
  }
  const config: MockConfig = structuredClone(DEFAULT_CONFIG);
  for (const [name, spec] of Object.entries(FLAGS)) {
    if (spec.multiple) {
      applyRepeatable(config, spec, name, values[name] as string[] | undefined, env[spec.env]);
      continue;
    }
    const fromEnv = env[spec.env];
    const fromFlag = values[name];
    if (fromEnv !== undefined && fromEnv !== '') spec.apply(config, fromEnv, `environment variable ${spec.env}`);
    if (fromFlag !== undefined) spec.apply(config, String(fromFlag), `--${name}`);
  }
  // After every flag: --redirect-uri may name a client that a later flag adds.
  attachRedirectUris(config);
  checkStateFlags(config);
  return { config, help: values.help === true };
}

/** The text of --help, generated from the same table the parser reads, so the two cannot drift. */
export function helpText(): string {
  const lines = ['Usage: connect-mock [flags]    (in a checkout of the kit: npm start -- [flags])', '', 'The local Connect Customer API mock. Flags (environment variable in brackets):', ''];
  for (const [name, spec] of Object.entries(FLAGS)) {
    const flag = `--${name}${spec.value ? ` ${spec.value}` : ''}`;
    const shown = SHOWN_DEFAULTS[name];
    lines.push(`  ${flag.padEnd(34)} ${spec.help}${shown ? ` (default ${shown})` : ''} [${spec.env}]`);
  }
  lines.push(`  ${'--help'.padEnd(34)} this text`, '');
  lines.push('Default data: seed 1, 1000 random customers plus the scenario customers (e.g. 563457).');
  lines.push(`Demo OAuth clients: ${DEMO_CLIENT.id} / ${DEMO_CLIENT.secret} and ${DEMO_CLIENT_2.id} / ${DEMO_CLIENT_2.secret} (confidential), ${DEMO_SPA.id} (public, PKCE).`);
  return lines.join('\n');
}

/** The flag's values if given, else the variable's comma-separated values: a flag beats its variable. */
function applyRepeatable(config: MockConfig, spec: FlagSpec, name: string, fromFlags: string[] | undefined, fromEnv: string | undefined): void {
  if (fromFlags !== undefined) {
    for (const raw of fromFlags) spec.apply(config, raw, `--${name}`);
  } else if (fromEnv !== undefined && fromEnv.trim() !== '') {
    for (const raw of fromEnv.split(',')) spec.apply(config, raw, `environment variable ${spec.env}`);
  }
}

/** A parser's `Error` as a `ConfigError` that names where the value came from. */
function wrapped<T>(parse: () => T, source: string): T {
  try {
    return parse();
  } catch (error) {
    throw new ConfigError(`${source}: ${(error as Error).message}.`);
  }
}

/** A header value: visible ASCII and inner spaces only (RFC 9110 §5.5), so it can go out as given. */
function headerValue(raw: string, source: string): string {
  const value = raw.trim();
  if (!/^[\x21-\x7e]([\x20-\x7e]{0,98}[\x21-\x7e])?$/.test(value)) {
    throw new ConfigError(`${source} must be 1 to 100 visible ASCII characters, not "${raw}".`);
  }
  return value;
}

function fraction(raw: string, source: string): number {
  const value = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(value) || value < 0 || value > 1) {
    throw new ConfigError(`${source} must be a number from 0 to 1, not "${raw}".`);
  }
  return value;
}

function oneOf<T extends string>(raw: string, source: string, allowed: readonly T[]): T {
  const value = raw.trim().toLowerCase();
  if (!(allowed as readonly string[]).includes(value)) {
    throw new ConfigError(`${source} must be one of ${allowed.join(', ')}, not "${raw}".`);
  }
  return value as T;
}

function boolean(raw: string, source: string): boolean {
  const value = raw.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(value)) return true;
  if (['0', 'false', 'no', 'off'].includes(value)) return false;
  throw new ConfigError(`${source} must be true or false, not "${raw}".`);
}


import { parseArgs } from 'node:util';
import { readDataFile, type EnvironmentData } from './data-file.ts';

/** What the runner was asked to do, after flags and `CONTRACT_*` variables are merged. */
export interface ContractOptions {
  baseUrl: string;
  tokenUrl: string;
  /** False when `tokenUrl` is the default, which the runner may move to the origin (see target.ts). */
  tokenUrlGiven: boolean;
  clientId: string;
  clientSecret: string;
  clientToken?: string;
  userToken?: string;
  userLoginHint?: string;
  allowWrites: boolean;
  reportDir: string;
  adminToken?: string;
  /** Any skipped check fails the run (`--fail-on-skip`). */
  failOnSkip: boolean;
  /** More skipped checks than this fail the run (`--max-skipped N`). */
  maxSkipped?: number;
  /** No skip budget at all (`--allow-skips`); without it and `--max-skipped`, a quarter of the checks. */
  allowSkips: boolean;
  /** Seconds to wait for the target's readiness before the run (`--wait-for-target`). */
  waitForTargetSeconds?: number;
  /**
   * A second registered OAuth client: a code of the run's client exchanged by it must be refused.
   * With the demo client and no `--other-client`, the mock's second demo client (`given: false`).
   */
  otherClient?: { clientId: string; clientSecret: string; given: boolean };
  /** Facts of a real test environment the run cannot arrange itself (`--data FILE`). */
  data: EnvironmentData;
  dataFile?: string;
}

/** A usage error: the CLI prints it with the help hint and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The mock's second confidential demo client (README): the default `--other-client` beside the demo client. */
export const DEMO_OTHER_CLIENT = { clientId: 'demo-client-2', clientSecret: 'demo-secret-2' } as const;

/** Flag name → environment variable, in the order `--help` lists them. */
const FLAGS = {
  'base-url': { env: 'CONTRACT_BASE_URL', help: 'the server to test, e.g. https://api-test.mediaconnect.no/capi (required)' },
  'token-url': { env: 'CONTRACT_TOKEN_URL', help: 'OAuth2 token endpoint (default: BASE/user/oauth/token)' },
  'client-id': { env: 'CONTRACT_CLIENT_ID', help: 'client for the client credentials grant (default: demo-client)' },
  'client-secret': { env: 'CONTRACT_CLIENT_SECRET', help: 'its secret (default: demo-secret)' },
  'client-token': { env: 'CONTRACT_CLIENT_TOKEN', help: 'a client-mode bearer to use instead of fetching one' },
  'user-token': { env: 'CONTRACT_USER_TOKEN', help: 'a user-mode bearer (from the authorization code flow)' },
  'user-login-hint': { env: 'CONTRACT_USER_LOGIN_HINT', help: 'log a user in via BASE/user/oauth/authorize?login_hint=… (targets that support it, e.g. the mock)' },
  'allow-writes': { env: 'CONTRACT_ALLOW_WRITES', help: 'allow the update checks against a real server; they restore what they change' },
  'report-dir': { env: 'CONTRACT_REPORT_DIR', help: 'where junit.xml and summary.md go (default: reports/contract)' },
  'admin-token': { env: 'CONTRACT_ADMIN_TOKEN', help: "the mock's --admin-token, when its admin API is guarded" },
  'other-client': { env: 'CONTRACT_OTHER_CLIENT', help: `ID:SECRET of a second OAuth client, to check that a code is bound to the client it was issued to (default with the demo client: ${DEMO_OTHER_CLIENT.clientId}:${DEMO_OTHER_CLIENT.clientSecret}, the mock's second demo client)` },
  'max-skipped': { env: 'CONTRACT_MAX_SKIPPED', help: 'more skipped checks than N fail the run (default: more than a quarter of the checks)' },
  'allow-skips': { env: 'CONTRACT_ALLOW_SKIPS', help: 'any number of skipped checks is fine (default: more than a quarter fails the run)' },
  'fail-on-skip': { env: 'CONTRACT_FAIL_ON_SKIP', help: 'a skipped check fails the run (the same as --max-skipped 0)' },
  data: { env: 'CONTRACT_DATA', help: 'a JSON file of facts of your test environment (shared phone, two customers at one address, a product holder); see contracts/README.md in the package' },
  'wait-for-target': { env: 'CONTRACT_WAIT_FOR_TARGET', help: 'wait up to SECONDS for the target to be ready (BASE/healthz, else the base URL, answering below 500), e.g. a mock started in the same CI step' },
} as const;


type Flag = keyof typeof FLAGS;
const BOOLEAN_FLAGS = new Set<Flag>(['allow-writes', 'fail-on-skip', 'allow-skips']);

export const HELP = `Usage: connect-contract --base-url URL [options]
       (in a checkout of the kit: npm run contract -- --base-url URL [options])

Runs the Dredd and semantic contract suites against any server that claims to be the Connect
Customer API, and writes DIR/junit.xml, DIR/summary.md (with a coverage table) and DIR/results.json.
Exit code: 0 when every check passed and no more than a quarter were skipped (--max-skipped,
--allow-skips and --fail-on-skip set the budget), 1 when a check failed or too many were skipped
(the run names what to give to run them), 2 for bad flags or a target that cannot be reached
(junit.xml then holds one failed case saying why). The last line says how much was tested:
N passed, M failed, K skipped (P % of the checks ran).

Options (each also from the environment variable shown):
${(Object.keys(FLAGS) as Flag[])
  .map((flag) => {
    const value = BOOLEAN_FLAGS.has(flag) ? '' : ' VALUE';
    return `  --${flag}${value}\n      ${FLAGS[flag].help}  [${FLAGS[flag].env}]`;
  })
  .join('\n')}
  --help
      this text

Against a server with the mock's /__admin API the runner seeds its own customers and may write to
them; against any other server it discovers data from the user's own customer
(GET /v1/customer/info), writes only with --allow-writes, and lists every skipped check with its
reason. Against the mock it removes every customer it seeded when it finishes.

Every option, the reports, the rules checked and the skip list: contracts/README.md and
docs/contract-rules.md, in the package (node_modules/connect-customer-api-kit/).`;

/** Reads flags and `CONTRACT_*` variables (flags win). Throws `UsageError` on anything off. */
export function parseContractOptions(argv: string[], env: NodeJS.ProcessEnv = process.env): ContractOptions | 'help' {
  const options = Object.fromEntries(
    (Object.keys(FLAGS) as Flag[]).map((flag) => [flag, { type: BOOLEAN_FLAGS.has(flag) ? 'boolean' : 'string' }]),
  ) as Record<Flag, { type: 'string' | 'boolean' }>;
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean' } }, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';
  const get = (flag: Flag): string | undefined => {
    const value = values[flag] ?? env[FLAGS[flag].env];
    if (value === '') return undefined;
    return typeof value === 'boolean' ? String(value) : value;
  };
  return buildOptions(get);
}

function buildOptions(get: (flag: Flag) => string | undefined): ContractOptions {
  const baseUrl = get('base-url');
  if (!baseUrl) throw new UsageError('--base-url (or CONTRACT_BASE_URL) is required');
  const base = checkUrl('--base-url', baseUrl).replace(/\/+$/, '');
  if (get('user-token') && get('user-login-hint')) {
    throw new UsageError('give either --user-token or --user-login-hint, not both');
  }
  if (Boolean(get('client-id')) !== Boolean(get('client-secret'))) {
    throw new UsageError('--client-id and --client-secret go together');
  }
  const allowWrites = booleanOf(get, 'allow-writes');
  const failOnSkip = booleanOf(get, 'fail-on-skip');
  const maxSkipped = get('max-skipped');
  if (maxSkipped !== undefined && !/^\d+$/.test(maxSkipped)) {
    throw new UsageError(`--max-skipped takes a whole number of checks (0 or more), not "${maxSkipped}"`);
  }
  const allowSkips = booleanOf(get, 'allow-skips');
  if (allowSkips && (maxSkipped !== undefined || failOnSkip)) throw new UsageError('--allow-skips cannot go with --max-skipped or --fail-on-skip');
  const wait = get('wait-for-target');
  if (wait !== undefined && (!/^\d+$/.test(wait) || Number(wait) < 1)) {
    throw new UsageError(`--wait-for-target takes a whole number of seconds (1 or more), not "${wait}"`);
  }
  const dataFile = get('data');
  const other = get('other-client');
  if (other !== undefined && !/^[^:]+:.+$/.test(other)) throw new UsageError(`--other-client takes ID:SECRET, not "${other}"`);
  const otherClient = other !== undefined
    ? { clientId: other.slice(0, other.indexOf(':')), clientSecret: other.slice(other.indexOf(':') + 1), given: true }
    : get('client-id') === undefined ? { ...DEMO_OTHER_CLIENT, given: false } : undefined;
  return {
    baseUrl: base,
    tokenUrl: checkUrl('--token-url', get('token-url') ?? `${base}/user/oauth/token`),
    tokenUrlGiven: get('token-url') !== undefined,
    clientId: get('client-id') ?? 'demo-client',
    clientSecret: get('client-secret') ?? 'demo-secret',
    clientToken: get('client-token'),
    userToken: get('user-token'),
    userLoginHint: get('user-login-hint'),
    allowWrites,
    reportDir: get('report-dir') ?? 'reports/contract',
    adminToken: get('admin-token'),
    failOnSkip,
    allowSkips,
    ...(otherClient ? { otherClient } : {}),
    ...(maxSkipped === undefined ? {} : { maxSkipped: Number(maxSkipped) }),
    ...(wait === undefined ? {} : { waitForTargetSeconds: Number(wait) }),
    data: dataFile === undefined ? {} : dataOf(dataFile),
    ...(dataFile === undefined ? {} : { dataFile }),
  };
}

function booleanOf(get: (flag: Flag) => string | undefined, flag: Flag): boolean {
  const value = get(flag);
  if (value !== undefined && !['true', 'false', '1', '0'].includes(value)) {
    throw new UsageError(`${FLAGS[flag].env} must be true or false, not "${value}"`);
  }
  return value === 'true' || value === '1';
}

function dataOf(file: string): EnvironmentData {
  try {
    return readDataFile(file);
  } catch (error) {
    throw new UsageError(`--data ${file}: ${(error as Error).message}`);
  }
}

function checkUrl(flag: string, value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`${flag}: "${value}" is not a URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${flag}: only http and https URLs`);
  return value;
}

/**
 * `npm start`: flags and environment → config → listen, then a banner that tells a developer how
 * to get going (docs/reference.md §4). Thin on purpose; the work is in `startMock`.
 */
import { ConfigError, DEMO_CLIENT, DEMO_CLIENT_2, DEMO_SPA, helpText, parseMockConfig, type MockConfig } from './config.ts';
import cluster from 'node:cluster';
import { consoleLogger } from './http/components.ts';
import { withoutPassword } from './config/redis-flags.ts';
import type { BannerSample } from './banner-sample.ts';
import { FixtureError } from '../fixtures/validate-record.ts';
import { StateFileLockedError } from './persistence/state-lock.ts';

async function main(): Promise<void> {
  let config: MockConfig;
  try {
    // `npm start` logs its requests unless told otherwise (an empty MOCK_LOG is unset, as for every
    // variable); `startMock`, for tests, does not.
    const parsed = parseMockConfig(process.argv.slice(2), { ...process.env, MOCK_LOG: process.env.MOCK_LOG || 'pretty' });
    if (parsed.help) {
      console.log(helpText());
      return;
    }
    config = parsed.config;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`error: ${error.message}`);
    process.exitCode = 2;
    return;
  }
  if (config.workers > 1 && cluster.isPrimary) {
    const { runWorkers } = await import('./workers.ts');
    runWorkers(config.workers);
    return;
  }
  const started = Date.now();
  // Loaded after the flags are read, so --help and flag errors answer at once.
  const { startMock } = await import('./server.ts');
  const { bannerSample } = await import('./banner-sample.ts');
  const mock = await startMock(config, { logger: consoleLogger });
  // Of the workers of --workers, the first says how to get going; they all serve the same.
  if (cluster.worker === undefined || cluster.worker.id === 1) console.log(banner(mock.url, mock.store.size, config, Date.now() - started, bannerSample(mock.store)));
  const stop = (signal: string) => {
    console.log(`\n${signal}: closing the mock`);
    mock.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

function banner(url: string, customers: number, config: MockConfig, ms: number, sample: BannerSample | undefined): string {
  const basic = `${DEMO_CLIENT.id}:${DEMO_CLIENT.secret}`;
  const redirect = 'http://localhost:3000/callback';
  const authorize = `${url}/user/oauth/authorize?response_type=code&client_id=${DEMO_CLIENT.id}&redirect_uri=${encodeURIComponent(redirect)}&state=xyz`;
  const data = config.redis
    ? `shared in Redis at ${withoutPassword(config.redis)} under ${config.redisPrefix}:*${config.workers > 1 ? `, ${config.workers} worker processes` : ''}`
    : config.stateFile
    ? `kept in ${config.stateFile}`
    : config.fixtures
      ? `from ${config.fixtures}`
      : `seed ${config.seed}, ${config.count} random + scenario customers`;
  return `Connect Customer API mock on ${url}  (${customers} customers, ${data}; ready in ${ms} ms)

${config.admin ? `Console: ${url}/__admin/console  (browse, edit and seed customers; start page: ${url}/)\n` : ''}API reference: ${url}/docs  (the spec: ${url}/openapi.yaml, ${url}/openapi.json)
Demo OAuth clients: ${DEMO_CLIENT.id} / ${DEMO_CLIENT.secret}, ${DEMO_CLIENT_2.id} / ${DEMO_CLIENT_2.secret}; public (PKCE): ${DEMO_SPA.id}${ownClients(config)}
Browser apps: CORS ${corsLine(config)}; OAuth metadata at ${url}/.well-known/oauth-authorization-server
Rate limits: ${config.rateLimit ? `${config.rateLimits.perSecond}/s and ${config.rateLimits.perMinute}/min per client` : 'off'}; admin API: ${config.admin ? `${url}/__admin${config.adminToken ? ' (needs the admin token)' : ''}` : 'off'}

${examples(url, basic, redirect, authorize, sample)}

Ctrl-C to stop.`;
}

/** The banner's `curl` lines, for a customer of the data actually loaded (banner-sample.ts). */
function examples(url: string, basic: string, redirect: string, authorize: string, sample: BannerSample | undefined): string {
  if (!sample) return `No customers are loaded: add some with POST ${url}/__admin/customers or the console.`;
  const client = `Client token and client info for ${sample.customerNumber}:
  TOKEN=$(curl -s -u ${basic} -d grant_type=client_credentials ${url}/user/oauth/token | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')
  curl -s -H "Authorization: Bearer $TOKEN" ${url}/v1/client/customer/info/${sample.customerNumber}`;
  if (sample.credential === undefined) return client;
  return `${client}

User token:
  - in a browser: ${authorize}
  - or skip the login page: add &login_hint=${sample.credential} and exchange the code:
      curl -s -u ${basic} -d grant_type=authorization_code -d code=CODE -d redirect_uri=${redirect} ${url}/user/oauth/token
  - or directly: curl -s -X POST -H 'Content-Type: application/json' -d '{"credential":"${sample.credential}"}' ${url}/__admin/tokens`;
}

/** The clients `--client` added, for the banner. */
function ownClients(config: MockConfig): string {
  const own = config.clients.filter((client) => ![DEMO_CLIENT.id, DEMO_CLIENT_2.id, DEMO_SPA.id].includes(client.id));
  return own.length ? `; yours: ${own.map((client) => `${client.id}${client.secret === undefined ? ' (public)' : ''}`).join(', ')}` : '';
}

function corsLine(config: MockConfig): string {
  return config.cors === 'any' ? 'for any origin' : config.cors === 'off' ? 'off' : `for ${config.cors.join(', ')}`;
}

main().catch((error: unknown) => {
  console.error('error: the mock could not start:', error instanceof Error ? error.message : error);
  // A fixture file that is missing or invalid is a bad --fixtures value: exit 2, like other bad flags.
  // So is a --state-file that another running mock holds, and a --redis that cannot be reached.
  const startError = error instanceof FixtureError || error instanceof StateFileLockedError || (error instanceof Error && error.name === 'RedisStartError');
  process.exit(startError ? 2 : 1);
});

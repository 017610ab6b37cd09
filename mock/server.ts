/**
 * Starts the mock on a port: the one entry point that tests, contract suites, fuzzing and
 * benchmarks import. Listens on 127.0.0.1 and a free port unless told otherwise.
 *
 * @example
 * const mock = await startMock({ rateLimit: false });
 * await fetch(`${mock.url}/healthz`);
 * await mock.close();
 */
import { createServer, type Server } from 'node:http';
import type { MockRequest, MockResponse } from './http/pipeline/exchange.ts';
import type { AddressInfo } from 'node:net';
import { type AppComponents, createApp } from './app.ts';
import { DEFAULT_CONFIG, type MockConfig } from './config.ts';
import type { CustomerStore } from './core/customer-store.ts';
import { silentLogger } from './http/components.ts';
import { clientErrorResponder, SERVER_MAX_HEADERS_COUNT, serverOptions } from './http/request-limits.ts';

type MockServer = Server<typeof MockRequest, typeof MockResponse>;

export interface RunningMock {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:41234`. */
  url: string;
  store: CustomerStore;
  config: MockConfig;
  close(): Promise<void>;
}

/**
 * `overrides` are merged over the defaults, with `port: 0` (a free port) unless given. Without a
 * `logger` component the mock is silent, as tests want; the CLI passes a console logger.
 */
export async function startMock(
  overrides: Partial<MockConfig> = {},
  components: Partial<AppComponents> = {},
): Promise<RunningMock> {
  const config: MockConfig = { ...DEFAULT_CONFIG, port: 0, ...overrides };
  const app = await createApp(config, { logger: silentLogger, ...components });
  // A connection that pipelines a read's worth of requests waits for the next turn (issue 16).
  const server = createServer({ ...serverOptions(config.limits), ...app.http.classes }, app.http.listener);
  // Oversized heads, non-HTTP bytes and slow clients get the API's error body too (issue 6).
  server.on('clientError', clientErrorResponder(config.limits, config.replicaName));
  server.maxHeadersCount = SERVER_MAX_HEADERS_COUNT;
  await listen(server, config.port, config.host).catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  const { port } = server.address() as AddressInfo;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    store: app.store,
    config,
    close: async () => {
      await close(server);
      await app.close();
    },
  };
}

function listen(server: MockServer, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

/** Stops accepting, ends idle keep-alive connections, and resolves when the server is closed. */
function close(server: MockServer): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
  });
}

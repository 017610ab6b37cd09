/**
 * Composition of the mock: config plus components in, a request listener out.
 * Every component has a default; a test passes its own clock to expire tokens, its own random
 * source to steer fault injection, its own store to start from known data.
 *
 * @example
 * const app = await createApp({ ...DEFAULT_CONFIG, count: 10 }, { clock: manualClock() });
 * http.createServer(app.http.classes, app.http.listener).listen(0, '127.0.0.1');
 */
import { FixtureError, generateCustomers, readFixtureEntries, readFixtureFile, validateRecord, writeFixtures } from '../fixtures/index.ts';
import type { MockConfig } from './config.ts';
import { CustomerStore } from './core/customer-store.ts';
import { errors } from './core/errors.ts';
import { loadSpec, listOperations, specValidators, type CustomerRecord } from '../spec/index.ts';
import type { CustomerSource } from './http/admin/admin-routes.ts';
import { type Clock, type Logger, type RandomSource, consoleLogger, seededRandom, systemClock } from './http/components.ts';
import { createHttpApp, type HttpApp } from './http/create-http-app.ts';
import { type Handler, handlers as defaultHandlers } from './http/handlers.ts';
import { TokenStore } from './http/oauth/token-store.ts';
import { openDurableStore } from './persistence/durable-store.ts';
import type { WriteBarrier } from './persistence/write-barrier.ts';
import { loadFixtureFile } from './load/load-fixture-file.ts';
import type { Writable } from 'node:stream';
import { observeExchanges } from './http/journal/observe-exchange.ts';
import type { MockContext } from './http/pipeline/context.ts';
import { requestLog } from './http/request-log.ts';
import { sessionContexts } from './http/sessions/session-context.ts';
import { SessionRegistry } from './http/sessions/session-registry.ts';
import { appMetrics, type StateHealth } from './http/metrics/metrics-registry.ts';
import type { DataSource } from './state/ops.ts';
import { memorySide } from './state/memory-side.ts';
import type { StateSide } from './state/state-side.ts';

export interface AppComponents {
  store: CustomerStore;
  clock: Clock;
  random: RandomSource;
  logger: Logger;
  /** The operation handlers by operationId; a test swaps them to check the registry rule. */
  handlers: Record<string, Handler>;
  /** Where `--log` writes; standard output unless a test reads the lines. */
  logStream: Writable;
  /** The state backend's health for `/metrics`; memory and a state file are always up. */
  stateHealth: () => StateHealth;
}

export interface MockApp {
  http: HttpApp;
  store: CustomerStore;
  tokens: TokenStore;
  /** Flushes and closes the state file (`--state-file`); nothing to do in memory. */
  close(): Promise<void>;
}

export async function createApp(config: MockConfig, components: Partial<AppComponents> = {}): Promise<MockApp> {
  const clock = components.clock ?? systemClock;
  const source = customerSource(config);
  const logger = components.logger ?? consoleLogger;
  // --state-file: the store comes from the file when it exists, and every change is journaled.
  const durable = config.stateFile
    ? await openDurableStore(config.stateFile, { defaults: source.defaults, store: components.store, validate: source.validate, logger })
    : undefined;
  const store = durable?.store ?? components.store ?? (await initialStore(config));
  const tokens = new TokenStore(clock, config.tokenTtl, { refreshTtlSeconds: config.refreshTtl });
  // The state seam (docs/decisions/037): chosen here, once; everything below is handed its parts.
  const side = await stateSide(config, clock, logger, durable?.journal);
  const root: MockContext = {
    config,
    store,
    tokens,
    commit: side.commitFor(''),
    limiter: side.limiterFor(''),
    logger,
    basePath: '',
    journal: side.journalFor(''),
  };
  // Shared sessions end when deleted: each process would see a different idle time (docs/decisions/037).
  const ttlSeconds = side.kind === 'redis' ? Infinity : config.sessionTtl;
  const sessions = new SessionRegistry(clock, { ttlSeconds, maxSessions: config.maxSessions }, sessionContexts(root, clock, side));
  try {
    await side.start({ root, sessions, records: (data) => recordsOf(source, data) });
  } catch (error) {
    await side.close();
    throw error;
  }
  const metrics = appMetrics(config, root, sessions, components.stateHealth ?? (() => ({ backend: side.kind, healthy: side.healthy() })));
  const observe = observeExchanges(config.journalSize > 0, requestLog(config.log, components.logStream), metrics?.count);
  const http = createHttpApp({
    config,
    root,
    random: components.random ?? seededRandom(config.seed),
    validators: specValidators(),
    operations: listOperations(loadSpec()),
    handlers: components.handlers ?? defaultHandlers,
    customers: source,
    sessions,
    observe,
    metrics,
    state: side,
  });
  return {
    http,
    store,
    tokens,
    close: async () => {
      sessions.endAll();
      tokens.close();
      await side.close();
      await durable?.close();
    },
  };
}

/** The fixtures module behind the admin API and the start: a file when `--fixtures` is set, else the generator. */
export function customerSource(config: MockConfig): CustomerSource {
  return {
    defaults: async () => (config.fixtures ? await readAll(config.fixtures) : [...generateCustomers(config)]),
    generate: (seed, count) => {
      try {
        return [...generateCustomers({ seed, count })];
      } catch (error) {
        throw errors.validation(`body: ${(error as Error).message}.`);
      }
    },
    validate: (value, label) => {
      try {
        return validateRecord(value, label);
      } catch (error) {
        if (error instanceof FixtureError) throw errors.validation(error.message);
        throw error;
      }
    },
    write: (records, stream) => writeFixtures(records, stream),
  };
}

/** The side of the state seam the flags ask for; Redis' client is loaded only when it is used. */
async function stateSide(config: MockConfig, clock: Clock, logger: Logger, barrier: WriteBarrier | undefined): Promise<StateSide> {
  if (config.redis === undefined) return memorySide(config, clock, barrier);
  const { redisSide } = await import('./state/redis/redis-side.ts');
  return redisSide(config, clock, logger);
}

function recordsOf(source: CustomerSource, data: DataSource): Iterable<CustomerRecord> | Promise<Iterable<CustomerRecord>> {
  if (data.kind === 'defaults') return source.defaults();
  return data.kind === 'generate' ? source.generate(data.seed, data.count) : data.customers;
}

async function readAll(path: string): Promise<CustomerRecord[]> {
  const records: CustomerRecord[] = [];
  for await (const record of readFixtureFile(path)) records.push(record);
  return records;
}

/**
 * Records go into the store as they are read, so that a million never sit in memory as objects;
 * a small batch lets them die in the young generation (10,000, ~25 MB, outlived scavenges).
 */
const LOAD_BATCH = 256;

/**
 * The store at start (docs/decisions/019): from `--fixtures`, streamed in batches through the
 * store's own write path (a million parsed records held at once cost gigabytes and much of the
 * load time in garbage collection), else generated, which is lazy already.
 */
async function initialStore(config: MockConfig): Promise<CustomerStore> {
  if (!config.fixtures) return new CustomerStore(generateCustomers(config));
  // The one-record-per-line layout loads on several threads (docs/decisions/020); any other valid
  // file is read here, by the fixture reader, which parses it whole.
  const loaded = await loadFixtureFile(config.fixtures);
  if (loaded) return loaded;
  const store = new CustomerStore();
  let batch: CustomerRecord[] = [];
  let texts: (string | undefined)[] = [];
  // Each line's text goes along, so the store need not stringify the record again.
  for await (const { record, json } of readFixtureEntries(config.fixtures)) {
    batch.push(record);
    texts.push(json);
    if (batch.length === LOAD_BATCH) {
      store.upsert(batch, texts);
      batch = [];
      texts = [];
    }
  }
  store.upsert(batch, texts);
  return store;
}

/**
 * `GET /metrics`: one prom-client `Registry` per app (never the global default, so two mocks in
 * one process do not share counts), read from the request counts (request-counts.ts) and, when
 * scraped, from the state: customers, sessions, outstanding OAuth codes and tokens, journal size,
 * and the state backend's health. Series of the root have `session=""`; a test session's carry its id.
 */
import { Counter, Gauge, Registry } from 'prom-client';
import type { MockConfig } from '../../config.ts';
import type { MockContext } from '../pipeline/context.ts';
import type { MockRequest, MockResponse } from '../pipeline/exchange.ts';
import type { SessionRegistry } from '../sessions/session-registry.ts';
import { durationHistogram } from './duration-histogram.ts';
import { type ContextSeries, NO_STATUS, RequestCounts, sessionOf } from './request-counts.ts';

/** The state backend and whether it answers; memory and a state file always do. */
export interface StateHealth {
  backend: string;
  healthy: boolean;
}

export interface MetricsSources {
  root: MockContext;
  /** The live test sessions' contexts. */
  sessions: () => Iterable<MockContext>;
  stateHealth: () => StateHealth;
}

export interface MockMetrics {
  counts: RequestCounts;
  registry: Registry;
  /** The exchange observer's hook (journal/observe-exchange.ts): counts one answered exchange. */
  count: (req: MockRequest, res: MockResponse, ms: number) => void;
}

/**
 * The app's metrics: with the admin API, whose surface `/metrics` is part of (docs/decisions/043),
 * unless `--no-metrics`; else none, and nothing is counted. `stateHealth` defaults to the in-process backends, always up.
 */
export function appMetrics(config: Pick<MockConfig, 'admin' | 'metrics' | 'stateFile'>, root: MockContext, sessions: SessionRegistry, stateHealth?: () => StateHealth): MockMetrics | undefined {
  if (!config.admin || !config.metrics) return undefined;
  const backend = config.stateFile ? 'file' : 'memory';
  return createMetrics({
    root,
    sessions: () => sessions.list().map((session) => session.context),
    stateHealth: stateHealth ?? (() => ({ backend, healthy: true })),
  });
}

export const METRICS_PATH = '/metrics';
const PREFIX = 'connect_mock_';

export function createMetrics(sources: MetricsSources): MockMetrics {
  const counts = new RequestCounts(METRICS_PATH);
  const registry = new Registry();
  let live: MockContext[] = [];
  let contexts: ContextSeries[] = [];
  // The first collector (prom-client collects in registration order) takes the state once a scrape.
  const sessions = new Gauge({
    name: `${PREFIX}sessions`,
    help: 'Test sessions alive (/__sessions/{id}).',
    registers: [registry],
    collect() {
      live = [sources.root, ...sources.sessions()];
      contexts = [...counts.contexts(new Set(live.map(sessionOf)))];
      this.set(live.length - 1);
    },
  });
  void sessions;
  new Counter({
    name: `${PREFIX}requests_total`,
    help: 'Requests answered, by operation (operationId, or method and path of the mock\'s other routes) and status ("0": a network fault sent none).',
    labelNames: ['operation', 'status', 'session'],
    registers: [registry],
    collect() {
      this.reset();
      for (const context of contexts) {
        for (const series of context.routes.values()) {
          if (series.skipped) continue;
          for (const [status, count] of series.statuses) this.inc({ operation: series.operation, status: status === NO_STATUS ? '0' : status, session: context.session }, count);
        }
      }
    },
  });
  registry.registerMetric(durationHistogram(`${PREFIX}request_duration_seconds`, 'Answer time by operation, from the request\'s arrival to its last byte.', () => contexts));
  new Counter({
    name: `${PREFIX}rate_limited_total`,
    help: 'Requests answered 429, by client id.',
    labelNames: ['client', 'session'],
    registers: [registry],
    collect() {
      this.reset();
      for (const context of contexts) for (const [client, count] of context.limited) this.inc({ client, session: context.session }, count);
    },
  });
  new Counter({
    name: `${PREFIX}faults_total`,
    help: 'Network faults put on the wire (Prefer: fault=…, --fault-kind), by operation and kind.',
    labelNames: ['operation', 'kind', 'session'],
    registers: [registry],
    collect() {
      this.reset();
      for (const context of contexts) {
        for (const series of context.routes.values()) for (const [kind, count] of series.faults) this.inc({ operation: series.operation, kind, session: context.session }, count);
      }
    },
  });
  stateGauges(registry, () => live, sources.stateHealth);
  return { counts, registry, count: (req, res, ms) => counts.count(req, res, ms) };
}

function stateGauges(registry: Registry, live: () => MockContext[], stateHealth: () => StateHealth): void {
  new Gauge({
    name: `${PREFIX}customers`,
    help: 'Customers in the store.',
    labelNames: ['session'],
    registers: [registry],
    collect() {
      this.reset();
      for (const context of live()) this.set({ session: sessionOf(context) }, context.store.size);
    },
  });
  new Gauge({
    name: `${PREFIX}oauth_outstanding`,
    help: 'OAuth codes and tokens issued and not yet expired or spent, by kind.',
    labelNames: ['kind', 'session'],
    registers: [registry],
    collect() {
      this.reset();
      for (const context of live()) {
        const sizes = context.tokens.sizes();
        const session = sessionOf(context);
        this.set({ kind: 'access_token', session }, sizes.access ?? 0);
        this.set({ kind: 'refresh_token', session }, sizes.refresh ?? 0);
        this.set({ kind: 'code', session }, sizes.codes ?? 0);
      }
    },
  });
  new Gauge({
    name: `${PREFIX}journal_entries`,
    help: 'Requests held in the request journal.',
    labelNames: ['session'],
    registers: [registry],
    async collect() {
      this.reset();
      // A journal in Redis is counted there (one LLEN a context).
      const counts = await Promise.all(live().map(async (context) => [sessionOf(context), (await context.journal?.held()) ?? 0] as const));
      for (const [session, held] of counts) this.set({ session }, held);
    },
  });
  new Gauge({
    name: `${PREFIX}state_backend_up`,
    help: 'Whether the state backend answers (1) or not (0).',
    labelNames: ['backend'],
    registers: [registry],
    collect() {
      this.reset();
      const { backend, healthy } = stateHealth();
      this.set({ backend }, healthy ? 1 : 0);
    },
  });
}

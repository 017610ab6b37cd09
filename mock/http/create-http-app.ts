/**
 * The mock's HTTP surface, assembled once at start: one route table (health, OAuth2, the admin
 * API, the spec's operations) and one edge, the request listener, through which every request of
 * every configuration passes (docs/decisions/021). Express is the application: `node:http` makes
 * each request and response from Express's prototypes (pipeline/exchange.ts), so handlers may use
 * its request and response methods; routing, body reading and answers are the pipeline's own.
 */
import express from 'express';
import type { MockConfig } from '../config.ts';
import type { Operation, SpecValidators } from '../../spec/index.ts';
import { addAdminRoutes, type CustomerSource } from './admin/admin-routes.ts';
import type { RandomSource } from './components.ts';
import type { Handler } from './handlers.ts';
import { addDocsRoutes } from './docs/docs-routes.ts';
import { addLandingRoutes } from './console/landing-page.ts';
import { addConsoleRoutes } from './console/console-routes.ts';
import { addOAuthRoutes } from './oauth/oauth-routes.ts';
import { addOperationRoutes } from './operation-routes.ts';
import type { MockContext } from './pipeline/context.ts';
import { corsGate } from './pipeline/cors.ts';
import { takingTurns } from './connection-turns.ts';
import { edgeListener } from './pipeline/edge.ts';
import { type ExchangeClasses, exchangeClasses } from './pipeline/exchange.ts';
import { RouteTable } from './pipeline/route-table.ts';
import { sendJson } from './send-json.ts';
import { addJournalRoutes } from './journal/journal-routes.ts';
import type { ExchangeObserver } from './journal/observe-exchange.ts';
import { addMetricsRoute } from './metrics/metrics-route.ts';
import type { MockMetrics } from './metrics/metrics-registry.ts';
import { addSessionRoutes } from './sessions/session-routes.ts';
import type { SessionRegistry } from './sessions/session-registry.ts';
import type { StateSide } from '../state/state-side.ts';

export interface HttpAppDeps {
  config: MockConfig;
  /** The root's components; every request is served with these today. */
  root: MockContext;
  random: RandomSource;
  validators: SpecValidators;
  operations: readonly Operation[];
  handlers: Record<string, Handler>;
  customers: CustomerSource;
  /** The test sessions served under `/__sessions/{id}`. */
  sessions: SessionRegistry;
  /** The journal's and the request log's hook on every answer; `undefined` when both are off. */
  observe: ExchangeObserver | undefined;
  /** `GET /metrics`, served with the admin API; its counts are taken by `observe`. */
  metrics?: MockMetrics | undefined;
  /** The side of the state seam (docs/decisions/037): `/healthz` names it, the edge runs its refresh. */
  state: StateSide;
}

export interface HttpApp {
  /** The request and response classes to give `node:http`'s `createServer`. */
  classes: ExchangeClasses;
  listener: (req: InstanceType<ExchangeClasses['IncomingMessage']>, res: InstanceType<ExchangeClasses['ServerResponse']>) => void;
}

export function createHttpApp(deps: HttpAppDeps): HttpApp {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  const table = new RouteTable();
  // The process id tells the processes of `--workers` apart.
  table.add('GET', '/healthz', [(req, res) => sendJson(res, 200, { status: 'ok', customers: req.context!.store.size, state: deps.state.kind, pid: process.pid })]);
  addDocsRoutes(table);
  addLandingRoutes(table, deps.config.admin);
  addOAuthRoutes(table, deps.config.clients);
  if (deps.config.admin) {
    addConsoleRoutes(table);
    addAdminRoutes(table, deps.config, deps.customers, (route) => {
      addJournalRoutes(route);
      addSessionRoutes(route, deps.sessions, deps.customers);
    });
    if (deps.metrics) addMetricsRoute(table, deps.config, deps.metrics);
  }
  addOperationRoutes(table, deps.operations, {
    validators: deps.validators,
    handlers: deps.handlers,
    faultRate: deps.config.faultRate,
    faultKinds: deps.config.faultKinds,
    random: deps.random,
  });
  return {
    classes: exchangeClasses(app),
    // Connections take turns before anything else (connection-turns.ts), whoever serves the listener.
    listener: takingTurns(
      edgeListener(table, deps.root, deps.config.limits, corsGate(deps.config.cors), {
        sessions: deps.sessions,
        observe: deps.observe,
        refresh: deps.state.refresh,
        replica: deps.config.replicaName,
      }),
    ),
  };
}

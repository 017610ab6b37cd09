/**
 * The mock's HTTP surface, assembled (the only module tree that imports Express, STYLE.md):
 * health, OAuth2, the admin API, the spec's operations, a 404 for anything else, and the one error
 * handler. Returns a plain request listener for `node:http`.
 */
import type { RequestListener } from 'node:http';
import express from 'express';
import type { MockConfig } from '../config.ts';
import type { CustomerStore } from '../core/customer-store.ts';
import { errors } from '../core/errors.ts';
import type { Operation, SpecValidators } from '../../spec/index.ts';
import type { WriteBarrier } from '../persistence/write-barrier.ts';
import { adminRoutes, type CustomerSource } from './admin/admin-routes.ts';
import type { Logger, RandomSource } from './components.ts';
import { errorHandler } from './error-handler.ts';
import type { Handler } from './handlers.ts';
import { oauthRoutes } from './oauth/oauth-routes.ts';
import type { TokenStore } from './oauth/token-store.ts';
import { fastReads } from './fast-reads.ts';
import { API_PREFIXES, operationRoutes } from './operation-routes.ts';
import type { RateLimiter } from './rate-limiter.ts';

export interface HttpAppDeps {
  config: MockConfig;
  store: CustomerStore;
  tokens: TokenStore;
  limiter: RateLimiter | undefined;
  random: RandomSource;
  logger: Logger;
  validators: SpecValidators;
  operations: readonly Operation[];
  handlers: Record<string, Handler>;
  customers: CustomerSource;
  /** With `--state-file`: writes are answered only once on disk (docs/decisions/016). */
  barrier?: WriteBarrier | undefined;
}

export function createHttpApp(deps: HttpAppDeps): RequestListener {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.get('/healthz', (_req, res) => {
    res.status(200).json({ status: 'ok', customers: deps.store.size });
  });
  app.use(oauthRoutes({ clients: deps.config.clients, store: deps.store, tokens: deps.tokens }));
  if (deps.config.admin) app.use('/__admin', adminRoutes(deps));
  const context = { store: deps.store, config: deps.config };
  app.use(
    operationRoutes(deps.operations, {
      validators: deps.validators,
      handlers: deps.handlers,
      context,
      tokens: deps.tokens,
      limiter: deps.limiter,
      random: deps.random,
      barrier: deps.barrier,
    }),
  );
  app.use((req, _res, next) => next(errors.routeNotFound(req.method, req.path)));
  app.use(errorHandler(deps.logger));
  const fast = fastReads({ ...deps, context, prefixes: API_PREFIXES });
  // Plain reads skip Express (fast-reads.ts, docs/decisions/018); everything else goes through it.
  return fast ? (req, res) => fast(req, res) || app(req, res) : app;
}

/**
 * Where every request enters: the one request listener of the mock's server. It splits path and
 * query, chooses the context the request is served with (a test session's for a path under
 * `/__sessions/{id}`, whose prefix is then dropped), applies CORS, refuses a request target over
 * the URL limit (414), finds the route with one table lookup, decodes the path parameter, and runs
 * the route's steps. Anything that goes wrong on the way is answered by the one error writer.
 */
import type { HttpLimits } from '../../config.ts';
import { ApiError, errors } from '../../core/errors.ts';
import type { ExchangeObserver } from '../journal/observe-exchange.ts';
import { isSessionPath, type SessionRegistry } from '../sessions/session-registry.ts';
import type { MockContext } from './context.ts';
import type { CorsGate } from './cors.ts';
import type { MockRequest, MockResponse } from './exchange.ts';
import type { RouteTable } from './route-table.ts';
import { resume } from './run-steps.ts';
import { fail } from './send-error.ts';
import { hostCheck } from './host-check.ts';
import { MAX_HEADER_COUNT } from '../request-limits.ts';

/** What the edge may do besides routing: choose test sessions, and watch answers (journal, log). */
export interface EdgeOptions {
  sessions?: SessionRegistry | undefined;
  observe?: ExchangeObserver | undefined;
  /**
   * The state side's stage before routing (mock/state/state-side.ts): with Redis, this process
   * catches up with every change acknowledged anywhere. Absent in memory: no promise per request.
   */
  refresh?: ((req: MockRequest) => Promise<void>) | undefined;
  /** `--replica-name`: sent as `X-Mock-Replica` on every answer. */
  replica?: string | undefined;
}

export function edgeListener(
  table: RouteTable,
  root: MockContext,
  limits: HttpLimits,
  cors: CorsGate,
  options: EdgeOptions = {},
): (req: MockRequest, res: MockResponse) => void {
  const { sessions, observe, refresh, replica } = options;
  const refuseHost = hostCheck(root.config);
  const enter = (req: MockRequest, res: MockResponse): void => {
    req.res = res;
    req.context = root;
    observe?.(req, res);
    if (replica !== undefined) res.setHeader('X-Mock-Replica', replica);
    // Node keeps one header more than the limit (request-limits.ts), so "more" is seen, not dropped.
    const hostRefusal = req.rawHeaders.length > 2 * MAX_HEADER_COUNT ? errors.tooManyHeaders(MAX_HEADER_COUNT) : refuseHost(req);
    if (hostRefusal) {
      res.shouldKeepAlive = false;
      fail(req, res, hostRefusal);
      return;
    }
    const url = req.url ?? '/';
    if (refresh === undefined) {
      route(req, res, url);
      return;
    }
    refresh(req).then(
      () => route(req, res, url),
      (error: unknown) => fail(req, res, error),
    );
  };
  /** Chooses the context, finds the route and runs it. */
  const route = (req: MockRequest, res: MockResponse, url: string): void => {
    const query = url.indexOf('?');
    let path = query < 0 ? url : url.slice(0, query);
    if (query >= 0) req.search = url.slice(query + 1);
    if (sessions !== undefined && isSessionPath(path)) {
      const entered = sessions.enter(path);
      if (entered instanceof ApiError) {
        fail(req, res, entered);
        return;
      }
      req.context = entered.context;
      path = entered.path;
    }
    // CORS before routing: a preflight is answered here, for every path (cors.ts).
    if (cors(req, res, path)) return;
    // After CORS, so that a browser app can read the 414. Node decodes the request target as
    // latin1, one character a byte.
    if (url.length > limits.maxUrlBytes) {
      // The body is left unread, so the connection cannot be reused.
      res.shouldKeepAlive = false;
      fail(req, res, errors.uriTooLong(`${limits.maxUrlBytes / 1024} KiB`));
      return;
    }
    const method = req.method ?? 'GET';
    let match = table.find(method, path);
    // As Express routes by default: one trailing slash does not make another path.
    if (match.kind !== 'route' && path.length > 1 && path.endsWith('/')) match = table.find(method, path.slice(0, -1));
    req.pathname = path;
    if (match.kind === 'method') {
      fail(req, res, errors.methodNotAllowed(method, path, withHead(match.allowed)));
      return;
    }
    if (match.kind !== 'route') {
      const fallback = table.fallback(path);
      if (!fallback) {
        fail(req, res, errors.routeNotFound(method, path));
        return;
      }
      req.route = fallback;
      resume(req, res);
      return;
    }
    const route = match.route;
    req.route = route;
    if (match.value !== undefined) {
      try {
        req.params = { [route.param!]: decodeURIComponent(match.value) };
      } catch {
        fail(req, res, errors.validation('path: is not valid percent-encoding (RFC 3986 §2.1).'));
        return;
      }
    }
    resume(req, res);
  };
  return enter;
}

/** A path served by GET is served by HEAD too (route-table.ts). */
function withHead(allowed: readonly string[]): string[] {
  return allowed.includes('GET') && !allowed.includes('HEAD') ? [...allowed, 'HEAD'] : [...allowed];
}

/**
 * What `/metrics` counts about requests, kept as plain numbers where every answer passes (the
 * exchange observer, journal/observe-exchange.ts) and turned into Prometheus series only when
 * scraped (metrics-registry.ts). A request finds its series by two lookups on objects that live
 * on anyway (its context, its route) and a third on its status: nothing is made for it. prom-client's
 * own `inc`/`observe` hash a label object on every call, which is what this spares (docs/decisions/043).
 */
import { isConnectionFault } from '../faults/fault-kinds.ts';
import type { MockContext } from '../pipeline/context.ts';
import type { MockRequest, MockResponse } from '../pipeline/exchange.ts';
import type { Route } from '../pipeline/route-table.ts';
import { SESSIONS_PREFIX } from '../sessions/session-registry.ts';

/** Upper bounds of the answer-time buckets, in seconds: a mock answers in well under a millisecond, or waits on purpose. */
export const DURATION_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The status label of an exchange that a network fault ended before any status was sent. */
export const NO_STATUS = 0;

/** One operation's (or other route's) series in one context. */
export class RouteSeries {
  /** Answers by status (`NO_STATUS` for none). */
  readonly statuses = new Map<number, number>();
  /** Network faults by kind. */
  readonly faults = new Map<string, number>();
  /** Answer times: counts per bucket (not cumulative; the last one is +Inf), their sum and count. */
  readonly buckets = new Float64Array(DURATION_BUCKETS.length + 1);
  sum = 0;
  count = 0;

  constructor(
    readonly operation: string,
    /** The `/metrics` route itself: its scrapes are not counted, so a test sees exactly what it sent. */
    readonly skipped: boolean,
  ) {}
}

/** The series of one context: the root's (session label '') or one test session's. */
export class ContextSeries {
  readonly routes = new Map<Route | undefined, RouteSeries>();
  /** 429s by client id. */
  readonly limited = new Map<string, number>();

  constructor(readonly session: string) {}
}

export class RequestCounts {
  /** By context object on the hot path; by session label for the scrape, which drops ended sessions. */
  readonly #byContext = new WeakMap<MockContext, ContextSeries>();
  readonly #bySession = new Map<string, ContextSeries>();

  constructor(private readonly metricsPath: string) {}

  /** Counts one answered (or faulted) exchange; `ms` is its answer time. */
  count(req: MockRequest, res: MockResponse, ms: number): void {
    const context = req.context;
    if (context === undefined) return;
    const series = this.#routeSeries(this.#contextSeries(context), req.route);
    if (series.skipped) return;
    const fault = res.fault;
    const status = fault !== undefined && isConnectionFault(fault) ? NO_STATUS : res.statusCode;
    series.statuses.set(status, (series.statuses.get(status) ?? 0) + 1);
    if (fault !== undefined) series.faults.set(fault, (series.faults.get(fault) ?? 0) + 1);
    const seconds = ms / 1000;
    let bucket = 0;
    while (bucket < DURATION_BUCKETS.length && seconds > DURATION_BUCKETS[bucket]!) bucket++;
    series.buckets[bucket]!++;
    series.sum += seconds;
    series.count++;
    if (status === 429) {
      const limited = this.#contextSeries(context).limited;
      const client = req.grant?.clientId ?? '';
      limited.set(client, (limited.get(client) ?? 0) + 1);
    }
  }

  /** Every context's series; those of sessions not in `live` (ended) are dropped first. */
  contexts(live: ReadonlySet<string>): IterableIterator<ContextSeries> {
    for (const session of this.#bySession.keys()) if (session !== '' && !live.has(session)) this.#bySession.delete(session);
    return this.#bySession.values();
  }

  #contextSeries(context: MockContext): ContextSeries {
    let series = this.#byContext.get(context);
    if (series === undefined) {
      const session = sessionOf(context);
      series = new ContextSeries(session);
      this.#byContext.set(context, series);
      this.#bySession.set(session, series);
    }
    return series;
  }

  #routeSeries(context: ContextSeries, route: Route | undefined): RouteSeries {
    let series = context.routes.get(route);
    if (series === undefined) {
      series = new RouteSeries(operationOf(route), route?.template === this.metricsPath);
      context.routes.set(route, series);
    }
    return series;
  }
}

/** The session label: the id of a test session, '' at the root. */
export function sessionOf(context: MockContext): string {
  return context.basePath.startsWith(SESSIONS_PREFIX) ? context.basePath.slice(SESSIONS_PREFIX.length) : '';
}

/** The spec's operationId; for the mock's other routes their method and path template; `none` when no route matched. */
function operationOf(route: Route | undefined): string {
  if (route === undefined) return 'none';
  return route.operationId ?? `${route.method} ${route.template}`;
}

/**
 * The router: every route of the mock in one table, built once at start. A request is found by
 * one `Map` lookup on `METHOD path`; a path with a parameter in its last segment (the spec's
 * `/v1/client/customer/info/{customerNumber}`, the admin API's `/customers/{customerNumber}`) by
 * a second lookup on the path up to that segment. No list of layers is walked per request.
 */
import type { Step } from './run-steps.ts';

export interface Route {
  /** `GET`, `POST`, …; a `HEAD` request is served by the `GET` route, as HTTP asks. */
  method: string;
  /** The path template, e.g. `/v1/client/customer/info/{customerNumber}`. */
  template: string;
  /** The name of the last segment's parameter, when the template has one. */
  param: string | undefined;
  /** The operation this route serves, when it is one of the spec's; the journal names it. */
  operationId: string | undefined;
  steps: readonly Step[];
}

export type RouteMatch =
  | { kind: 'route'; route: Route; value: string | undefined }
  | { kind: 'method'; allowed: readonly string[] }
  | { kind: 'none' };

const PARAM = /^(.*\/)\{([^}/]+)\}$/;

export class RouteTable {
  /** Method → path → route, and method → path up to the last segment → route with a parameter there. */
  readonly #exact = new Map<string, Map<string, Route>>();
  readonly #templated = new Map<string, Map<string, Route>>();
  /**
   * Path → its methods, and head → the methods of its templated routes, to tell "no such path"
   * from "not with this method". Kept apart so that an exact `/` does not claim `/anything`.
   */
  readonly #methods = new Map<string, string[]>();
  readonly #headMethods = new Map<string, string[]>();
  /** Routes for any other path under a prefix, matched without regard to case. */
  readonly #fallbacks: Array<{ prefix: string; route: Route }> = [];

  add(method: string, template: string, steps: readonly Step[], operationId?: string): void {
    const parts = PARAM.exec(template);
    if (template.indexOf('{') !== template.lastIndexOf('{') || (template.includes('{') && !parts)) {
      throw new Error(`route ${template}: only the last segment may be a parameter`);
    }
    const route: Route = { method, template, param: parts?.[2], operationId, steps };
    const key = parts ? parts[1]! : template;
    const byMethod = parts ? this.#templated : this.#exact;
    const table = byMethod.get(method) ?? new Map<string, Route>();
    if (table.has(key)) throw new Error(`route ${method} ${template} is defined twice`);
    table.set(key, route);
    byMethod.set(method, table);
    const byKey = parts ? this.#headMethods : this.#methods;
    const methods = byKey.get(key) ?? [];
    methods.push(method);
    byKey.set(key, methods);
  }

  /**
   * Serves every path under `prefix` that no route matches, in any case (`/__ADMIN/x` too), with
   * `steps`: the admin API's guard answers before its 404, so no path under it is open.
   */
  addFallback(prefix: string, steps: readonly Step[]): void {
    this.#fallbacks.push({ prefix: prefix.toLowerCase(), route: { method: '*', template: `${prefix}/*`, param: undefined, operationId: undefined, steps } });
  }

  /** The route under a fallback prefix for a path that `find` did not match. */
  fallback(path: string): Route | undefined {
    const lower = path.toLowerCase();
    return this.#fallbacks.find(({ prefix }) => lower === prefix || lower.startsWith(`${prefix}/`))?.route;
  }

  find(method: string, path: string): RouteMatch {
    const lookup = method === 'HEAD' ? 'GET' : method;
    const exact = this.#exact.get(lookup)?.get(path);
    if (exact) return { kind: 'route', route: exact, value: undefined };
    const slash = path.lastIndexOf('/');
    const head = path.slice(0, slash + 1);
    const value = path.slice(slash + 1);
    const templated = value === '' ? undefined : this.#templated.get(lookup)?.get(head);
    if (templated) return { kind: 'route', route: templated, value };
    const allowed = this.#methods.get(path) ?? (value === '' ? undefined : this.#headMethods.get(head));
    return allowed ? { kind: 'method', allowed } : { kind: 'none' };
  }
}

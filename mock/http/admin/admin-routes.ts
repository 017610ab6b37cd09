/**
 * The admin API under `/__admin` (docs/reference.md §4): replace or extend the store, read it, export it
 * in the `--fixtures` format, delete one customer, and mint tokens without a browser. Errors use
 * the API's own body. `--no-admin` leaves these routes out (a 404); `--admin-token T` guards
 * every one of them.
 */
import type { Writable } from 'node:stream';
import type { MockConfig } from '../../config.ts';
import { errors } from '../../core/errors.ts';
import { type CustomerRecord, isIntegerText } from '../../../spec/index.ts';
import { readBody } from '../pipeline/read-body.ts';
import type { MockRequest } from '../pipeline/exchange.ts';
import type { RouteTable } from '../pipeline/route-table.ts';
import type { Step } from '../pipeline/run-steps.ts';
import { sendJson } from '../send-json.ts';
import { adminGuard } from './admin-guard.ts';
import { adminJsonWrite } from './admin-browser-guard.ts';
import { mintToken } from './admin-tokens.ts';
import { pageParams, type ResetRequest, resetRequest } from './admin-input.ts';
import { recordsOfBody, validateAll } from './admin-records.ts';
import { customerPage, queryText } from './customer-query.ts';
import { generateCustomersRoute } from './generate-route.ts';
import type { DataSource } from '../../state/ops.ts';

/** Where customer data comes from: the fixtures module, wired in by `mock/app.ts`. */
export interface CustomerSource {
  /** The data the mock started with (`POST /__admin/reset` with `{}`). */
  defaults(): Promise<CustomerRecord[]>;
  generate(seed: number, count: number): CustomerRecord[];
  /** Checks one record against the spec; throws an `ApiError` 400 naming `label` and the field. */
  validate(value: unknown, label: string): CustomerRecord;
  /** Writes records in the `--fixtures` file format. */
  write(records: Iterable<CustomerRecord>, stream: Writable): Promise<void>;
}

/** `more` adds routes of other modules (the journal's, the sessions') with the same guards and body. */
export function addAdminRoutes(table: RouteTable, config: MockConfig, customers: CustomerSource, more?: (route: (method: string, path: string, handler: Step) => void) => void): void {
  const guard = adminGuard(config.adminToken);
  // Admin bodies may carry a whole fixture set, far above the API's 1 MiB: --admin-body-limit.
  const adminBody = readBody({ limit: config.adminBodyLimit, forms: false, refuse: (error) => error });
  // Not for browsers (admin-browser-guard.ts): writes only as JSON; a foreign Origin is refused at the edge (pipeline/cors.ts).
  const route = (method: string, path: string, handler: Step) =>
    table.add(method, `/__admin${path}`, method === 'GET' ? [guard, handler] : [adminJsonWrite, guard, adminBody, handler]);
  route('POST', '/reset', reset(customers));
  route('POST', '/customers', upsert(customers));
  route('GET', '/customers', (req, res) => {
    const query = req.query as Record<string, unknown>;
    const { offset, limit } = pageParams(query);
    sendJson(res, 200, customerPage(req.context!.store, queryText(query.q), offset, limit));
  });
  route('POST', '/customers/generate', generateCustomersRoute);
  route('GET', '/customers/{customerNumber}', (req, res) => {
    const customerNumber = customerNumberOf(req);
    const record = req.context!.store.get(customerNumber);
    if (!record) throw errors.customerNotFound(customerNumber);
    sendJson(res, 200, record);
  });
  route('DELETE', '/customers/{customerNumber}', async (req, res) => {
    const customerNumber = customerNumberOf(req);
    if (!(await req.context!.commit({ kind: 'delete', customerNumber }))) throw errors.customerNotFound(customerNumber);
    res.writeHead(204).end();
  });
  route('GET', '/export', exportAll(customers));
  more?.(route);
  table.addFallback('/__admin', [guard, (req) => {
    throw errors.routeNotFound(req.method ?? 'GET', req.pathname);
  }]);
  route('POST', '/tokens', async (req, res) => {
    const tokens = await mintToken(req.body, req.context!);
    res.setHeader('Cache-Control', 'no-store');
    sendJson(res, 200, tokens);
  });
}

function reset(customers: CustomerSource): Step {
  return async (req, res) => {
    const data = checkedSource(customers, resetRequest(req.body));
    sendJson(res, 200, { count: await req.context!.commit({ kind: 'reset', data }) });
  };
}

function upsert(customers: CustomerSource): Step {
  return async (req, res) => {
    const records = recordsOfBody(customers, req.body);
    await req.context!.commit({ kind: 'upsert', records });
    sendJson(res, 200, { count: records.length });
  };
}

function customerNumberOf(req: MockRequest): number {
  const raw = String(req.params.customerNumber ?? '');
  const customerNumber = Number(raw);
  // The API's rule for path numbers (spec/integer-text.ts): "01", "+1" or "1e3" are not numbers here either.
  if (!isIntegerText(raw) || customerNumber < 1) {
    throw errors.validation(`customerNumber: must be a positive integer, not "${raw}".`);
  }
  return customerNumber;
}

/**
 * A reset's or a new session's data as an op carries it: generated records are left to each
 * process to generate (they follow from seed and count; `resetRequest` checked their range),
 * given ones are checked here, once.
 */
export function checkedSource(customers: CustomerSource, request: ResetRequest): DataSource {
  if (request.kind === 'customers') return { kind: 'customers', customers: validateAll(customers, request.customers) };
  return request;
}

function exportAll(customers: CustomerSource): Step {
  return async (req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Disposition': 'attachment; filename="customers.json"' });
    await customers.write(req.context!.store.all(), res);
    res.end();
  };
}

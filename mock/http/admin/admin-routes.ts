/**
 * The admin API under `/__admin` (DESIGN.md §4): replace or extend the store, read it, export it
 * in the `--fixtures` format, and mint tokens without a browser. Errors use the API's own body.
 * `--no-admin` leaves these routes out (a 404); `--admin-token T` guards every one of them.
 */
import { Router, type RequestHandler } from 'express';
import type { Writable } from 'node:stream';
import type { MockConfig } from '../../config.ts';
import type { CustomerStore } from '../../core/customer-store.ts';
import { errors } from '../../core/errors.ts';
import type { CustomerRecord } from '../../../spec/index.ts';
import { type WriteBarrier, durably } from '../../persistence/write-barrier.ts';
import { jsonBody } from '../json-body.ts';
import type { TokenStore } from '../oauth/token-store.ts';
import { adminGuard } from './admin-guard.ts';
import { mintToken } from './admin-tokens.ts';
import { pageParams, resetRequest } from './admin-input.ts';

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

export interface AdminDeps {
  config: MockConfig;
  store: CustomerStore;
  tokens: TokenStore;
  customers: CustomerSource;
  /** With `--state-file`: writes are answered only once on disk (docs/decisions/016). */
  barrier?: WriteBarrier | undefined;
}

/** Admin bodies may carry a whole fixture set, far above the API's 1 MiB. */
const ADMIN_BODY_LIMIT = 512 * 1024 * 1024;

export function adminRoutes(deps: AdminDeps): Router {
  const router = Router();
  router.use(adminGuard(deps.config.adminToken));
  router.use(jsonBody(ADMIN_BODY_LIMIT));
  router.post('/reset', reset(deps));
  router.post('/customers', upsert(deps));
  router.get('/customers', (req, res) => {
    const { offset, limit } = pageParams(req.query as Record<string, unknown>);
    res.json({ total: deps.store.size, offset, limit, customers: deps.store.list(offset, limit) });
  });
  router.get('/customers/:customerNumber', getOne(deps));
  router.get('/export', exportAll(deps));
  router.post('/tokens', (req, res) => {
    res.setHeader('Cache-Control', 'no-store');
    res.json(mintToken(req.body, deps));
  });
  return router;
}

function reset({ store, customers, barrier }: AdminDeps): RequestHandler {
  return async (req, res) => {
    const request = resetRequest(req.body);
    const records =
      request.kind === 'defaults'
        ? await customers.defaults()
        : request.kind === 'generate'
          ? customers.generate(request.seed, request.count)
          : validateAll(customers, request.customers);
    res.json({ count: await durably(barrier, () => store.replaceAll(records)) });
  };
}

function upsert({ store, customers, barrier }: AdminDeps): RequestHandler {
  return async (req, res) => {
    const records = validateAll(customers, Array.isArray(req.body) ? req.body : [req.body]);
    await durably(barrier, () => store.upsert(records));
    res.json({ count: records.length });
  };
}

function getOne({ store }: AdminDeps): RequestHandler {
  return (req, res) => {
    const raw = String(req.params.customerNumber ?? '');
    const customerNumber = Number(raw);
    if (!/^\d+$/.test(raw) || !Number.isSafeInteger(customerNumber) || customerNumber < 1) {
      throw errors.validation(`customerNumber: must be a positive integer, not "${raw}".`);
    }
    const record = store.get(customerNumber);
    if (!record) throw errors.customerNotFound(customerNumber);
    res.json(record);
  };
}

/** Every record is checked before any is stored: a bad one is a 400 and nothing changes. */
function validateAll(customers: CustomerSource, values: unknown[]): CustomerRecord[] {
  return values.map((value, index) => customers.validate(value, `customers[${index}]`));
}

function exportAll({ store, customers }: AdminDeps): RequestHandler {
  return async (_req, res) => {
    res.status(200).type('application/json');
    res.setHeader('Content-Disposition', 'attachment; filename="customers.json"');
    await customers.write(store.all(), res);
    res.end();
  };
}

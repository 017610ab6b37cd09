import { listOperations, describeAjvErrors, specValidators, type Operation } from '../../spec/index.ts';
import { retryAfterMs, sleep } from '../http/retry-after.ts';
import type { Target } from '../runner/target.ts';
import { planTransaction, type SendPlan, type TransactionPlan } from './plan.ts';
import type { DreddBridge, DreddTransaction } from './transaction.ts';

/** One transaction as the bridge saw it: the object Dredd keeps filling in, and its plan. */
export interface Recorded {
  transaction: DreddTransaction;
  operation: Operation;
  status: string;
  plan: TransactionPlan;
  retried429: number;
  /** When its hooks first saw it and last let it go: the transaction's own time in the reports. */
  startedAt: number;
  endedAt?: number;
}

/**
 * The hooks of the Dredd run, in TypeScript: inject the bearer the operation's security asks for
 * (Dredd ignores securitySchemes), send the requests the non-2xx transactions need, pace every
 * request through the run's one HTTP client, and check every real body with ajv against the full
 * response schema (Dredd's own OpenAPI 3 check skips maxLength, format, maxItems and more).
 */
export function createDreddBridge(target: Target, recorded: Map<string, Recorded>): DreddBridge {
  const operations = new Map(listOperations(specValidators().doc).map((op) => [`${op.method.toUpperCase()} ${op.path}`, op]));
  const basePath = new URL(target.options.baseUrl).pathname.replace(/\/+$/, '');
  return {
    async beforeEach(t) {
      const operation = operations.get(`${t.request.method.toUpperCase()} ${t.origin.resourceName ?? ''}`);
      if (!operation) {
        t.fail = `no operation of the spec matches ${t.request.method} ${t.origin.resourceName}`;
        return;
      }
      const status = t.expected.statusCode ?? '';
      const plan = planTransaction(target, operation.operationId, operation.tokenKind, status);
      recorded.set(t.name, { transaction: t, operation, status, plan, retried429: 0, startedAt: Date.now() });
      if ('skip' in plan) {
        t.skip = true;
        return;
      }
      applyPlan(t, plan, basePath);
      // The body is checked by ajv in afterEach; Dredd's own body check (example or its schema
      // conversion) would report the same things less exactly, or wrongly for `nullable`.
      delete t.expected.body;
      delete t.expected.bodySchema;
      // Gavel compares Content-Type as an exact string, so `application/json; charset=utf-8`
      // (RFC 8259 §11 allows no charset, but servers send one) would fail; checked in afterEach.
      dropHeader(t.expected.headers, 'content-type');
      await target.http.pace();
    },
    async beforeEachValidation(t) {
      const entry = recorded.get(t.name);
      if (!entry || !t.real || t.real.statusCode !== 429 || entry.status === '429') return;
      await resendAfter429(target, t, entry);
    },
    async afterEach(t) {
      const entry = recorded.get(t.name);
      if (entry) entry.endedAt = Date.now();
      if (!entry || t.skip || !t.real) return;
      const problem =
        checkContentType(t.real.headers) ?? checkBody(entry.operation.operationId, t.real.statusCode, t.real.body);
      if (problem) t.fail = problem;
    },
  };
}

function applyPlan(t: DreddTransaction, plan: SendPlan, basePath: string): void {
  t.request.headers.Authorization = `Bearer ${plan.bearer}`;
  if (plan.body !== undefined) t.request.body = plan.body;
  if (plan.contentType) t.request.headers['Content-Type'] = plan.contentType;
  if (plan.prefer) t.request.headers.Prefer = plan.prefer;
  if (plan.path) t.fullPath = `${basePath}${plan.path}`;
}

/** A 429 meant for pacing, not for the check: wait it out and let the retried answer be judged. */
async function resendAfter429(target: Target, t: DreddTransaction, entry: Recorded): Promise<void> {
  const wait = retryAfterMs({ headers: lowerCased(t.real?.headers ?? {}) });
  await sleep(wait);
  target.http.noteRetry(wait);
  const port = t.port ? `:${t.port}` : '';
  const res = await target.http.request({
    method: t.request.method,
    path: `${t.protocol}//${t.host}${port}${t.fullPath}`,
    headers: Object.fromEntries(Object.entries(t.request.headers).filter(([k]) => !/^(content-length|authorization)$/i.test(k))),
    bearer: t.request.headers.Authorization?.replace(/^Bearer /, ''),
    ...(t.request.body ? { rawBody: t.request.body } : {}),
  });
  entry.retried429 += 1;
  t.real = { statusCode: res.status, headers: res.headers, body: res.text };
}

function lowerCased(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

function dropHeader(headers: Record<string, string> | undefined, name: string): void {
  for (const key of Object.keys(headers ?? {})) if (key.toLowerCase() === name) delete headers?.[key];
}

/** Every documented response of the spec is `application/json`; parameters such as charset are fine. */
export function checkContentType(headers: Record<string, string>): string | undefined {
  const value = Object.entries(headers).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
  const type = value.split(';')[0]?.trim().toLowerCase();
  return type === 'application/json' ? undefined : `Content-Type is "${value}", not application/json`;
}

/** The real body against the spec's schema for the real status; undefined when it conforms. */
export function checkBody(operationId: string, status: number, body: string | undefined): string | undefined {
  const validate = specValidators().response(operationId, status);
  if (!validate) return `status ${status} is not documented for ${operationId}`;
  let parsed: unknown;
  try {
    parsed = JSON.parse(body ?? '');
  } catch {
    return `the ${status} body is not JSON: ${(body ?? '').slice(0, 200)}`;
  }
  if (validate(parsed)) return undefined;
  return `the ${status} body breaks the spec's schema: ${describeAjvErrors(validate.errors, 'body')}`;
}

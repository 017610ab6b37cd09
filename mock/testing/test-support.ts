/**
 * Helpers for HTTP tests of the mock: call an operation by `operationId` and get its response
 * checked against the spec (status documented, body valid), and get tokens quickly.
 * Every API response a test receives goes through `callOperation`, so a drift between the mock and
 * the spec fails the test that saw it.
 */
import { expect } from 'vitest';
import { loadSpec, listOperations, describeAjvErrors, specValidators } from '../../spec/index.ts';
import type { MockConfig } from '../config.ts';
import { type RunningMock, startMock } from '../server.ts';

export interface CallOptions {
  token?: string;
  params?: Record<string, string | number>;
  /** A JSON value to send; `rawBody` sends text as is. */
  body?: unknown;
  rawBody?: string;
  contentType?: string;
  headers?: Record<string, string>;
  /** `/capi` to call under the real base path. */
  prefix?: string;
}

export interface CallResult {
  status: number;
  headers: Headers;
  body: any;
}

const operations = new Map(listOperations(loadSpec()).map((operation) => [operation.operationId, operation]));

/** Calls an operation of the spec and asserts that its response is one the spec documents. */
export async function callOperation(baseUrl: string, operationId: string, options: CallOptions = {}): Promise<CallResult> {
  const operation = operations.get(operationId);
  if (!operation) throw new Error(`no operation ${operationId}`);
  const path = operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(String(options.params?.[name])));
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  let body: string | undefined = options.rawBody;
  if (body === undefined && options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
  const response = await fetch(`${baseUrl}${options.prefix ?? ''}${path}`, { method: operation.method.toUpperCase(), headers, body });
  const result = { status: response.status, headers: response.headers, body: await parse(response) };
  expectSpecResponse(operationId, result);
  return result;
}

/** The status must be documented for the operation and the body valid against its schema. */
export function expectSpecResponse(operationId: string, result: { status: number; body: unknown }): void {
  const validate = specValidators().response(operationId, result.status);
  expect(validate, `${operationId} does not document status ${result.status}`).toBeDefined();
  const valid = validate!(result.body);
  expect(valid, `${operationId} ${result.status}: ${describeAjvErrors(validate!.errors, 'response')}`).toBe(true);
}

async function parse(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** POSTs JSON to a non-API route (admin, token) and returns status, headers and parsed body. */
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<CallResult> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, headers: response.headers, body: await parse(response) };
}

export async function getJson(url: string, headers: Record<string, string> = {}): Promise<CallResult> {
  const response = await fetch(url, { headers });
  return { status: response.status, headers: response.headers, body: await parse(response) };
}

/** A POST to the token endpoint with a form body. */
export async function postForm(url: string, form: Record<string, string>, headers: Record<string, string> = {}): Promise<CallResult> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });
  return { status: response.status, headers: response.headers, body: await parse(response) };
}

export const DEMO_BASIC = `Basic ${Buffer.from('demo-client:demo-secret').toString('base64')}`;

export async function clientToken(baseUrl: string): Promise<string> {
  const result = await postForm(`${baseUrl}/user/oauth/token`, { grant_type: 'client_credentials' }, { authorization: DEMO_BASIC });
  expect(result.status).toBe(200);
  return result.body.access_token as string;
}

/** A user token from the admin API (`credential`, `uniqueId` or `customerNumber`). */
export async function userToken(baseUrl: string, who: Record<string, unknown> = { credential: 'ola.nordmann@hotmail.no' }): Promise<string> {
  const result = await postJson(`${baseUrl}/__admin/tokens`, who);
  expect(result.status).toBe(200);
  return result.body.access_token as string;
}

/**
 * A quiet mock for one test file (no customers but the scenario ones, rate limits off unless told)
 * and a client token for it: what most HTTP test files start from.
 *
 * @example
 * beforeAll(async () => ({ mock, token } = await startWithClientToken()));
 */
export async function startWithClientToken(overrides: Partial<MockConfig> = {}): Promise<{ mock: RunningMock; token: string }> {
  const mock = await startMock({ count: 0, rateLimit: false, ...overrides });
  return { mock, token: await clientToken(mock.url) };
}

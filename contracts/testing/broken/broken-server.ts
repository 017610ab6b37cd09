import type { Breakage, MockOverrides, WrappedRequest, WrappedResponse } from '../wrap-mock.ts';

/** A server with one rule broken, and the check of the contract run that must name it. */
export interface BrokenServer {
  breaks: string;
  breakage: Breakage;
  /** Mock settings of the broken server (documented mock flags, not test switches). */
  overrides?: MockOverrides;
  /** `suite.group: name` of a check that must fail. */
  caughtBy: string;
}

export const isUpdate = (req: WrappedRequest) => req.method === 'POST' && /\/v1\/customer\/info$/.test(req.path);
export const isSearch = (req: WrappedRequest) => req.method === 'POST' && req.path.endsWith('/v1/client/customer/search');
export const isCheck = (req: WrappedRequest) => req.method === 'POST' && req.path.endsWith('/v1/client/credential/customers/check');
export const isToken = (req: WrappedRequest) => req.method === 'POST' && /\/oauth\/token$/.test(req.path);
export const clientInfoNumber = (req: WrappedRequest): number | undefined => {
  const match = req.method === 'GET' ? /\/v1\/client\/customer\/info\/(\d+)$/.exec(req.path) : null;
  return match ? Number(match[1]) : undefined;
};

export function json(text: string): Record<string, unknown> | undefined {
  try {
    const value = JSON.parse(text) as unknown;
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the text parses as JSON at all (an array or a string included). */
export function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

export const withJson = (res: WrappedResponse, body: unknown): WrappedResponse => ({ ...res, body: JSON.stringify(body) });
export const withBody = (req: WrappedRequest, body: unknown): WrappedRequest => ({ ...req, body: JSON.stringify(body) });

/** A request body as JSON, changed by `change` (which returns the new body, or undefined to leave it). */
export function rewriteBody(req: WrappedRequest, when: (req: WrappedRequest) => boolean, change: (body: Record<string, unknown>) => unknown): WrappedRequest {
  if (!when(req)) return req;
  const body = json(req.body);
  if (!body) return req;
  const changed = change(body);
  return changed === undefined ? req : withBody(req, changed);
}

/** The customers of a 200 search or check answer, changed by `change`. */
export function rewriteCustomers(res: WrappedResponse, req: WrappedRequest, when: (req: WrappedRequest) => boolean, change: (customers: Array<Record<string, unknown>>, query: Record<string, unknown>) => unknown[]): WrappedResponse {
  if (!when(req) || res.status !== 200) return res;
  const body = json(res.body);
  if (!Array.isArray(body?.customers)) return res;
  return withJson(res, { customers: change(body.customers as Array<Record<string, unknown>>, json(req.body) ?? {}) });
}

export function form(req: WrappedRequest): URLSearchParams {
  return new URLSearchParams(req.body);
}

export const apiError = (status: number, exceptionType: string, errorMessage: string): WrappedResponse => ({
  status, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ exceptionType, errorMessage }),
});

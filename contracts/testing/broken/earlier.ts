/** The first eight broken servers (issue 5): one rule of each area, caught by the checks of then. */
import type { Breakage } from '../wrap-mock.ts';
import { isJson, isSearch, isUpdate, json, withJson, type BrokenServer } from './broken-server.ts';

/** Update merges: fields the body leaves out keep their old values instead of becoming null. */
const mergingUpdate: Breakage = {
  request: async (req, forward) => {
    const body = json(req.body);
    if (!isUpdate(req) || !body || typeof body !== 'object' || Array.isArray(body)) return req;
    const current = json((await forward({ ...req, method: 'GET', body: '' })).body) ?? {};
    const merged: Record<string, unknown> = {};
    for (const field of ['name', 'phoneNumbers', 'emails', 'invoiceEmailAddress']) merged[field] = body[field] ?? current[field];
    return { ...req, body: JSON.stringify(merged) };
  },
};

/** Prefix search: a phone search that finds nothing also tries the number with one more digit. */
const prefixSearch: Breakage = {
  response: async (res, req, forward) => {
    const body = json(req.body);
    const found = (json(res.body)?.customers as unknown[] | undefined) ?? [];
    if (!isSearch(req) || res.status !== 200 || found.length || typeof body?.phoneNumber !== 'string') return res;
    const customers: unknown[] = [];
    for (const digit of '0123456789') {
      const longer = await forward({ ...req, body: JSON.stringify({ ...body, phoneNumber: `${body.phoneNumber}${digit}` }) });
      if (longer.status === 200) customers.push(...((json(longer.body)?.customers as unknown[]) ?? []));
    }
    return withJson(res, { customers: customers.slice(0, 5) });
  },
};

/** Error bodies in another shape than `{exceptionType, errorMessage}`. */
const wrongErrorBody: Breakage = {
  response: (res) => {
    const body = json(res.body);
    if (res.status < 400 || !body || !('exceptionType' in body)) return res;
    return withJson(res, { code: res.status, message: body.errorMessage });
  },
};

/** No `X-RateLimit-*` headers on any response. */
const noRateLimitHeaders: Breakage = {
  response: (res) => {
    const headers = Object.fromEntries(Object.entries(res.headers).filter(([name]) => !name.startsWith('x-ratelimit-')));
    return { ...res, headers };
  },
};

/** A stored last name over its 30-character maxLength, served by user-mode info. */
const overlongLastName: Breakage = {
  response: (res, req) => {
    const body = json(res.body);
    if (req.method !== 'GET' || !req.path.endsWith('/v1/customer/info') || res.status !== 200 || !body) return res;
    return withJson(res, { ...body, name: { ...(body.name as object), lastName: 'Ø'.repeat(31) } });
  },
};

/** Malformed JSON crashes the handler: 500 instead of 400. */
const crashOnMalformedJson: Breakage = {
  request: (req) =>
    req.body && !isJson(req.body) && (req.headers['content-type'] ?? '').includes('json')
      ? { status: 500, headers: { 'content-type': 'application/json' }, body: '{"exceptionType":"NullPointerException","errorMessage":"boom"}' }
      : req,
};

/** Email search compares case-sensitively. */
const caseSensitiveEmail: Breakage = {
  response: (res, req) => {
    const email = json(req.body)?.email;
    if (!isSearch(req) || typeof email !== 'string' || email === email.toLowerCase()) return res;
    return withJson(res, { customers: [] });
  },
};

export const EARLIER_BROKEN_SERVERS: BrokenServer[] = [
  { breaks: 'an update that merges instead of replacing', breakage: mergingUpdate, caughtBy: 'semantic.update: replaces all: fields left out become null' },
  { breaks: 'prefix search', breakage: prefixSearch, caughtBy: 'semantic.search: does not match a prefix of a phone number' },
  { breaks: 'no 403 on six matches (first five returned)', breakage: {}, overrides: { searchOverflow: 'truncate' }, caughtBy: 'semantic.search: answers 403 TooManyResultsException given more than five matches' },
  { breaks: 'a wrong error body', breakage: wrongErrorBody, caughtBy: 'dredd.searchCustomers: /v1/client/customer/search > Search customer - client mode > 400 > application/json' },
  { breaks: 'missing rate-limit headers', breakage: noRateLimitHeaders, caughtBy: 'semantic.rate-limit: headers on a search' },
  { breaks: 'a field over its maxLength', breakage: overlongLastName, caughtBy: 'dredd.getCustomerInfo: /v1/customer/info > List customer info > 200 > application/json' },
  { breaks: 'a 500 on malformed JSON', breakage: crashOnMalformedJson, caughtBy: 'semantic.robustness.searchCustomers: answers malformed JSON with a 4xx, never a 5xx' },
  { breaks: 'case-sensitive email search', breakage: caseSensitiveEmail, caughtBy: 'semantic.search: matches email case-insensitively' },
];

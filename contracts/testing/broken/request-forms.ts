/**
 * Servers that take a request only in the form a suite happens to send: `Content-Type` compared
 * as an exact string, HTTP Basic or the query string ignored at the token endpoint.
 */
import type { Breakage } from '../wrap-mock.ts';
import { apiError, isToken, type BrokenServer } from './broken-server.ts';

/** `application/json; charset=utf-8` is 415: the media type compared as the whole header. */
const exactContentType: Breakage = {
  request: (req) => {
    const type = req.headers['content-type'];
    if (req.method !== 'POST' || !req.path.includes('/v1/') || type === undefined || type === 'application/json' || !/^application\/json/i.test(type)) return req;
    return apiError(415, 'UnsupportedMediaTypeException', `Content-Type ${type} is not supported; send application/json.`);
  },
};

/** The token endpoint reads client_id/client_secret from the form only: HTTP Basic is dropped. */
const basicIgnored: Breakage = {
  request: (req) => {
    if (!isToken(req) || !req.headers.authorization) return req;
    const { authorization: _dropped, ...headers } = req.headers;
    return { ...req, headers };
  },
};

/** The token endpoint reads the form only: credentials in the query string are dropped. */
const queryIgnored: Breakage = {
  request: (req) => {
    const path = req.path.split('?')[0]!;
    return req.path !== path && isToken({ ...req, path }) ? { ...req, path } : req;
  },
};

export const REQUEST_FORM_BROKEN_SERVERS: BrokenServer[] = [
  { breaks: '415 for application/json with a charset parameter', breakage: exactContentType, caughtBy: 'semantic.request-forms: searchCustomers accepts Content-Type: application/json; charset=utf-8' },
  { breaks: 'a token endpoint that ignores HTTP Basic', breakage: basicIgnored, caughtBy: 'semantic.request-forms: the token endpoint takes the client credentials grant with HTTP Basic' },
  { breaks: 'a token endpoint that ignores the query string', breakage: queryIgnored, caughtBy: 'semantic.request-forms: the token endpoint takes the client credentials grant with client_id and client_secret in the query string' },
];

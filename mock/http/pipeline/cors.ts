/**
 * CORS (the Fetch standard's CORS protocol), once, at the edge, for every route of every
 * configuration (docs/decisions/023). A request with an allowed `Origin` gets
 * `Access-Control-Allow-Origin` with that origin, `Vary: Origin` and the headers a browser app must
 * read exposed; a preflight (`OPTIONS` with `Access-Control-Request-Method`) is answered here with
 * 204, before routing. No cookies are involved, so no `Allow-Credentials`.
 *
 * The admin API is not for browsers: it gets CORS only from origins that `--cors` names (and its
 * own), and a request with any other `Origin` is refused with 403, so that a web page cannot reset
 * the store (admin/admin-browser-guard.ts).
 */
import type { CorsPolicy } from '../../config/cors-flag.ts';
import { errors } from '../../core/errors.ts';
import { isAllowedAdminOrigin } from '../admin/admin-browser-guard.ts';
import type { MockRequest, MockResponse } from './exchange.ts';
import { fail } from './send-error.ts';

/** Returns `true` when it answered the request itself (a preflight, or a refused admin request). */
export type CorsGate = (req: MockRequest, res: MockResponse, path: string) => boolean;

/** What a browser app reads from an answer: the rate limits, a 429's wait, a 401's challenge. */
const EXPOSED = 'X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After, WWW-Authenticate';
const METHODS = ['GET', 'HEAD', 'POST', 'OPTIONS'];
const HEADERS = ['Authorization', 'Content-Type', 'Prefer'];
/** Ten minutes: long enough to spare a preflight per call, short enough to see a restart's flags. */
const MAX_AGE = '600';
/** RFC 9110 §5.6.2: a method or header name; a requested one that is not a token is not echoed. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** `/__admin…` and `/metrics` (docs/decisions/043); the edge has already taken a session's prefix off the path it passes. */
const ADMIN_PATH = /^\/(?:__admin(?:\/|$)|metrics$)/i;

export function corsGate(policy: CorsPolicy): CorsGate {
  const listed = typeof policy === 'string' ? undefined : new Set(policy);
  return (req, res, path) => {
    const origin = req.headers.origin;
    const admin = ADMIN_PATH.test(path);
    if (origin === undefined) return false;
    const allowed = admin ? isAllowedAdminOrigin(origin, req, listed) : policy === 'any' || listed?.has(origin) === true;
    if (!allowed) {
      if (!admin) return false;
      fail(req, res, errors.originRefused(origin));
      return true;
    }
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Vary', 'Origin');
    const requested = req.headers['access-control-request-method'];
    if (req.method === 'OPTIONS' && typeof requested === 'string') {
      answerPreflight(req, res, requested);
      return true;
    }
    res.setHeader('Access-Control-Expose-Headers', EXPOSED);
    return false;
  };
}

function answerPreflight(req: MockRequest, res: MockResponse, requested: string): void {
  const method = requested.trim().toUpperCase();
  const methods = TOKEN.test(method) && !METHODS.includes(method) ? [...METHODS, method] : METHODS;
  const known = new Set(HEADERS.map((name) => name.toLowerCase()));
  const asked = (req.headers['access-control-request-headers'] ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => TOKEN.test(name) && !known.has(name.toLowerCase()));
  res.setHeader('Access-Control-Allow-Methods', methods.join(', '));
  res.setHeader('Access-Control-Allow-Headers', [...HEADERS, ...asked].join(', '));
  res.setHeader('Access-Control-Max-Age', MAX_AGE);
  res.writeHead(204).end();
}

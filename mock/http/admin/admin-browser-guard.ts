/**
 * The admin API is not for browsers (docs/decisions/030). A plain HTML form on any page can POST
 * `text/plain`, `multipart/form-data` or a URL-encoded form cross-site without a CORS preflight,
 * so a page a developer visits could wipe the store with `POST /__admin/reset`. Two rules shut
 * that: admin writes need `Content-Type: application/json` even with no body (a browser sends that
 * type cross-site only after a preflight, which the admin API does not grant), and a request with
 * an `Origin` other than the mock's own or one `--cors` names is refused, reads included.
 */
import { errors } from '../../core/errors.ts';
import type { MockRequest } from '../pipeline/exchange.ts';
import { mediaType } from '../pipeline/read-body.ts';
import type { Step } from '../pipeline/run-steps.ts';

/**
 * Whether an admin request may come from `origin`: one that `--cors` names explicitly (`listed`),
 * or the mock's own, the one its `Host` names (by http, or by https through a proxy that ends TLS). The CORS gate at the edge (pipeline/cors.ts) asks
 * this for every admin path and answers any other `Origin` with 403, reads included.
 */
export function isAllowedAdminOrigin(origin: string, req: MockRequest, listed: ReadonlySet<string> | undefined): boolean {
  if (listed?.has(origin)) return true;
  const host = req.headers.host?.toLowerCase();
  const given = origin.toLowerCase();
  // https too: behind a proxy that ends TLS, the console's page has an https origin for the same host.
  return host !== undefined && (given === `http://${host}` || given === `https://${host}`);
}

/** 415 for an admin write whose `Content-Type` is not JSON, with or without a body. */
export const adminJsonWrite: Step = (req) => {
  const type = req.headers['content-type'];
  if (mediaType(type) !== 'json') throw errors.adminNeedsJson(req.method ?? 'POST', type ?? '');
};

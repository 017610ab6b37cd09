/**
 * The one place that turns errors into responses: an `ApiError` becomes its
 * body and headers; anything else is logged and answered as the catalogue's 500, so no input can
 * crash the process or leak a stack trace.
 */
import type { ServerResponse } from 'node:http';
import { ApiError, errors } from '../../core/errors.ts';
import { sendJson } from '../send-json.ts';
import type { MockRequest, MockResponse } from './exchange.ts';

export function fail(req: MockRequest, res: MockResponse, error: unknown): void {
  // An answer already under way cannot become an error answer: end the connection instead.
  if (res.headersSent) {
    res.destroy();
    return;
  }
  if (error instanceof ApiError) {
    sendApiError(res, error);
    return;
  }
  req.context?.logger.error(`unexpected error on ${req.method} ${req.url}`, error);
  sendApiError(res, errors.internal());
}

/** Writes an `ApiError` as JSON with its headers. */
export function sendApiError(res: ServerResponse, error: ApiError): void {
  for (const name in error.headers) res.setHeader(name, error.headers[name]!);
  // RFC 6749 §5.2: token endpoint errors must not be cached, like the tokens themselves.
  if (error.format === 'oauth') res.setHeader('Cache-Control', 'no-store');
  sendJson(res, error.status, error.body());
}

/**
 * The one place that turns errors into responses (STYLE.md lesson 3). An `ApiError` becomes its
 * body and headers; body-parser's errors are recognised by their `type` (never their message);
 * anything else is logged and answered as a plain 500 body, so no input can crash the process or
 * leak a stack trace.
 */
import type { ServerResponse } from 'node:http';
import type { ErrorRequestHandler } from 'express';
import { ApiError, errors } from '../core/errors.ts';
import type { Logger } from './components.ts';
import { sendJson } from './send-json.ts';

/** Writes an `ApiError` as JSON with its headers; plain node:http, so the fast read path shares it. */
export function sendApiError(res: ServerResponse, error: ApiError): void {
  for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
  // RFC 6749 §5.2: token endpoint errors must not be cached, like the tokens themselves.
  if (error.format === 'oauth') res.setHeader('Cache-Control', 'no-store');
  sendJson(res, error.status, error.body());
}

/** Maps body-parser's errors (told apart by their `type` field) to catalogue errors. */
export function fromBodyParserError(error: unknown): ApiError | undefined {
  const type = (error as { type?: unknown } | null)?.type;
  switch (type) {
    case 'entity.parse.failed':
      return errors.malformedJson(String((error as Error).message));
    case 'entity.too.large':
      return errors.payloadTooLarge(mebibytes((error as { limit?: number }).limit));
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return errors.unsupportedMediaType(String((error as Error).message));
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return errors.validation('body: the request body could not be read in full.');
    default:
      return fromClientHttpError(error);
  }
}

/**
 * Other client errors that Express and body-parser raise as http-errors objects (`expose: true`,
 * a 4xx `status`): a path with broken percent-encoding, a body whose Content-Encoding does not
 * decode. They are the client's fault, so they must not become a 500.
 */
function fromClientHttpError(error: unknown): ApiError | undefined {
  const { status, expose } = (error ?? {}) as { status?: unknown; expose?: unknown };
  if (typeof status !== 'number' || status < 400 || status > 499) return undefined;
  if (error instanceof URIError) return errors.validation('path: is not valid percent-encoding (RFC 3986 §2.1).');
  if (expose !== true) return undefined;
  const detail = String((error as Error).message).replace(/[.]$/, '');
  if (status === 413) return errors.payloadTooLarge('1 MiB');
  if (status === 415) return errors.unsupportedMediaType(detail);
  return errors.validation(`body: could not be read (${detail}).`);
}

function mebibytes(bytes: number | undefined): string {
  return `${Math.round((bytes ?? 1024 * 1024) / (1024 * 1024))} MiB`;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const known = error instanceof ApiError ? error : fromBodyParserError(error);
    if (known) {
      sendApiError(res, known);
      return;
    }
    logger.error(`unexpected error on ${req.method} ${req.originalUrl}`, error);
    sendApiError(res, errors.internal());
  };
}

/**
 * JSON request bodies: 415 for a body that is not JSON, 413 over the limit, 400 for malformed
 * JSON (DESIGN.md §3). `strict: false` because the update accepts a top-level `null` body, which
 * express.json's strict mode rejects; the spec's validators then refuse any other non-object.
 */
import express, { type RequestHandler } from 'express';
import { errors } from '../core/errors.ts';
import { rejectPrototypeKeys } from './prototype-keys.ts';

/** DESIGN.md §3: a body over 1 MiB is a 413. */
export const API_BODY_LIMIT = 1024 * 1024;

const JSON_TYPES = ['application/json', 'application/*+json'];

/** True when the request carries at least one byte of body. */
export function hasContent(req: { headers: Record<string, string | string[] | undefined> }): boolean {
  if (req.headers['transfer-encoding'] !== undefined) return true;
  const length = Number(req.headers['content-length'] ?? 0);
  return Number.isFinite(length) && length > 0;
}

const requireJsonType: RequestHandler = (req, _res, next) => {
  if (hasContent(req) && !req.is(JSON_TYPES)) {
    next(errors.unsupportedMediaType(req.headers['content-type'] ?? ''));
    return;
  }
  next();
};

/** Parses a JSON body into `req.body` (left `undefined` when there is no body at all). */
export function jsonBody(limitBytes: number = API_BODY_LIMIT): RequestHandler[] {
  return [requireJsonType, express.json({ limit: limitBytes, strict: false, type: JSON_TYPES }), rejectPrototypeKeys];
}

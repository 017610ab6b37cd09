/**
 * The body of `POST /__admin/sessions`: what `POST /__admin/reset` takes (`{}`, `{"seed": S,
 * "count": N}` or `{"customers": [records]}`) plus an optional `id`.
 */
import { errors } from '../../core/errors.ts';
import { type ResetRequest, resetRequest } from '../admin/admin-input.ts';
import { sessionErrors } from './session-errors.ts';

/** Letters, digits, `-` and `_`, at most 64: safe in a path segment without encoding. */
export const SESSION_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function sessionRequest(body: unknown): { id: string | undefined; data: ResetRequest } {
  if (body === undefined || body === null) return { id: undefined, data: { kind: 'defaults' } };
  if (typeof body !== 'object' || Array.isArray(body)) throw errors.validation('body: must be an object, e.g. {} or {"id": "ci-42", "seed": 7, "count": 100}.');
  const { id, ...data } = body as Record<string, unknown>;
  if (id !== undefined && (typeof id !== 'string' || !SESSION_ID.test(id))) throw sessionErrors.badId();
  return { id, data: resetRequest(data) };
}

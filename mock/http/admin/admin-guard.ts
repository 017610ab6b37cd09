/**
 * `--admin-token T`: every admin route needs `Authorization: Bearer T` (docs/reference.md §4), compared in
 * constant time. Without the flag the admin API is open, as a local mock's usually is.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { errors } from '../../core/errors.ts';
import type { Step } from '../pipeline/run-steps.ts';

export function adminGuard(adminToken: string | undefined): Step {
  if (adminToken === undefined) return () => undefined;
  const expected = digest(adminToken);
  return (req) => {
    const given = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
    if (given === undefined || !timingSafeEqual(digest(given), expected)) {
      throw errors.bearer(401, 'invalid_token', 'The admin API needs "Authorization: Bearer <token>" with the token given to --admin-token.');
    }
  };
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

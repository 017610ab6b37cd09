/**
 * The errors of the sessions surface, in the API's error body. Kept here, not in the core's
 * catalogue: sessions are a concern of the HTTP layer, and the core never learns of them.
 */
import { ApiError } from '../../core/errors.ts';

export const sessionErrors = {
  notFound: (id: string) =>
    new ApiError(404, 'SessionNotFoundException', `There is no session "${id}": it was never created, was deleted, or ended after --session-ttl seconds unused; create one with POST /__admin/sessions.`),
  idInUse: (id: string) =>
    new ApiError(409, 'SessionConflictException', `A session "${id}" exists already; choose another id, or DELETE /__admin/sessions/${id} first.`),
  tooMany: (max: number) =>
    new ApiError(409, 'SessionConflictException', `There are ${max} sessions already, the most --max-sessions allows; DELETE /__admin/sessions/{id} one that is done.`),
  badId: () =>
    new ApiError(400, 'ValidationException', 'id: must be 1 to 64 letters, digits, "-" or "_".'),
};

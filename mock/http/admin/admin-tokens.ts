/**
 * `POST /__admin/tokens` (docs/reference.md §4): a token without the browser flow. `{"uniqueId"}`,
 * `{"credential"}` or `{"customerNumber"}` give a user token (for `clientId`, default the demo
 * client); `{"clientId"}` alone gives a client token. Answered like `/user/oauth/token`.
 */
import { DEMO_CLIENT } from '../../config.ts';
import type { CustomerStore } from '../../core/customer-store.ts';
import { errors } from '../../core/errors.ts';
import type { Commit } from '../../state/ops.ts';
import { issue } from '../oauth/grants.ts';
import type { TokenResponse } from '../oauth/token-store.ts';

const USER_KEYS = ['uniqueId', 'credential', 'customerNumber'] as const;
const SHAPES = 'send {"uniqueId"|"credential"|"customerNumber": …} for a user token or {"clientId": …} for a client token';

export function mintToken(body: unknown, deps: { store: CustomerStore; commit: Commit }): TokenResponse | Promise<TokenResponse> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw errors.validation(`body: must be an object; ${SHAPES}.`);
  const fields = body as Record<string, unknown>;
  const unknown = Object.keys(fields).find((key) => key !== 'clientId' && !(USER_KEYS as readonly string[]).includes(key));
  if (unknown) throw errors.validation(`${unknown}: is not a known field; ${SHAPES}.`);
  const given = USER_KEYS.filter((key) => fields[key] !== undefined);
  if (given.length > 1) throw errors.validation(`body: give one of uniqueId, credential or customerNumber, not ${given.join(' and ')}.`);
  const clientId = fields.clientId === undefined ? undefined : text(fields.clientId, 'clientId');
  if (given.length === 0) {
    if (clientId === undefined) throw errors.validation(`body: is empty; ${SHAPES}.`);
    return issue(deps.commit, { kind: 'client', clientId });
  }
  const uniqueId = userOf(given[0]!, fields[given[0]!], deps.store);
  // The profile shows the credential a user logged in with.
  const credential = given[0] === 'credential' ? (fields.credential as string) : undefined;
  return issue(deps.commit, { kind: 'user', clientId: clientId ?? DEMO_CLIENT.id, uniqueId, ...(credential ? { credential } : {}) });
}

function userOf(key: (typeof USER_KEYS)[number], value: unknown, store: CustomerStore): string {
  if (key === 'customerNumber') {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) throw errors.validation('customerNumber: must be a positive integer.');
    const record = store.get(value);
    if (!record) throw errors.customerNotFound(value);
    const first = record.attachedUsers?.[0];
    if (!first) throw errors.validation(`customerNumber: customer ${value} has no attached user to log in as; attach one with POST /__admin/customers.`);
    return first.uniqueId;
  }
  const wanted = text(value, key);
  if (key === 'uniqueId') {
    if (!store.findCustomerByUser(wanted)) throw errors.userHasNoCustomer(wanted);
    return wanted;
  }
  const user = store.findUserByCredential(wanted);
  if (!user) throw errors.userNotFound(wanted);
  return user.uniqueId;
}

function text(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 100) throw errors.validation(`${field}: must be a non-empty string of at most 100 characters.`);
  return value;
}

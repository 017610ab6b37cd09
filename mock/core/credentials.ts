/**
 * `POST /v1/client/credential/customers/check` (docs/reference.md §3): which customer and user each
 * credential belongs to. Emails compare case-insensitively, phones as E.164 (spaces and dashes
 * dropped, a leading `00` read as `+`; see normalize.ts). Results keep the input order and echo
 * each credential as the client sent it; unknown credentials are left out.
 *
 * @example
 * checkCredentials(store, ['OLA.NORDMANN@hotmail.no', 'nobody@example.no']);
 * // → [{ credential: 'OLA.NORDMANN@hotmail.no', customerNumber: 563457, uniqueId: 'abc123ee63461dd' }]
 */
import type { CustomerStore } from './customer-store.ts';
import type { CredentialCheckResult } from '../../spec/index.ts';

export function checkCredentials(store: CustomerStore, credentials: readonly string[]): CredentialCheckResult[] {
  const results: CredentialCheckResult[] = [];
  for (const credential of credentials) {
    const user = store.findUserByCredential(credential);
    if (user) results.push({ credential, customerNumber: user.customerNumber, uniqueId: user.uniqueId });
  }
  return results;
}

/**
 * `POST /v1/client/customer/search` (docs/reference.md §3). The search never scans the store: it looks up
 * candidates in the index of the most selective field given (a phone, an email, or one of the four
 * name-and-address keys), then checks only those candidates against every field (AND). Its cost
 * follows the number of customers sharing that key, not the size of the store.
 *
 * @example
 * searchCustomers(store, { phoneNumber: '+4712345678' }, { overflow: 'forbid' });
 * // → [SearchResult of 563457], ordered by customerNumber; 403 beyond five matches
 */
import { errors } from './errors.ts';
import { emailKey, nameAddressKey, phoneKey } from './key-hash.ts';
import { isBlank } from './normalize.ts';
import type { CustomerStore } from './customer-store.ts';
import { toSearchResult } from './customer-view.ts';
import { SEARCH_VIEW } from './record-views.ts';
import { hasSearchShape, matchesRequest } from './search-match.ts';
import type { StoreIndexes } from './store-indexes.ts';
import type { SearchRequest, SearchResult } from '../../spec/index.ts';

export interface SearchOptions {
  /** `forbid`: more than `limit` matches is a 403; `truncate`: the first `limit` (`--search-overflow`). */
  overflow: 'forbid' | 'truncate';
  /** The most results a search returns; the real API's is 5. */
  limit?: number;
}

export const SEARCH_LIMIT = 5;

export function searchCustomers(store: CustomerStore, request: SearchRequest, options: SearchOptions): SearchResult[] {
  return findCustomers(store, request, options).map((customerNumber) => toSearchResult(store.get(customerNumber)!));
}

/**
 * The same search as `searchCustomers`, answered as the response body's JSON text: each result cut
 * from its record's text (record-views.ts), none serialised again.
 */
export function searchCustomersText(store: CustomerStore, request: SearchRequest, options: SearchOptions): string {
  const texts = findCustomers(store, request, options).map((customerNumber) => store.viewText(customerNumber, SEARCH_VIEW)!);
  return `{"customers":[${texts.join(',')}]}`;
}

/** The customers that match, in customer-number order, at most the limit (or a 403 beyond it, by `overflow`). */
function findCustomers(store: CustomerStore, request: SearchRequest, options: SearchOptions): number[] {
  if (!hasSearchShape(request)) throw errors.searchRule();
  const limit = options.limit ?? SEARCH_LIMIT;
  const candidates = [...smallestCandidateSet(store.indexes, request)].sort(byNumber);
  const matches: number[] = [];
  // Candidates in customer-number order, so the first `limit` matches are the ones to return and
  // one more is enough to know the limit is exceeded.
  for (const customerNumber of candidates) {
    const record = store.peek(customerNumber);
    if (record && matchesRequest(record, request)) matches.push(customerNumber);
    if (matches.length > limit) break;
  }
  if (matches.length > limit && options.overflow === 'forbid') throw errors.tooManyResults(limit);
  return matches.slice(0, limit);
}

function byNumber(a: number, b: number): number {
  return a - b;
}

/** The candidate set of every index key the request allows; the smallest one wins. */
function smallestCandidateSet(indexes: StoreIndexes, request: SearchRequest): readonly number[] {
  let best: readonly number[] | undefined;
  for (const candidates of candidateSets(indexes, request)) {
    if (best === undefined || candidates.length < best.length) best = candidates;
    if (best.length === 0) break;
  }
  return best ?? [];
}

function* candidateSets(indexes: StoreIndexes, request: SearchRequest): Generator<readonly number[]> {
  if (!isBlank(request.phoneNumber)) yield indexes.phone.get(phoneKey(request.phoneNumber));
  if (!isBlank(request.email)) yield indexes.email.get(emailKey(request.email));
  const street = request.streetAddress;
  if (isBlank(street)) return;
  for (const nameField of ['lastName', 'companyName'] as const) {
    const name = request[nameField];
    if (isBlank(name)) continue;
    for (const postalField of ['postalCode', 'postalPlace'] as const) {
      const postal = request[postalField];
      if (!isBlank(postal)) yield indexes.nameAddress.get(nameAddressKey(nameField, name, street, postalField, postal));
    }
  }
}

/**
 * The rules of `POST /v1/client/customer/search` on one record (docs/reference.md §3): which requests are
 * allowed, and whether a record matches every field given. The index only narrows the candidates
 * (search.ts); this file decides.
 *
 * A field that is blank (empty or only white space) counts as not given, for the shape rule and for
 * matching alike: it carries nothing to match on (docs/decisions/004).
 */
import { fold, isBlank, toE164 } from './normalize.ts';
import type { Address, CustomerRecord, Name, SearchRequest } from '../../spec/index.ts';

const NAME_FIELDS = ['firstName', 'middleName', 'lastName', 'companyName', 'departmentName'] as const satisfies
  readonly (keyof Name & keyof SearchRequest)[];
const ADDRESS_FIELDS = ['careOfAddress', 'streetAddress', 'entrance', 'postalCode', 'postalPlace', 'countryCode'] as const satisfies
  readonly (keyof Address & keyof SearchRequest)[];

/**
 * One of the three allowed shapes: (a) `companyName` or `lastName`, and `streetAddress`, and
 * `postalCode` or `postalPlace`; (b) `phoneNumber`; (c) `email`.
 */
export function hasSearchShape(request: SearchRequest): boolean {
  const byNameAndAddress =
    (given(request.companyName) || given(request.lastName)) &&
    given(request.streetAddress) &&
    (given(request.postalCode) || given(request.postalPlace));
  return byNameAndAddress || given(request.phoneNumber) || given(request.email);
}

/** Whether `record` matches every field given in `request` (AND). */
export function matchesRequest(record: CustomerRecord, request: SearchRequest): boolean {
  for (const field of NAME_FIELDS) {
    if (!textMatches(request[field], record.name?.[field])) return false;
  }
  for (const field of ADDRESS_FIELDS) {
    if (!textMatches(request[field], record.address?.[field])) return false;
  }
  if (request.streetNumber !== undefined && request.streetNumber !== record.address?.streetNumber) return false;
  if (!isBlank(request.phoneNumber)) {
    const wanted = asPhone(request.phoneNumber);
    if (!(record.phoneNumbers ?? []).some((phone) => asPhone(phone.phoneNumber) === wanted)) return false;
  }
  if (!anyTextMatches(request.email, record.emails ?? [])) return false;
  return anyTextMatches(request.productCode, (record.products ?? []).map((product) => product.productCode));
}

// Module functions, not closures made per request: under tsx each named closure costs a
// `defineProperty` for its name, 2 % of a search (docs/decisions/021).
function given(value: string | undefined): boolean {
  return !isBlank(value);
}

/** A phone as compared: E.164 when it reads as one, else folded text. */
function asPhone(value: string): string {
  return toE164(value) ?? fold(value);
}

/** Whole-value comparison after folding; a blank request value matches anything. */
function textMatches(wanted: string | undefined, actual: string | null | undefined): boolean {
  if (isBlank(wanted)) return true;
  return !isBlank(actual) && fold(actual) === fold(wanted);
}

function anyTextMatches(wanted: string | undefined, actual: readonly string[]): boolean {
  if (isBlank(wanted)) return true;
  const folded = fold(wanted);
  return actual.some((value) => fold(value) === folded);
}

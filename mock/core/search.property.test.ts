/**
 * The indexed search against a linear scan: over generated stores and requests, both must give the
 * same customers, the same 400 and the same 403. Values come from small pools (with case, spacing
 * and NFC variants) so that matches, near-misses and crowds of six are common.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { CustomerStore } from './customer-store.ts';
import { ApiError } from './errors.ts';
import { searchCustomers } from './search.ts';
import type { CustomerRecord, SearchRequest } from '../../spec/index.ts';

const names = ['Hansen', ' hansen', 'Åsen', 'A\u030Asen', 'Berg'];
const companies = ['Firma AS', 'FIRMA AS ', 'Annet AS'];
const streets = ['Storgata', 'storgata', 'Grubbegata'];
const postalCodes = ['0179', '5003'];
const places = ['Oslo', 'OSLO', 'Bergen'];
const phones = ['+4712345678', '+4723339100', '+4790123456'];
const emails = ['a@example.no', 'A@Example.no', 'b@example.no'];
const products = ['CO1', 'co1', 'CO2'];

const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const recordArb = (customerNumber: number): fc.Arbitrary<CustomerRecord> =>
  fc.record({
    name: fc.record({
      firstName: optional(fc.constantFrom('Ola', 'ola', 'Kari')),
      lastName: optional(fc.constantFrom(...names)),
      companyName: optional(fc.constantFrom(...companies)),
    }),
    phones: fc.subarray(phones),
    emails: fc.subarray(emails),
    products: fc.subarray(products),
    address: fc.record({
      streetAddress: optional(fc.constantFrom(...streets)),
      streetNumber: optional(fc.constantFrom(1, 2)),
      postalCode: optional(fc.constantFrom(...postalCodes)),
      postalPlace: optional(fc.constantFrom(...places)),
      countryCode: optional(fc.constantFrom('NO', 'no')),
    }),
  }).map(({ name, phones: held, emails: mails, products: codes, address }) => ({
    customerNumber,
    name,
    phoneNumbers: held.map((phoneNumber) => ({ phoneNumber })),
    emails: mails,
    attachedUsers: [],
    address,
    products: codes.map((productCode) => ({ productCode })),
  }));

const storeArb = fc
  .uniqueArray(fc.integer({ min: 1, max: 500 }), { maxLength: 25 })
  .chain((numbers) => fc.tuple(...numbers.map(recordArb)));

const fieldArbs = {
  lastName: fc.constantFrom(...names, 'Hans'),
  companyName: fc.constantFrom(...companies),
  firstName: fc.constantFrom('OLA', 'Kari'),
  streetAddress: fc.constantFrom(...streets),
  streetNumber: fc.constantFrom(1, 2),
  postalCode: fc.constantFrom(...postalCodes),
  postalPlace: fc.constantFrom(...places),
  countryCode: fc.constantFrom('NO'),
  phoneNumber: fc.constantFrom(...phones),
  email: fc.constantFrom(...emails),
  productCode: fc.constantFrom(...products),
};
type Field = keyof typeof fieldArbs;

/** Mostly the allowed shapes (and near-misses of them), plus up to two more fields. */
const requestArb: fc.Arbitrary<SearchRequest> = fc
  .tuple(
    fc.constantFrom<Field[]>(
      ['lastName', 'streetAddress', 'postalCode'],
      ['lastName', 'streetAddress', 'postalPlace'],
      ['companyName', 'streetAddress', 'postalCode'],
      ['companyName', 'streetAddress', 'postalPlace'],
      ['phoneNumber'],
      ['email'],
      ['lastName', 'streetAddress'],
      [],
    ),
    fc.subarray(Object.keys(fieldArbs) as Field[], { maxLength: 2 }),
  )
  .chain(([shape, extra]) => {
    const fields = [...new Set([...shape, ...extra])];
    return fc.record(Object.fromEntries(fields.map((field) => [field, fieldArbs[field]]))) as fc.Arbitrary<SearchRequest>;
  });

/** The rules of docs/reference.md §3, written as plainly as possible over every record. */
function linearScan(records: CustomerRecord[], request: SearchRequest, overflow: 'forbid' | 'truncate'): number[] | string {
  const norm = (value: string | null | undefined) => (value ?? '').normalize('NFC').toLowerCase().trim();
  const has = (value: string | undefined) => norm(value) !== '';
  const shape =
    ((has(request.companyName) || has(request.lastName)) && has(request.streetAddress) && (has(request.postalCode) || has(request.postalPlace))) ||
    has(request.phoneNumber) ||
    has(request.email);
  if (!shape) return 'SearchCriteriaException';
  const same = (wanted: string | undefined, actual: string | null | undefined) => !has(wanted) || (has(actual ?? undefined) && norm(wanted) === norm(actual));
  const anySame = (wanted: string | undefined, actual: string[]) => !has(wanted) || actual.some((value) => norm(value) === norm(wanted));
  const matches = records
    .filter((r) =>
      (['firstName', 'middleName', 'lastName', 'companyName', 'departmentName'] as const).every((f) => same(request[f], r.name?.[f])) &&
      (['careOfAddress', 'streetAddress', 'entrance', 'postalCode', 'postalPlace', 'countryCode'] as const).every((f) => same(request[f], r.address[f])) &&
      (request.streetNumber === undefined || request.streetNumber === r.address.streetNumber) &&
      anySame(request.phoneNumber, (r.phoneNumbers ?? []).map((p) => p.phoneNumber)) &&
      anySame(request.email, r.emails ?? []) &&
      anySame(request.productCode, r.products.map((p) => p.productCode)),
    )
    .map((r) => r.customerNumber)
    .sort((a, b) => a - b);
  if (matches.length > 5 && overflow === 'forbid') return 'TooManyResultsException';
  return matches.slice(0, 5);
}

function indexed(store: CustomerStore, request: SearchRequest, overflow: 'forbid' | 'truncate'): number[] | string {
  try {
    return searchCustomers(store, request, { overflow }).map((found) => found.customerNumber);
  } catch (error) {
    if (error instanceof ApiError) return error.code;
    throw error;
  }
}

it('gives what a linear scan gives, for generated stores and requests', () => {
  fc.assert(
    fc.property(storeArb, fc.array(requestArb, { minLength: 1, maxLength: 8 }), fc.constantFrom('forbid' as const, 'truncate' as const), (records, requests, overflow) => {
      const store = new CustomerStore(records);
      for (const request of requests) expect(indexed(store, request, overflow)).toEqual(linearScan(records, request, overflow));
    }),
    { seed: 20261128, numRuns: 300 },
  );
});

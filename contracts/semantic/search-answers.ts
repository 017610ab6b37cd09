import type { Address, CustomerInfo } from '../../spec/index.ts';
import type { HttpResponse } from '../http/http-client.ts';
import { expectThat } from './expect.ts';

type Found = CustomerInfo & { address?: Address | null };

const NAME_FIELDS = ['firstName', 'middleName', 'lastName', 'companyName', 'departmentName'] as const;
const ADDRESS_FIELDS = ['careOfAddress', 'streetAddress', 'streetNumber', 'entrance', 'postalCode', 'postalPlace', 'countryCode'] as const;

/** How the API compares strings in a search: trimmed, NFC, case-folded, whole value. */
export const fold = (value: unknown): string => String(value ?? '').trim().normalize('NFC').toLowerCase();

/**
 * A 200 must answer the question asked: every result satisfies every field of the query (AND),
 * at most five, in `customerNumber` order. A server that returns the wrong customers, or more of
 * them, fails here even where the expected customer is among them.
 */
export function expectResultsSatisfy(res: HttpResponse, query: Record<string, unknown>): void {
  const customers = ((res.json as { customers?: Found[] } | undefined)?.customers ?? []);
  expectThat(customers.length <= 5, `${customers.length} results; a search answers at most five`, res);
  const numbers = customers.map((c) => c.customerNumber);
  expectThat(numbers.every((n, i) => i === 0 || numbers[i - 1]! < n), `results are not in customerNumber order: [${numbers.join(', ')}]`, res);
  for (const customer of customers) {
    for (const [field, wanted] of Object.entries(query)) {
      const mismatch = mismatchOf(customer, field, wanted);
      expectThat(mismatch === undefined, `customer ${customer.customerNumber} does not satisfy the query: ${mismatch}`, res);
    }
  }
}

function mismatchOf(customer: Found, field: string, wanted: unknown): string | undefined {
  if (field === 'productCode') return undefined; // results do not show products
  if (field === 'phoneNumber') {
    const phones = (customer.phoneNumbers ?? []).map((p) => p.phoneNumber.trim());
    return phones.includes(String(wanted).trim()) ? undefined : `no phone number is ${String(wanted)} (has ${phones.join(', ') || 'none'})`;
  }
  if (field === 'email') {
    const emails = (customer.emails ?? []).map(fold);
    return emails.includes(fold(wanted)) ? undefined : `no email is ${String(wanted)} (has ${(customer.emails ?? []).join(', ') || 'none'})`;
  }
  if ((NAME_FIELDS as readonly string[]).includes(field)) {
    const got = customer.name?.[field as (typeof NAME_FIELDS)[number]];
    return fold(got) === fold(wanted) ? undefined : `name.${field} is ${JSON.stringify(got ?? null)}, asked ${JSON.stringify(wanted)}`;
  }
  if ((ADDRESS_FIELDS as readonly string[]).includes(field)) {
    if (!customer.address) return `it has no address to match ${field}`;
    const got = customer.address[field as (typeof ADDRESS_FIELDS)[number]];
    return fold(got) === fold(wanted) ? undefined : `address.${field} is ${JSON.stringify(got ?? null)}, asked ${JSON.stringify(wanted)}`;
  }
  return undefined;
}

import type { EnvironmentData } from '../runner/data-file.ts';
import { CheckSkip } from '../runner/results.ts';
import { CONTRACT_CUSTOMER, FIVE_SHARED_PHONE, NARROWING_PRODUCT, NEIGHBOUR_CUSTOMER, SIX_SHARED_PHONE } from '../runner/seed-customers.ts';
import { nameAddress, swapCase, type SearchFacts } from './search-facts.ts';

/** What a search must answer: a status, and for a 200 which customers (in order) or whether the own one is in. */
export type SearchExpectation =
  | { status: 200; includesOwn: boolean }
  | { status: 200; exactly: readonly number[] }
  | { status: 200; includes: number }
  | { status: 400 }
  | { status: 403; exceptionType: string };

/**
 * One search scenario per row: the request made from the facts, and the answer the rules of
 * contracts/README.md demand. `seeded` rows need the mock's seeded customers (the 5-result rule, order,
 * a product that narrows), data a real server cannot be assumed to hold.
 */
export interface SearchScenario {
  name: string;
  /** Set for rows that need the mock's seeded customers: what they need, for the skip reason. */
  seeded?: string;
  body: (f: SearchFacts) => Record<string, unknown>;
  expect: SearchExpectation;
  /** The same rule on a real server, from the facts `--data FILE` names, when it names them. */
  fromData?: (data: EnvironmentData) => { body: Record<string, unknown>; expect: SearchExpectation } | undefined;
}

const has = { status: 200, includesOwn: true } as const;
const hasNot = { status: 200, includesOwn: false } as const;
const none = { status: 200, exactly: [] } as const;
const bad = { status: 400 } as const;


export const SEARCH_SCENARIOS: SearchScenario[] = [
  // The three shapes
  { name: 'finds a customer by phone number', body: (f) => ({ phoneNumber: f.phone }), expect: has },
  { name: 'finds a customer by email', body: (f) => ({ email: f.email }), expect: has },
  { name: 'finds a customer by last name, street and postal code', body: (f) => nameAddress(f), expect: has },
  {
    name: 'finds a customer by company name, street and postal place',
    body: (f) => {
      const { streetAddress } = nameAddress(f);
      if (!f.companyName || !f.postalPlace) throw new CheckSkip('the own customer has no company name or postal place');
      return { companyName: f.companyName, streetAddress, postalPlace: f.postalPlace };
    },
    expect: has,
  },
  // Requests that fit no shape
  { name: 'answers 400 to an empty search', body: () => ({}), expect: bad },
  { name: 'answers 400 to a last name alone', body: (f) => ({ lastName: f.lastName ?? 'Nordmann' }), expect: bad },
  { name: 'answers 400 to a name and street without postal code or place', body: () => ({ lastName: 'Nordmann', streetAddress: 'Grubbegata' }), expect: bad },
  { name: 'answers 400 to street and postal code without a name', body: () => ({ streetAddress: 'Grubbegata', postalCode: '0179' }), expect: bad },
  { name: 'answers 400 to a first name and postal place only', body: () => ({ firstName: 'Ola', postalPlace: 'Oslo' }), expect: bad },
  { name: 'answers 400 to a product code alone', body: () => ({ productCode: 'CO27409' }), expect: bad },
  { name: 'answers 400 to an unknown field', body: (f) => ({ phoneNumber: f.phone, nickname: 'Ola' }), expect: bad },
  // AND
  { name: 'requires every field to match: a phone with a foreign email finds nothing', body: (f) => ({ phoneNumber: f.phone, email: 'nobody.contract@example.invalid' }), expect: none },
  { name: 'requires every field to match: a wrong first name finds nothing', body: (f) => ({ ...nameAddress(f), firstName: 'Ingenslikfornavn' }), expect: none },
  // Case, whitespace and Unicode
  { name: 'matches email case-insensitively', body: (f) => ({ email: swapCase(f.email) }), expect: has },
  { name: 'matches names and streets case-insensitively', body: (f) => { const q = nameAddress(f); return { ...q, lastName: swapCase(q.lastName), streetAddress: swapCase(q.streetAddress) }; }, expect: has },
  { name: 'ignores whitespace around values', body: (f) => { const q = nameAddress(f); return { ...q, lastName: `  ${q.lastName} `, streetAddress: ` ${q.streetAddress}  ` }; }, expect: has },
  // Unicode NFC: search-checks.ts, which can give the own customer a decomposable name for the run.
  // Whole values, not prefixes
  { name: 'does not match a prefix of a last name', body: (f) => { const q = nameAddress(f); return { ...q, lastName: q.lastName.slice(0, -1) }; }, expect: hasNot },
  { name: 'does not match a prefix of a street', body: (f) => { const q = nameAddress(f); return { ...q, streetAddress: q.streetAddress.slice(0, -1) }; }, expect: hasNot },
  { name: 'does not match a prefix of a phone number', body: (f) => ({ phoneNumber: f.phone.slice(0, -1) }), expect: hasNot },
  // productCode
  { name: 'a product code no customer holds empties the result', body: (f) => ({ phoneNumber: f.phone, productCode: 'ZZNOPRODUCT9' }), expect: none },
  {
    name: 'a product code the customer holds keeps it', seeded: 'a customer whose products are known',
    body: () => ({ phoneNumber: CONTRACT_CUSTOMER.phoneNumbers?.[0]?.phoneNumber, productCode: 'CT0001' }), expect: { status: 200, exactly: [CONTRACT_CUSTOMER.customerNumber] },
    fromData: ({ productHolder: p }) => p && { body: { phoneNumber: p.phoneNumber, productCode: p.productCode }, expect: { status: 200, includes: p.customerNumber } },
  },
  { name: 'a product code narrows six matches to those holding it', seeded: 'six customers sharing a phone, three of them holding one product', body: () => ({ phoneNumber: SIX_SHARED_PHONE, productCode: NARROWING_PRODUCT }), expect: { status: 200, exactly: [9900000012, 9900000014, 9900000016] } },
  // Results, order and the 5-result rule
  { name: 'answers 200 with an empty list when nothing matches', body: () => ({ phoneNumber: '+999999999999' }), expect: none },
  {
    name: 'orders results by customer number', seeded: 'two customers matching one search, stored out of number order',
    body: () => ({ lastName: 'Håland', streetAddress: 'Kontraktveien', postalPlace: 'Kontraktby' }), expect: { status: 200, exactly: [CONTRACT_CUSTOMER.customerNumber, NEIGHBOUR_CUSTOMER.customerNumber] },
    fromData: ({ customersAtOneAddress: a }) => a && { body: a.search, expect: { status: 200, exactly: a.customerNumbers } },
  },
  { name: 'requires every field to match: a postal code keeps one of two namesakes', seeded: 'two namesakes on one street with different postal codes', body: () => ({ lastName: 'Håland', streetAddress: 'Kontraktveien', postalPlace: 'Kontraktby', postalCode: '9991' }), expect: { status: 200, exactly: [CONTRACT_CUSTOMER.customerNumber] } },
  { name: 'returns all five when exactly five match', seeded: 'exactly five customers sharing a phone', body: () => ({ phoneNumber: FIVE_SHARED_PHONE }), expect: { status: 200, exactly: [9900000021, 9900000022, 9900000023, 9900000024, 9900000025] } },
  {
    name: 'answers 403 TooManyResultsException given more than five matches', seeded: 'six customers sharing a phone',
    body: () => ({ phoneNumber: SIX_SHARED_PHONE }), expect: { status: 403, exceptionType: 'TooManyResultsException' },
    fromData: ({ phoneSharedByMoreThanFive: phone }) => (phone ? { body: { phoneNumber: phone }, expect: { status: 403, exceptionType: 'TooManyResultsException' } } : undefined),
  },
];

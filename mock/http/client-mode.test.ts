/** docs/reference.md §3: search, the credential check and client-mode info, over HTTP. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import {
  DECOMPOSED_CUSTOMER_NUMBER, DECOMPOSED_NFC, SAMPLE_CUSTOMER_NUMBER, SAMPLE_EMAIL, SAMPLE_MOBILE_CREDENTIAL, SAMPLE_PHONE, SAMPLE_UNIQUE_ID, SHARED_ADDRESS,
  SHARED_ADDRESS_CUSTOMER_NUMBERS, SHARED_ADDRESS_PRODUCT_CODE, SHARED_PHONE, SHARED_PHONE_CUSTOMER_NUMBERS, UNKNOWN_CUSTOMER_NUMBER,
} from '../../fixtures/index.ts';
import { type RunningMock, startMock } from '../server.ts';
import { callOperation, clientToken } from '../testing/test-support.ts';

let mock: RunningMock;
let truncating: RunningMock;
let token: string;

beforeAll(async () => {
  [mock, truncating] = await Promise.all([
    startMock({ count: 50, rateLimit: false }),
    startMock({ count: 0, rateLimit: false, searchOverflow: 'truncate' }),
  ]);
  token = await clientToken(mock.url);
});
afterAll(() => Promise.all([mock.close(), truncating.close()]));

const search = (body: unknown, on = mock, bearer = token) => callOperation(on.url, 'searchCustomers', { token: bearer, body });
const numbers = (body: { customers: Array<{ customerNumber: number }> }) => body.customers.map((c) => c.customerNumber);

it('finds a customer by phone number with its address', async () => {
  const result = await search({ phoneNumber: SAMPLE_PHONE });
  expect(result.status).toBe(200);
  expect(numbers(result.body)).toEqual([SAMPLE_CUSTOMER_NUMBER]);
  expect(result.body.customers[0].address.postalCode).toBe('0179');
});

it('matches email case-insensitively', async () => {
  const result = await search({ email: SAMPLE_EMAIL.toUpperCase() });
  expect(numbers(result.body)).toEqual([SAMPLE_CUSTOMER_NUMBER]);
});

it('matches any of the customer\'s phone numbers and any of its emails', async () => {
  expect(numbers((await search({ phoneNumber: '+4723339100' })).body)).toEqual([SAMPLE_CUSTOMER_NUMBER]);
  expect(numbers((await search({ email: 'ola.nordmann@company.com' })).body)).toEqual([SAMPLE_CUSTOMER_NUMBER]);
});

it('matches whole values, not prefixes', async () => {
  expect((await search({ email: 'ola.nordmann@hotmail.n' })).body.customers).toEqual([]);
});

it('needs every given field to match', async () => {
  expect((await search({ phoneNumber: SAMPLE_PHONE, lastName: 'Hansen' })).body.customers).toEqual([]);
  expect(numbers((await search({ phoneNumber: SAMPLE_PHONE, lastName: 'NORDMANN' })).body)).toEqual([SAMPLE_CUSTOMER_NUMBER]);
});

it('finds data stored decomposed given the NFC spelling, with surrounding spaces', async () => {
  const { lastName, streetAddress, postalPlace } = DECOMPOSED_NFC;
  const result = await search({ lastName: ` ${lastName} `, streetAddress, postalPlace });
  expect(numbers(result.body)).toEqual([DECOMPOSED_CUSTOMER_NUMBER]);
});

it('returns 400 naming the rule given no searchable combination', async () => {
  const result = await search({ lastName: 'Nordmann' });
  expect(result.status).toBe(400);
  expect(result.body.exceptionType).toBe('SearchCriteriaException');
  expect(result.body.errorMessage).toMatch(/streetAddress/);
});

it('returns 200 with an empty list given no match', async () => {
  const result = await search({ phoneNumber: '+4799999999' });
  expect(result).toMatchObject({ status: 200, body: { customers: [] } });
});

it('returns 403 given more than five matches', async () => {
  const result = await search({ phoneNumber: SHARED_PHONE });
  expect(result.status).toBe(403);
  expect(result.body.exceptionType).toBe('TooManyResultsException');
});

it('returns the first five by customer number given more than five matches and --search-overflow truncate', async () => {
  const other = await clientToken(truncating.url);
  const result = await search({ phoneNumber: SHARED_PHONE }, truncating, other);
  expect(result.status).toBe(200);
  expect(numbers(result.body)).toEqual(SHARED_PHONE_CUSTOMER_NUMBERS.slice(0, 5));
});

it('narrows a name/address search with productCode', async () => {
  const { lastName, streetAddress, postalCode } = SHARED_ADDRESS;
  const result = await search({ lastName, streetAddress, postalCode, productCode: SHARED_ADDRESS_PRODUCT_CODE });
  expect(result.status).toBe(200);
  expect(result.body.customers.length).toBeLessThan(SHARED_ADDRESS_CUSTOMER_NUMBERS.length);
  expect(result.body.customers.length).toBeGreaterThan(0);
});

it('returns 400 naming the field given a search field over its maximum length', async () => {
  const result = await search({ email: SAMPLE_EMAIL, lastName: 'x'.repeat(31) });
  expect(result.status).toBe(400);
  expect(result.body.errorMessage).toMatch(/lastName: must NOT have more than 30 characters/);
});

it('returns the customer of each known credential in input order and leaves out unknown ones', async () => {
  const result = await callOperation(mock.url, 'checkCredentialCustomers', {
    token,
    body: { credentials: [SAMPLE_MOBILE_CREDENTIAL, 'nobody@example.no', SAMPLE_EMAIL.toUpperCase()] },
  });
  expect(result.status).toBe(200);
  expect(result.body.customers).toEqual([
    { credential: SAMPLE_MOBILE_CREDENTIAL, customerNumber: SAMPLE_CUSTOMER_NUMBER, uniqueId: SAMPLE_UNIQUE_ID },
    { credential: SAMPLE_EMAIL.toUpperCase(), customerNumber: SAMPLE_CUSTOMER_NUMBER, uniqueId: SAMPLE_UNIQUE_ID },
  ]);
});

it('returns 400 given more than 100 credentials', async () => {
  const credentials = Array.from({ length: 101 }, (_, i) => `user${i}@example.no`);
  const result = await callOperation(mock.url, 'checkCredentialCustomers', { token, body: { credentials } });
  expect(result.status).toBe(400);
  expect(result.body.errorMessage).toMatch(/credentials/);
});

it('returns 400 given a credential over 60 characters', async () => {
  const result = await callOperation(mock.url, 'checkCredentialCustomers', { token, body: { credentials: [`${'a'.repeat(53)}@test.no`] } });
  expect(result.status).toBe(400);
  expect(result.body.errorMessage).toMatch(/credentials\[0\]: must NOT have more than 60 characters/);
});

it('returns 400 given no credentials', async () => {
  const result = await callOperation(mock.url, 'checkCredentialCustomers', { token, body: { credentials: [] } });
  expect(result.status).toBe(400);
});

it('returns the customer in client mode, also under /capi', async () => {
  for (const prefix of ['', '/capi']) {
    const result = await callOperation(mock.url, 'getClientCustomerInfo', { token, prefix, params: { customerNumber: SAMPLE_CUSTOMER_NUMBER } });
    expect(result.status).toBe(200);
    expect(result.body.customerNumber).toBe(SAMPLE_CUSTOMER_NUMBER);
  }
});

it('returns 404 given an unknown customer number', async () => {
  const result = await callOperation(mock.url, 'getClientCustomerInfo', { token, params: { customerNumber: UNKNOWN_CUSTOMER_NUMBER } });
  expect(result.status).toBe(404);
  expect(result.body.exceptionType).toBe('CustomerNotFoundException');
});

it.each(['abc', '0', '-5', '1.5'])('returns 400 given the customer number %s', async (customerNumber) => {
  const result = await callOperation(mock.url, 'getClientCustomerInfo', { token, params: { customerNumber } });
  expect(result.status).toBe(400);
  expect(result.body.errorMessage).toMatch(/customerNumber/);
});

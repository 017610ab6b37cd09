import { expect, it, vi } from 'vitest';
import { CustomerStore } from './customer-store.ts';
import { searchCustomers } from './search.ts';
import { customer, sampleCustomer } from './test-records.ts';
import type { SearchRequest } from '../../spec/index.ts';

const forbid = { overflow: 'forbid' } as const;
const numbers = (store: CustomerStore, request: SearchRequest, options: Parameters<typeof searchCustomers>[2] = forbid) =>
  searchCustomers(store, request, options).map((found) => found.customerNumber);

const ola = sampleCustomer();
const at = { streetAddress: 'Grubbegata', postalCode: '0179' };

it('finds by last name, street and postal code (shape a)', () => {
  const store = new CustomerStore([ola, customer(1)]);
  expect(numbers(store, { lastName: 'Nordmann', ...at })).toEqual([563457]);
});

it('finds by company name, street and postal place (shape a)', () => {
  const store = new CustomerStore([ola, customer(1)]);
  expect(numbers(store, { companyName: 'Company International Ltd', streetAddress: 'Grubbegata', postalPlace: 'Oslo' })).toEqual([563457]);
});

it('finds by any of the customer\'s phone numbers (shape b)', () => {
  const store = new CustomerStore([ola, customer(1)]);
  expect(numbers(store, { phoneNumber: '+4723339100' })).toEqual([563457]);
  expect(numbers(store, { phoneNumber: '+4712345678' })).toEqual([563457]);
});

it('finds by any of the customer\'s emails, not by the invoice email alone (shape c)', () => {
  const store = new CustomerStore([ola, customer(1, { invoiceEmailAddress: 'invoice@example.no' })]);
  expect(numbers(store, { email: 'ola.nordmann@company.com' })).toEqual([563457]);
  expect(numbers(store, { email: 'invoice@example.no' })).toEqual([]);
});

it.each<[string, SearchRequest]>([
  ['nothing', {}],
  ['a last name and street without postal code or place', { lastName: 'Nordmann', streetAddress: 'Grubbegata' }],
  ['a last name and postal code without street', { lastName: 'Nordmann', postalCode: '0179' }],
  ['a street and postal code without a name', at],
  ['a first name, street and postal code', { firstName: 'Ola', ...at }],
  ['a product code alone', { productCode: 'CO27409' }],
  ['a blank phone number', { phoneNumber: '  ' }],
])('refuses %s with 400 naming the rule', (_, request) => {
  const store = new CustomerStore([ola]);
  expect(() => searchCustomers(store, request, forbid)).toThrow(
    expect.objectContaining({ status: 400, code: 'SearchCriteriaException', message: expect.stringMatching(/phoneNumber.*email/) }),
  );
});

it('requires every field given to match (AND)', () => {
  const store = new CustomerStore([ola]);
  expect(numbers(store, { phoneNumber: '+4712345678', firstName: 'Kari' })).toEqual([]);
  expect(numbers(store, { phoneNumber: '+4712345678', firstName: 'Ola', middleName: 'Solstrand', departmentName: 'Support' })).toEqual([563457]);
  expect(numbers(store, { email: 'ola.nordmann@hotmail.no', streetNumber: 7 })).toEqual([]);
  expect(numbers(store, { email: 'ola.nordmann@hotmail.no', streetNumber: 6, entrance: 'A', countryCode: 'NO' })).toEqual([563457]);
  expect(numbers(store, { email: 'ola.nordmann@hotmail.no', careOfAddress: 'c/o Hansen' })).toEqual([]);
  expect(numbers(store, { lastName: 'Nordmann', ...at, companyName: 'Other AS' })).toEqual([]);
  expect(numbers(store, { lastName: 'Nordmann', ...at, postalPlace: 'Bergen' })).toEqual([]);
  expect(numbers(store, { phoneNumber: '+4712345678', email: 'ola.nordmann@company.com' })).toEqual([563457]);
  expect(numbers(store, { phoneNumber: '+4712345678', email: 'someone@else.no' })).toEqual([]);
});

it('matches care-of address when given', () => {
  const store = new CustomerStore([customer(1, { address: { ...ola.address, careOfAddress: 'c/o Hansen' } })]);
  expect(numbers(store, { email: 'customer1@example.no', careOfAddress: 'C/O HANSEN' })).toEqual([1]);
});

it('keeps only customers holding the product code', () => {
  const store = new CustomerStore([ola, customer(1, { emails: ['shared@example.no'] }), customer(2, { emails: ['shared@example.no'], products: [{ productCode: 'CO27409' }] })]);
  expect(numbers(store, { email: 'shared@example.no', productCode: 'co27409' })).toEqual([2]);
  expect(numbers(store, { email: 'shared@example.no' })).toEqual([1, 2]);
});

it('compares strings case-insensitively after trimming and NFC normalisation', () => {
  const store = new CustomerStore([customer(1, { name: { lastName: 'Ærlig' }, address: { ...ola.address, streetAddress: 'Åsveien' } })]);
  expect(numbers(store, { lastName: '  æRLIG ', streetAddress: 'A\u030Asveien', postalCode: ' 0179' })).toEqual([1]);
  expect(numbers(store, { email: ' CUSTOMER1@Example.NO ' })).toEqual([1]);
});

it('matches whole values, never a prefix', () => {
  const store = new CustomerStore([ola]);
  expect(numbers(store, { lastName: 'Nord', ...at })).toEqual([]);
  expect(numbers(store, { lastName: 'Nordmann', streetAddress: 'Grubbe', postalCode: '0179' })).toEqual([]);
  expect(numbers(store, { email: 'ola.nordmann@hotmail' })).toEqual([]);
  expect(numbers(store, { phoneNumber: '+47123456' })).toEqual([]);
  expect(numbers(store, { phoneNumber: '+4712345678', firstName: 'O' })).toEqual([]);
});

it('returns results ordered by customer number', () => {
  const store = new CustomerStore([customer(30), customer(10), customer(20)].map((record) => ({ ...record, emails: ['same@example.no'] })));
  expect(numbers(store, { email: 'same@example.no' })).toEqual([10, 20, 30]);
});

it('returns an empty list when nothing matches', () => {
  const store = new CustomerStore([ola]);
  expect(searchCustomers(store, { phoneNumber: '+4799999999' }, forbid)).toEqual([]);
});

const sixAtOneAddress = () =>
  new CustomerStore([6, 1, 5, 2, 4, 3].map((n) => customer(n, { name: { lastName: 'Hansen' } })));

it('answers 403 given more than five matches', () => {
  expect(() => searchCustomers(sixAtOneAddress(), { lastName: 'Hansen', ...at }, forbid)).toThrow(
    expect.objectContaining({ status: 403, code: 'TooManyResultsException' }),
  );
});

it('returns exactly five matches without complaint', () => {
  const store = sixAtOneAddress();
  store.replaceAll([...store.all()].filter((record) => record.customerNumber !== 6));
  expect(numbers(store, { lastName: 'Hansen', ...at })).toEqual([1, 2, 3, 4, 5]);
});

it('returns the first five by customer number given more than five matches and truncate', () => {
  expect(numbers(sixAtOneAddress(), { lastName: 'Hansen', ...at }, { overflow: 'truncate' })).toEqual([1, 2, 3, 4, 5]);
});

it('returns CustomerInfo plus address, without products', () => {
  const [found] = searchCustomers(new CustomerStore([ola]), { phoneNumber: '+4712345678' }, forbid);
  const { products: _, ...expected } = ola;
  expect(found).toEqual(expected);
});

it('sees a replaced record at once: old phone gone, new phone found', () => {
  const store = new CustomerStore([ola]);
  store.upsert([{ ...ola, phoneNumbers: [{ phoneNumber: '+4711111111' }] }]);
  expect(numbers(store, { phoneNumber: '+4712345678' })).toEqual([]);
  expect(numbers(store, { phoneNumber: '+4711111111' })).toEqual([563457]);
});

it('looks candidates up in an index instead of reading every customer', () => {
  const store = new CustomerStore(Array.from({ length: 2000 }, (_, i) => customer(i + 1)));
  const reads = vi.spyOn(store, 'get');
  expect(numbers(store, { phoneNumber: '+4790001234' })).toEqual([1234]);
  expect(numbers(store, { email: 'customer77@example.no' })).toEqual([77]);
  expect(reads.mock.calls.length).toBeLessThanOrEqual(2);
});

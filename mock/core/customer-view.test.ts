import { expect, it } from 'vitest';
import { displayName, toCustomerInfo, toSearchResult } from './customer-view.ts';
import { customer, sampleCustomer } from './test-records.ts';

it('shows CustomerInfo without address and products', () => {
  const { address: _a, products: _p, ...info } = sampleCustomer();
  expect(toCustomerInfo(sampleCustomer())).toEqual(info);
  expect(Object.keys(toCustomerInfo(sampleCustomer()))).not.toContain('address');
});

it('keeps nulls that an update left, so they read back as null', () => {
  const info = toCustomerInfo({ ...sampleCustomer(), phoneNumbers: null, emails: null, invoiceEmailAddress: null });
  expect(info).toMatchObject({ phoneNumbers: null, emails: null, invoiceEmailAddress: null });
});

it('adds the address to a search result', () => {
  expect(toSearchResult(sampleCustomer()).address).toEqual(sampleCustomer().address);
  expect(toSearchResult(sampleCustomer())).not.toHaveProperty('products');
});

it('names a person by their names, a company by its name, and the placeholder not at all', () => {
  expect(displayName(sampleCustomer())).toBe('Ola Solstrand Nordmann');
  expect(displayName(customer(1, { name: { companyName: 'Firma AS' } }))).toBe('Firma AS');
  expect(displayName(customer(1, { name: { lastName: '-' } }))).toBeUndefined();
});

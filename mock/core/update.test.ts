import { expect, it } from 'vitest';
import { CustomerStore } from './customer-store.ts';
import { checkCredentials } from './credentials.ts';
import { searchCustomers } from './search.ts';
import { sampleCustomer } from './test-records.ts';
import type { CustomerUpdate, Name } from '../../spec/index.ts';
import { replaceCustomerInfo } from './update.ts';

const ola = sampleCustomer();
const placeholder: Name = { firstName: null, middleName: null, lastName: '-', companyName: null, departmentName: null };

function updated(body: CustomerUpdate | undefined) {
  const store = new CustomerStore([sampleCustomer()]);
  replaceCustomerInfo(store, 563457, body);
  return store.get(563457)!;
}

it('replaces every field, and a field left out becomes null', () => {
  const record = updated({ name: { lastName: 'Ny' }, emails: ['ny@example.no'] });
  expect(record.name).toEqual({ firstName: null, middleName: null, lastName: 'Ny', companyName: null, departmentName: null });
  expect(record.emails).toEqual(['ny@example.no']);
  expect(record.phoneNumbers).toBeNull();
  expect(record.invoiceEmailAddress).toBeNull();
});

it('stores a full body as given', () => {
  const body = {
    name: { firstName: 'Kari', middleName: null, lastName: 'Hansen', companyName: 'Firma AS', departmentName: 'Salg' },
    phoneNumbers: [{ phoneNumber: '+4711111111', phoneNumberType: 'mobile' }],
    emails: ['kari@example.no'],
    invoiceEmailAddress: 'faktura@example.no',
  };
  expect(updated(body)).toEqual({ ...ola, ...body });
});

it.each<[string, CustomerUpdate | undefined]>([
  ['an absent body', undefined],
  ['a null body', null],
  ['an empty body', {}],
  ['a missing name', { emails: ['x@example.no'] }],
  ['a null name', { name: null }],
  ['an empty name', { name: {} }],
  ['a name of nulls and blanks', { name: { firstName: null, lastName: '  ' } }],
])('sets the name to {lastName: "-"} given %s', (_, body) => {
  expect(updated(body).name).toEqual(placeholder);
});

it.each<[string, Name]>([
  ['only a first name', { firstName: 'Ola' }],
  ['only a middle name', { middleName: 'Solstrand' }],
  ['only a department', { departmentName: 'Support' }],
  ['a first name and a blank last name', { firstName: 'Ola', lastName: ' ' }],
])('refuses a name with %s, with 400, and changes nothing', (_, name) => {
  const store = new CustomerStore([sampleCustomer()]);
  expect(() => replaceCustomerInfo(store, 563457, { name, emails: [] })).toThrow(
    expect.objectContaining({ status: 400, message: expect.stringMatching(/lastName or companyName/) }),
  );
  expect(store.get(563457)).toEqual(ola);
});

it('accepts a name with only a company name', () => {
  expect(updated({ name: { companyName: 'Firma AS', departmentName: 'Salg' } }).name).toEqual({
    firstName: null, middleName: null, lastName: null, companyName: 'Firma AS', departmentName: 'Salg',
  });
});

it('ignores the read-only customerNumber and attachedUsers in the body', () => {
  const record = updated({ customerNumber: 1, attachedUsers: [], name: { lastName: 'Ny' } } as CustomerUpdate);
  expect(record.customerNumber).toBe(563457);
  expect(record.attachedUsers).toEqual(ola.attachedUsers);
});

it('leaves address and products untouched', () => {
  const record = updated({});
  expect(record.address).toEqual(ola.address);
  expect(record.products).toEqual(ola.products);
});

it('answers 404 for an unknown customer', () => {
  expect(() => replaceCustomerInfo(new CustomerStore(), 1, {})).toThrow(expect.objectContaining({ status: 404 }));
});

it('re-indexes: old email and phone no longer found, new ones found, users still resolve', () => {
  const store = new CustomerStore([sampleCustomer()]);
  replaceCustomerInfo(store, 563457, { name: { lastName: 'Ny' }, emails: ['ny@example.no'], phoneNumbers: [{ phoneNumber: '+4711111111' }] });
  const find = (request: object) => searchCustomers(store, request, { overflow: 'forbid' }).map((found) => found.customerNumber);
  expect(find({ email: 'ola.nordmann@hotmail.no' })).toEqual([]);
  expect(find({ phoneNumber: '+4712345678' })).toEqual([]);
  expect(find({ lastName: 'Nordmann', streetAddress: 'Grubbegata', postalCode: '0179' })).toEqual([]);
  expect(find({ email: 'ny@example.no' })).toEqual([563457]);
  expect(find({ phoneNumber: '+4711111111' })).toEqual([563457]);
  expect(find({ lastName: 'ny', streetAddress: 'Grubbegata', postalPlace: 'Oslo' })).toEqual([563457]);
  expect(store.findCustomerByUser('abc123ee63461dd')?.name?.lastName).toBe('Ny');
  expect(checkCredentials(store, ['ola.nordmann@hotmail.no'])).toHaveLength(1);
});

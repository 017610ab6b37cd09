import { expect, it } from 'vitest';
import { CustomerStore, type StoreChange } from './customer-store.ts';
import { ApiError } from './errors.ts';
import { searchCustomers } from './search.ts';
import { customer, sampleCustomer } from './test-records.ts';

const byEmail = (store: CustomerStore, email: string) =>
  searchCustomers(store, { email }, { overflow: 'truncate' }).map((found) => found.customerNumber);

it('gets a record by customer number, as a copy the caller may change', () => {
  const store = new CustomerStore([sampleCustomer()]);
  const first = store.get(563457)!;
  first.emails = [];
  expect(store.get(563457)).toEqual(sampleCustomer());
  expect(store.get(1)).toBeUndefined();
  expect(store.size).toBe(1);
});

it('lists and iterates in customer-number order, whatever the insert order', () => {
  const store = new CustomerStore([customer(30), customer(10), customer(20)]);
  store.upsert([customer(15)]);
  expect(store.list(0, 10).map((record) => record.customerNumber)).toEqual([10, 15, 20, 30]);
  expect(store.list(1, 2).map((record) => record.customerNumber)).toEqual([15, 20]);
  expect([...store.all()].map((record) => record.customerNumber)).toEqual([10, 15, 20, 30]);
  expect([...store.allJson()].map((json) => JSON.parse(json).customerNumber)).toEqual([10, 15, 20, 30]);
});

it('upsert replaces by customer number and re-indexes: the old email is gone, the new one found', () => {
  const store = new CustomerStore([customer(1, { emails: ['old@example.no'] })]);
  store.upsert([customer(1, { emails: ['new@example.no'] })]);
  expect(byEmail(store, 'old@example.no')).toEqual([]);
  expect(byEmail(store, 'new@example.no')).toEqual([1]);
  expect(store.size).toBe(1);
});

it('replaceAll drops every earlier record and its index entries', () => {
  const store = new CustomerStore([customer(1, { emails: ['old@example.no'] })]);
  expect(store.replaceAll([customer(2, { emails: ['new@example.no'] })])).toBe(1);
  expect(store.get(1)).toBeUndefined();
  expect(byEmail(store, 'old@example.no')).toEqual([]);
  expect(byEmail(store, 'new@example.no')).toEqual([2]);
  expect(store.findCustomerByUser('user-1')).toBeUndefined();
});

it('refuses a record whose credential belongs to another customer, with a 400', () => {
  const store = new CustomerStore([sampleCustomer()]);
  const thief = customer(2, {
    attachedUsers: [{ uniqueId: 'other', credentials: [{ credential: 'OLA.NORDMANN@hotmail.no', credentialType: 'A_EMAIL_ADDRESS' }] }],
  });
  expect(() => store.upsert([thief])).toThrow(expect.objectContaining({ status: 400, code: 'DuplicateCredentialException' }));
  expect(store.get(2)).toBeUndefined();
});

it('refuses a user attached to another customer, with a 400', () => {
  const store = new CustomerStore([sampleCustomer()]);
  const copy = customer(2, { attachedUsers: [{ uniqueId: 'abc123ee63461dd', credentials: [] }] });
  expect(() => store.upsert([copy])).toThrow(expect.objectContaining({ status: 400, code: 'DuplicateUserException' }));
});

it('upsert is all or nothing: a refused record undoes the ones before it', () => {
  const store = new CustomerStore([sampleCustomer(), customer(1, { emails: ['keep@example.no'] })]);
  const clash = customer(3, { attachedUsers: [{ uniqueId: 'abc123ee63461dd', credentials: [] }] });
  expect(() => store.upsert([customer(1, { emails: ['lost@example.no'] }), customer(2), clash])).toThrow(ApiError);
  expect(store.size).toBe(2);
  expect(store.get(2)).toBeUndefined();
  expect(byEmail(store, 'keep@example.no')).toEqual([1]);
  expect(byEmail(store, 'lost@example.no')).toEqual([]);
});

it('replaceAll is all or nothing: a refused batch leaves the old data', () => {
  const store = new CustomerStore([sampleCustomer()]);
  const twins = [customer(1), customer(2, { attachedUsers: [{ uniqueId: 'user-1', credentials: [] }] })];
  expect(() => store.replaceAll(twins)).toThrow(ApiError);
  expect(store.size).toBe(1);
  expect(store.get(563457)).toEqual(sampleCustomer());
});

it('lets a customer keep its own credentials when it is replaced', () => {
  const store = new CustomerStore([sampleCustomer()]);
  expect(() => store.upsert([{ ...sampleCustomer(), emails: [] }])).not.toThrow();
});

it('finds the user of a credential: emails case-insensitively, phones as E.164', () => {
  const store = new CustomerStore([sampleCustomer()]);
  const ola = { customerNumber: 563457, uniqueId: 'abc123ee63461dd' };
  expect(store.findUserByCredential(' Ola.Nordmann@HOTMAIL.no')).toEqual(ola);
  expect(store.findUserByCredential('0047 901 23 456')).toEqual(ola);
  expect(store.findUserByCredential('nobody@example.no')).toBeUndefined();
});

it('finds the customer of a user, and resolves a login hint by uniqueId or credential', () => {
  const store = new CustomerStore([sampleCustomer(), customer(7)]);
  expect(store.findCustomerByUser('abc123ee63461dd')?.customerNumber).toBe(563457);
  expect(store.resolveLoginHint('user-7')).toEqual({ customerNumber: 7, uniqueId: 'user-7' });
  expect(store.resolveLoginHint('+4790123456')).toEqual({ customerNumber: 563457, uniqueId: 'abc123ee63461dd' });
  expect(store.resolveLoginHint('unknown')).toBeUndefined();
});

it('samples users in customer-number order, skipping customers without a name to show', () => {
  const store = new CustomerStore([
    sampleCustomer(),
    customer(9, { name: { lastName: '-' } }),
    customer(8),
  ]);
  expect(store.sampleUsers(5)).toEqual([
    { customerNumber: 8, uniqueId: 'user-8', displayName: 'Kari Hansen', credentials: ['customer8@example.no'] },
    {
      customerNumber: 563457,
      uniqueId: 'abc123ee63461dd',
      displayName: 'Ola Solstrand Nordmann',
      credentials: ['ola.nordmann@hotmail.no', '+4790123456'],
    },
  ]);
  expect(store.sampleUsers(1)).toHaveLength(1);
});

it('tells change listeners about each successful change, and not about refused ones', () => {
  const store = new CustomerStore();
  const changes: StoreChange[] = [];
  const stop = store.onChange((change) => changes.push(change));
  store.upsert([customer(1)]);
  store.replaceAll([customer(2), customer(3)]);
  expect(() => store.upsert([customer(4, { attachedUsers: [{ uniqueId: 'user-2', credentials: [] }] })])).toThrow();
  stop();
  store.upsert([customer(5)]);
  expect(changes).toEqual([
    { kind: 'upsert', records: [customer(1)] },
    { kind: 'replaceAll', count: 2 },
  ]);
});

it('keeps the JSON text a record was read from when it is what stringify would give', () => {
  const store = new CustomerStore();
  const record = sampleCustomer();
  store.upsert([record], [JSON.stringify(record)]);
  expect(store.getJson(record.customerNumber)).toBe(JSON.stringify(record));
  expect(store.get(record.customerNumber)).toEqual(record);
});

it('stringifies a record whose JSON text is not compact, and still checks ownership', () => {
  const store = new CustomerStore();
  const record = sampleCustomer();
  store.upsert([record], [JSON.stringify(record, null, 2)]);
  expect(store.getJson(record.customerNumber)).toBe(JSON.stringify(record));
  const thief = { ...customer(2), attachedUsers: record.attachedUsers };
  expect(() => store.upsert([thief], [JSON.stringify(thief)])).toThrow(ApiError);
  expect(store.get(2)).toBeUndefined();
});

it('delete removes one customer with its index entries and frees its user and credentials', () => {
  const store = new CustomerStore([customer(30), customer(10), customer(20)]);
  expect(store.list(0, 10).map((record) => record.customerNumber)).toEqual([10, 20, 30]);
  const changes: StoreChange[] = [];
  store.onChange((change) => changes.push(change));
  expect(store.delete(20)).toBe(true);
  expect(store.get(20)).toBeUndefined();
  expect(store.size).toBe(2);
  expect(store.list(0, 10).map((record) => record.customerNumber)).toEqual([10, 30]);
  expect(byEmail(store, 'customer20@example.no')).toEqual([]);
  expect(store.findCustomerByUser('user-20')).toBeUndefined();
  expect(store.findUserByCredential('customer20@example.no')).toBeUndefined();
  expect(changes).toEqual([{ kind: 'delete', customerNumbers: [20] }]);
  // The freed user and credential may now go to another customer.
  store.upsert([customer(40, { attachedUsers: customer(20).attachedUsers })]);
  expect(store.findCustomerByUser('user-20')?.customerNumber).toBe(40);
  expect(store.findUserByCredential('customer20@example.no')).toEqual({ customerNumber: 40, uniqueId: 'user-20' });
});

it('delete of a number no customer has answers false and tells no listener', () => {
  const store = new CustomerStore([customer(1)]);
  const changes: StoreChange[] = [];
  store.onChange((change) => changes.push(change));
  expect(store.delete(2)).toBe(false);
  expect(store.size).toBe(1);
  expect(changes).toEqual([]);
});

/**
 * The store's shared parsed records (shared-records.ts): frozen, forgotten by every write of their
 * customer, and bounded.
 */
import { expect, it } from 'vitest';
import { scenarioCustomers, SAMPLE_CUSTOMER_NUMBER } from '../../fixtures/scenarios.ts';
import { CustomerStore } from './customer-store.ts';
import { searchCustomers } from './search.ts';
import { SharedRecords } from './shared-records.ts';
import { replaceCustomerInfo } from './update.ts';

it('shares one frozen record, all the way down, and hands copies to callers', () => {
  const store = new CustomerStore(scenarioCustomers());
  const shared = store.peek(SAMPLE_CUSTOMER_NUMBER)!;
  expect(store.peek(SAMPLE_CUSTOMER_NUMBER)).toBe(shared);
  expect(Object.isFrozen(shared) && Object.isFrozen(shared.name) && Object.isFrozen(shared.attachedUsers[0]!.credentials[0])).toBe(true);
  const copy = store.get(SAMPLE_CUSTOMER_NUMBER)!;
  copy.name!.lastName = 'Changed';
  expect(store.peek(SAMPLE_CUSTOMER_NUMBER)!.name!.lastName).toBe('Nordmann');
});

it('forgets a customer\'s record when it is written, so searches and lookups see the write', () => {
  const store = new CustomerStore(scenarioCustomers());
  const sample = store.get(SAMPLE_CUSTOMER_NUMBER)!;
  const phone = sample.phoneNumbers![0]!.phoneNumber;
  expect(searchCustomers(store, { phoneNumber: phone }, { overflow: 'truncate' }).map((found) => found.customerNumber)).toContain(SAMPLE_CUSTOMER_NUMBER);
  store.peek(SAMPLE_CUSTOMER_NUMBER);
  store.upsert([{ ...sample, phoneNumbers: [] }]);
  expect(store.peek(SAMPLE_CUSTOMER_NUMBER)!.phoneNumbers).toStrictEqual([]);
  expect(searchCustomers(store, { phoneNumber: phone }, { overflow: 'truncate' }).map((found) => found.customerNumber)).not.toContain(SAMPLE_CUSTOMER_NUMBER);
  store.delete(SAMPLE_CUSTOMER_NUMBER);
  expect(store.peek(SAMPLE_CUSTOMER_NUMBER)).toBeUndefined();
  expect(store.findUserByCredential(sample.attachedUsers[0]!.credentials[0]!.credential)).toBeUndefined();
});

it('keeps at most its capacity, dropping the oldest first', () => {
  const texts = new Map([1, 2, 3].map((n) => [n, JSON.stringify({ customerNumber: n })]));
  const text = (n: number) => texts.get(n);
  const shared = new SharedRecords(2);
  const first = shared.get(1, text);
  shared.get(2, text);
  shared.get(3, text);
  expect(shared.size).toBe(2);
  expect(shared.get(1, text)).not.toBe(first);
  expect(shared.get(1, text)).toStrictEqual(first);
  expect(shared.get(4, text)).toBeUndefined();
});

it('keeps the record an update built as the shared one: frozen, and what the stored text says', () => {
  const store = new CustomerStore(scenarioCustomers());
  const current = store.peek(SAMPLE_CUSTOMER_NUMBER)!;
  replaceCustomerInfo(store, current, { emails: ['ny@example.no'] });
  const shared = store.peek(SAMPLE_CUSTOMER_NUMBER)!;
  expect(shared).not.toBe(current);
  expect(Object.isFrozen(shared) && Object.isFrozen(shared.name)).toBe(true);
  expect(shared).toStrictEqual(JSON.parse(store.getJson(SAMPLE_CUSTOMER_NUMBER)!));
  expect(shared.emails).toStrictEqual(['ny@example.no']);
});

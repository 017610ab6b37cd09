import { expect, it, vi } from 'vitest';
import { phoneKey } from './key-hash.ts';
import { StoreIndexes } from './store-indexes.ts';
import { customer } from './test-records.ts';

it('moves the keys that an update changed, and only those', () => {
  const indexes = new StoreIndexes();
  const old = customer(7);
  indexes.add(old);
  const next = { ...old, phoneNumbers: [{ phoneNumber: '+4799999999', phoneNumberType: 'mobile' }] };
  const emailRemove = vi.spyOn(indexes.email, 'remove');
  const userAdd = vi.spyOn(indexes.user, 'add');
  indexes.replace(old, next);
  expect([...indexes.phone.get(phoneKey('+4799999999'))]).toEqual([7]);
  expect([...indexes.phone.get(phoneKey(old.phoneNumbers![0]!.phoneNumber))]).toEqual([]);
  // Emails and users are as they were: those indexes were not touched at all.
  expect(emailRemove).not.toHaveBeenCalled();
  expect(userAdd).not.toHaveBeenCalled();
});

it('leaves the indexes as add(next) would, whatever changed', () => {
  const replaced = new StoreIndexes();
  const old = customer(8);
  replaced.add(old);
  const next = customer(8, { emails: ['other@example.no'], name: { firstName: null, middleName: null, lastName: 'Berg', companyName: 'AS', departmentName: null } });
  replaced.replace(old, next);
  const fresh = new StoreIndexes();
  fresh.add(next);
  for (const name of ['phone', 'email', 'nameAddress', 'credential', 'user'] as const) expect(replaced[name].size).toBe(fresh[name].size);
});

import fc from 'fast-check';
import { expect, it, vi } from 'vitest';
import type { CustomerRecord } from '../../spec/index.ts';
import { CustomerStore } from './customer-store.ts';
import { phoneKey } from './key-hash.ts';
import { StoreIndexes } from './store-indexes.ts';
import { customer, storeContents } from './test-records.ts';

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

it('keeps the keys of a customer written before, and they stay those of the stored record through updates, deletes and refused batches', () => {
  // Each step rewrites customer 7 or 8 with one of a few variants, deletes it, or tries a batch
  // that fails and rolls back; the store must then hold what a fresh store of its records holds.
  const base = (n: number) => customer(n);
  const variants = (n: number) => [
    base(n),
    customer(n, { emails: [`v${n}@example.no`] }),
    customer(n, { phoneNumbers: [], name: { firstName: null, middleName: null, lastName: `Berg${n}`, companyName: null, departmentName: null } }),
    customer(n, { address: { ...base(n).address, streetAddress: 'Storgata', postalPlace: 'Bergen' } }),
    customer(n, { name: { ...base(n).name, companyName: 'Firma AS' }, phoneNumbers: [{ phoneNumber: '+4799999999', phoneNumberType: 'mobile' }] }),
    customer(n, { attachedUsers: [{ ...base(n).attachedUsers[0]!, credentials: [{ credential: `+47900000${n}0`, credentialType: 'B_SMS_PHONE', verificationLevel: 'Not verified' }] }] }),
    customer(n, { attachedUsers: [{ ...base(n).attachedUsers[0]!, uniqueId: `other-${n}` }] }),
  ];
  const step = fc.record({ number: fc.constantFrom(7, 8), variant: fc.nat(6), kind: fc.constantFrom('upsert', 'delete', 'refused') });
  fc.assert(
    fc.property(fc.array(step, { maxLength: 12 }), (steps) => {
      const store = new CustomerStore([customer(7), customer(8)]);
      for (const { number, variant, kind } of steps) {
        const record = variants(number)[variant]!;
        if (kind === 'delete') store.delete(number);
        else if (kind === 'upsert') store.upsert([record]);
        // A second record claiming `record`'s user: refused after `record` went in, so both are undone.
        else expect(() => store.upsert([record, { ...customer(99), attachedUsers: record.attachedUsers }])).toThrow();
      }
      const records = [...store.allJson()].map((text) => JSON.parse(text) as CustomerRecord);
      expect(storeContents(store)).toStrictEqual(storeContents(new CustomerStore(records)));
    }),
    { seed: 21, numRuns: 200 },
  );
});

import { expect, it } from 'vitest';
import { checkCredentials } from './credentials.ts';
import { CustomerStore } from './customer-store.ts';
import { customer, sampleCustomer } from './test-records.ts';

const store = new CustomerStore([sampleCustomer(), customer(42)]);
const ola = { customerNumber: 563457, uniqueId: 'abc123ee63461dd' };

it('answers in input order and leaves unknown credentials out', () => {
  expect(checkCredentials(store, ['customer42@example.no', 'nobody@example.no', 'ola.nordmann@hotmail.no'])).toEqual([
    { credential: 'customer42@example.no', customerNumber: 42, uniqueId: 'user-42' },
    { credential: 'ola.nordmann@hotmail.no', ...ola },
  ]);
});

it('matches emails case-insensitively and echoes the credential as sent', () => {
  expect(checkCredentials(store, [' Ola.Nordmann@HOTMAIL.no'])).toEqual([{ credential: ' Ola.Nordmann@HOTMAIL.no', ...ola }]);
});

it('matches phones as E.164, with spaces or a leading 00', () => {
  const found = checkCredentials(store, ['+4790123456', '+47 901 23 456', '004790123456']);
  expect(found.map((result) => result.uniqueId)).toEqual([ola.uniqueId, ola.uniqueId, ola.uniqueId]);
});

it('does not match a customer\'s contact email that is no user credential', () => {
  expect(checkCredentials(store, ['ola.nordmann@company.com'])).toEqual([]);
});

it('answers an empty list when nothing is known', () => {
  expect(checkCredentials(store, ['90123456', 'x'])).toEqual([]);
});

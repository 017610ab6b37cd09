/** How the console places the admin API's errors beside fields, and edits values by path. */
import { expect, it } from 'vitest';
import { errorsByField, pathText, setAt } from './paths.ts';

it('splits a validation message by the field each part names', () => {
  expect(errorsByField('emails[0]: must be a valid email; name.lastName: must NOT have more than 30 characters')).toEqual({
    'emails[0]': 'must be a valid email',
    'name.lastName': 'must NOT have more than 30 characters',
  });
});

it('drops the template prefix, and keeps what names no field under the empty key', () => {
  expect(errorsByField('template: address.postalCode: must be string')).toEqual({ 'address.postalCode': 'must be string' });
  expect(errorsByField('The credential a@b.no already belongs to a user of customer 7; a credential identifies one user.')).toEqual({
    '': 'The credential a@b.no already belongs to a user of customer 7; a credential identifies one user.',
  });
});

it('writes a value at a path without changing the original, and removes a key given undefined', () => {
  const record = { name: { lastName: 'A' }, phoneNumbers: [{ phoneNumber: '+471' }] };
  expect(setAt(record, ['phoneNumbers', 1, 'phoneNumber'], '+472')).toEqual({ name: { lastName: 'A' }, phoneNumbers: [{ phoneNumber: '+471' }, { phoneNumber: '+472' }] });
  expect(setAt(record, ['name', 'lastName'], undefined)).toEqual({ name: {}, phoneNumbers: [{ phoneNumber: '+471' }] });
  expect(record.name.lastName).toBe('A');
  expect(pathText(['attachedUsers', 0, 'credentials', 1, 'credential'])).toBe('attachedUsers[0].credentials[1].credential');
});

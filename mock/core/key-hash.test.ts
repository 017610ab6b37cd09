import fc from 'fast-check';
import { expect, it } from 'vitest';
import { credentialKey, emailKey, hashFolded, hashText, nameAddressKey, phoneKey } from './key-hash.ts';
import { fold } from './normalize.ts';

const SEED = 0x811c9dc5;

it('hashes a value exactly as it hashes the folded value (ASCII fast path included)', () => {
  const pieces = fc.constantFrom(' ', '\t', '\u00a0', 'A', 'z', 'Æ', 'å', 'A\u030A', '\u212B', 'İ', '@', '\u0001', '\u2003');
  const text = fc.oneof(fc.string({ unit: pieces, maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 }), fc.string({ maxLength: 20 }));
  fc.assert(
    fc.property(text, (value) => hashFolded(SEED, value) === hashText(SEED, fold(value))),
    { seed: 7, numRuns: 3000 },
  );
});

it('gives equal keys to values equal after normalisation', () => {
  expect(emailKey(' Ola.Nordmann@HOTMAIL.no')).toBe(emailKey('ola.nordmann@hotmail.no'));
  expect(credentialKey('+47 901 23 456')).toBe(credentialKey('004790123456'));
  expect(credentialKey('AID:ABC')).toBe(credentialKey('aid:abc'));
  expect(phoneKey('0047 12345678')).toBe(phoneKey('+4712345678'));
  expect(nameAddressKey('lastName', ' ÅSEN', 'Storgata', 'postalCode', '0179')).toBe(
    nameAddressKey('lastName', 'a\u030Asen', 'storgata ', 'postalCode', '0179'),
  );
});

it('keeps the parts of a name-and-address key apart', () => {
  expect(nameAddressKey('lastName', 'ab', 'c', 'postalCode', '1')).not.toBe(nameAddressKey('lastName', 'a', 'bc', 'postalCode', '1'));
  expect(nameAddressKey('lastName', 'a', 'b', 'postalCode', '1')).not.toBe(nameAddressKey('companyName', 'a', 'b', 'postalCode', '1'));
  expect(nameAddressKey('lastName', 'a', 'b', 'postalCode', '1')).not.toBe(nameAddressKey('lastName', 'a', 'b', 'postalPlace', '1'));
});

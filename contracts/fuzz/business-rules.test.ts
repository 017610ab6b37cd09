import { describe, expect, it } from 'vitest';
import { acceptanceFor, searchRule, updateNameRule } from './business-rules.ts';

describe('searchRule', () => {
  it('expects 400 given no name/address, phone or email', () => {
    expect(searchRule({ lastName: 'Nordmann', postalCode: '0179' }).accept).toEqual([400]);
  });

  it('accepts 200 or 403 (more than five matches) given a phone number', () => {
    expect(searchRule({ phoneNumber: '+4712345678' }).accept).toEqual([200, 403]);
  });

  it('accepts 200 or 403 given a company, a street and a postal place', () => {
    expect(searchRule({ companyName: 'Acme', streetAddress: 'Grubbegata', postalPlace: 'Oslo' }).accept).toEqual([200, 403]);
  });

  it('accepts either reading when the rule is met only by a blank field', () => {
    expect(searchRule({ lastName: '  ', streetAddress: 'Grubbegata', postalCode: '0179' }).accept).toEqual([200, 400, 403]);
  });
});

describe('updateNameRule', () => {
  it('expects 400 given a name with content but neither lastName nor companyName', () => {
    expect(updateNameRule({ name: { firstName: 'Ola' } }).accept).toEqual([400]);
  });

  it('expects 200 given no name, a null name or an empty name', () => {
    for (const body of [undefined, null, {}, { name: null }, { name: {} }]) expect(updateNameRule(body).accept).toEqual([200]);
  });

  it('expects 200 given a company name only', () => {
    expect(updateNameRule({ name: { companyName: 'Acme' } }).accept).toEqual([200]);
  });
});

describe('acceptanceFor', () => {
  it('refuses to classify an operation that has no written rule', () => {
    expect(() => acceptanceFor('deleteEverything', {})).toThrow(/business-rules/);
  });
});

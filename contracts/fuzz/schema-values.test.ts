import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSpec, specValidators } from '../../spec/index.ts';
import { validEmail, validValue } from './schema-values.ts';
import { codePointLength } from './unicode-strings.ts';

const doc = loadSpec();
const validators = specValidators();
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe('validValue', () => {
  for (const name of ['CustomerUpdate', 'SearchRequest', 'CredentialCheckRequest', 'Name', 'PhoneNumber'] as const) {
    it(`produces values the compiled validator accepts for ${name}`, () => {
      const validate = validators.component(name);
      fc.assert(fc.property(validValue(doc, ref(name)), (value) => validate(value) === true), { seed: 11, numRuns: 300 });
    });
  }

  it('reaches maxLength exactly, counted in code points as ajv counts them', () => {
    const lastNames = fc.sample(validValue(doc, ref('SearchRequest')), { seed: 5, numRuns: 400 })
      .map((v) => (v as { lastName?: string }).lastName)
      .filter((s): s is string => typeof s === 'string');
    expect(lastNames.some((s) => codePointLength(s) === 30)).toBe(true);
    expect(lastNames.some((s) => s.length > codePointLength(s))).toBe(true); // astral characters
  });

  it('reaches maxItems exactly', () => {
    const lengths = fc.sample(validValue(doc, ref('CredentialCheckRequest')), { seed: 5, numRuns: 200 })
      .map((v) => (v as { credentials: unknown[] }).credentials.length);
    expect(lengths).toContain(100);
  });

  it('mixes in the spec examples, so valid searches also find real customers', () => {
    const bodies = fc.sample(validValue(doc, ref('SearchRequest'), { phoneNumber: '+4712345678' }), { seed: 2, numRuns: 100 });
    expect(bodies).toContainEqual({ phoneNumber: '+4712345678' });
  });
});

describe('validEmail', () => {
  it('produces addresses that ajv-formats accepts as format email', () => {
    const validate = validators.operations.get('searchCustomers')?.body;
    fc.assert(fc.property(validEmail(), (email) => validate?.({ email }) === true), { seed: 3, numRuns: 300 });
  });
});

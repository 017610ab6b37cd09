import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSpec, specValidators } from '../../spec/index.ts';
import { invalidValue, withField } from './invalid-values.ts';

const doc = loadSpec();
const validators = specValidators();

describe('invalidValue', () => {
  for (const operationId of ['updateCustomerInfo', 'searchCustomers', 'checkCredentialCustomers']) {
    it(`produces bodies the compiled validator refuses for ${operationId}`, () => {
      const { body, operation } = validators.operations.get(operationId) ?? {};
      const invalid = invalidValue(doc, operation?.requestBody?.schema ?? {});
      expect(invalid).toBeDefined();
      fc.assert(fc.property(invalid as fc.Arbitrary<{ value: unknown }>, ({ value }) => body?.(value) === false), { seed: 13, numRuns: 400 });
    });
  }

  it('breaks each kind of rule the spec states', () => {
    const schema = validators.operations.get('updateCustomerInfo')?.operation.requestBody?.schema ?? {};
    const notes = fc.sample(invalidValue(doc, schema) as fc.Arbitrary<{ note: string }>, { seed: 1, numRuns: 2000 }).map((i) => i.note).join('\n');
    for (const rule of ['maxLength', 'not an email', 'does not match', 'missing (required)', 'unknown field', 'is not of type']) {
      expect(notes).toContain(rule);
    }
  });

  it('gives nothing for a schema without rules (the read-only fields of an update)', () => {
    expect(invalidValue(doc, { readOnly: true })).toBeUndefined();
  });
});

describe('withField', () => {
  it('sets __proto__ as an own field that JSON carries, not as the prototype', () => {
    const object = withField({}, '__proto__', { polluted: true });
    expect(JSON.stringify(object)).toBe('{"__proto__":{"polluted":true}}');
    expect(Object.getPrototypeOf(object)).toBe(Object.prototype);
  });
});

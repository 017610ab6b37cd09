import { expect, it } from 'vitest';
import { describeAjvErrors, specValidators } from '../../spec/index.ts';
import { SEED_CUSTOMERS } from './seed-customers.ts';

it('seeds only records that fit the spec’s CustomerRecord schema', () => {
  const validate = specValidators().component('CustomerRecord');
  for (const record of SEED_CUSTOMERS) {
    expect(validate(record), `${record.customerNumber}: ${describeAjvErrors(validate.errors)}`).toBe(true);
  }
});

it('seeds unique customer numbers', () => {
  const numbers = SEED_CUSTOMERS.map((r) => r.customerNumber);
  expect(new Set(numbers).size).toBe(numbers.length);
});

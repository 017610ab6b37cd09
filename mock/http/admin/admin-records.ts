/**
 * The records an admin request sends, checked before any is stored: against `CustomerRecord`
 * and the API's name rule (fixtures/name-rule.ts). Errors speak of what was sent: one record is
 * "record", a record of an array is counted from 1 ("record 2 of 3 (customerNumber 7)").
 */
import { checkNameRule, FixtureError } from '../../../fixtures/index.ts';
import { errors } from '../../core/errors.ts';
import type { CustomerRecord } from '../../../spec/index.ts';
import type { CustomerSource } from './admin-routes.ts';

/** `body` as `POST /__admin/customers` takes it: one record, or an array of them. */
export function recordsOfBody(customers: CustomerSource, body: unknown): CustomerRecord[] {
  return Array.isArray(body) ? validateAll(customers, body) : [validateOne(customers, body, '')];
}

/** Every record is checked before any is stored: a bad one is a 400 and nothing changes. */
export function validateAll(customers: CustomerSource, values: readonly unknown[]): CustomerRecord[] {
  return values.map((value, index) => validateOne(customers, value, labelOf(value, index, values.length)));
}

function validateOne(customers: CustomerSource, value: unknown, label: string): CustomerRecord {
  const record = customers.validate(value, label);
  try {
    return checkNameRule(record, label);
  } catch (error) {
    if (error instanceof FixtureError) throw errors.validation(error.message);
    throw error;
  }
}

function labelOf(value: unknown, index: number, count: number): string {
  const customerNumber = (value as { customerNumber?: unknown } | null)?.customerNumber;
  const which = `record ${index + 1} of ${count}`;
  return typeof customerNumber === 'number' ? `${which} (customerNumber ${customerNumber})` : which;
}

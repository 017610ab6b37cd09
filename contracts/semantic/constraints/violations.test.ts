import { expect, it } from 'vitest';
import { listOperations, specValidators } from '../../../spec/index.ts';
import { applyViolation } from './apply-violation.ts';
import { pathText, violationsOf } from './violations.ts';

const doc = specValidators().doc;
const bodySchema = (operationId: string) => listOperations(doc).find((op) => op.operationId === operationId)!.requestBody!.schema;
const validRequest = (operationId: string) => specValidators().operations.get(operationId)!.body!;

it('derives every rule of the credential check request from the spec', () => {
  const rules = violationsOf(doc, bodySchema('checkCredentialCustomers')).map((v) => `${pathText(v.path)}: ${v.rule}`);
  expect(rules).toEqual([
    'credentials: "not-an-array" is not of type array',
    'credentials: null is not allowed (not nullable)',
    'credentials: 101 items (maxItems 100)',
    'credentials: no items (minItems 1)',
    'credentials[0]: 12345 is not of type string',
    'credentials[0]: null is not allowed (not nullable)',
    'credentials[0]: 61 characters (maxLength 60)',
    'credentials[0]: 600 characters, far over (maxLength 60)',
    'credentials[0]: empty (minLength 1)',
    'credentials: missing (required)',
    'contractUnknownField: an unknown field (additionalProperties: false)',
  ]);
});

it('puts each violation into a valid body so that the spec refuses it for that field alone', () => {
  const bases: Record<string, Record<string, unknown>> = {
    searchCustomers: { phoneNumber: '+4712345678' },
    checkCredentialCustomers: { credentials: ['a@kontrakt.example.no'] },
    updateCustomerInfo: { name: { lastName: 'Nordmann' } },
  };
  for (const [operationId, base] of Object.entries(bases)) {
    const validate = validRequest(operationId);
    expect(validate(base)).toBe(true);
    for (const violation of violationsOf(doc, bodySchema(operationId))) {
      const body = applyViolation(base, violation);
      expect(validate(body), `${operationId} ${pathText(violation.path)}: ${violation.rule}`).toBe(false);
      const fields = (validate.errors ?? []).map((e) => `${e.instancePath} ${JSON.stringify(e.params)}`).join(' ');
      expect(fields, `${operationId} ${pathText(violation.path)}: ${violation.rule}`).toContain(violation.field);
    }
  }
});

it('builds the containers a violation needs from the spec examples, keeping required siblings', () => {
  const violation = violationsOf(doc, bodySchema('updateCustomerInfo')).find((v) => pathText(v.path) === 'phoneNumbers[0].phoneNumberType' && v.rule.startsWith('21'))!;
  const body = applyViolation({ name: null, phoneNumbers: null }, violation) as { phoneNumbers: Array<Record<string, unknown>> };
  expect(body.phoneNumbers[0]?.phoneNumber).toBe('+4712345678');
  expect(String(body.phoneNumbers[0]?.phoneNumberType)).toHaveLength(21);
});

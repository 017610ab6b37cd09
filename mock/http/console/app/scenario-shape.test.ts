/**
 * The scenario builder's shaping (scenario-shape.ts) on customers the admin API's generator makes,
 * with the form's field tree read from the spec on disk: the shaped records are still valid
 * records (the admin API's check), and each option does what it says.
 */
import { expect, it } from 'vitest';
import { checkNameRule, templateCustomers, validateRecord } from '../../../../fixtures/index.ts';
import { loadSpec } from '../../../../spec/index.ts';
import { shapeScenario } from './scenario-shape.ts';
import { fieldOf, type Field } from './schema.ts';

const field = fieldOf(loadSpec().components!.schemas as never, 'CustomerRecord');
const drawn = () => templateCustomers({ seed: 3, count: 6, firstNumber: 5_000_000 }) as unknown as Array<Record<string, unknown>>;
const valid = (records: Array<Record<string, unknown>>) => records.forEach((record) => checkNameRule(validateRecord(record, ''), ''));

/** Every string with a maxLength and no pattern or format, with its bound, outside credentials and ids. */
function boundedTexts(value: unknown, at: Field, path: string[] = [], out: Array<[string, number]> = []): Array<[string, number]> {
  if (at.kind === 'object' && value && typeof value === 'object' && !path.includes('credentials')) {
    for (const p of at.properties) boundedTexts((value as Record<string, unknown>)[p.name], p.field, [...path, p.name], out);
  } else if (at.kind === 'array' && Array.isArray(value)) value.forEach((item) => boundedTexts(item, at.items, path, out));
  else if (at.kind === 'string' && typeof value === 'string' && at.maxLength !== undefined && !at.pattern && !at.format && path.at(-1) !== 'uniqueId') out.push([value, at.maxLength]);
  return out;
}

it('gives every customer the shared phone number, and the records stay valid', () => {
  const records = shapeScenario(drawn(), field, { shared: { kind: 'phone', phoneNumber: '+4791234567' }, maxLength: false, optionalEmpty: false });
  valid(records);
  for (const record of records) expect(record.phoneNumbers).toContainEqual({ phoneNumber: '+4791234567', phoneNumberType: 'mobile' });
});

it('gives every customer the shared e-mail, or the first customer\'s address', () => {
  const byEmail = shapeScenario(drawn(), field, { shared: { kind: 'email', email: 'delt@eksempel.no' }, maxLength: false, optionalEmpty: false });
  for (const record of byEmail) expect(record.emails).toContain('delt@eksempel.no');
  const byAddress = shapeScenario(drawn(), field, { shared: { kind: 'address', address: undefined }, maxLength: false, optionalEmpty: false });
  for (const record of byAddress) expect(record.address).toEqual(byAddress[0]!.address);
  valid([...byEmail, ...byAddress]);
});

it('fills every bounded text to its maximum length, leaving credentials, ids, phones and e-mails valid', () => {
  const records = shapeScenario(drawn(), field, { shared: { kind: 'phone', phoneNumber: '+4791234567' }, maxLength: true, optionalEmpty: false });
  valid(records);
  for (const record of records) {
    const texts = boundedTexts(record, field);
    expect(texts.length).toBeGreaterThan(3);
    for (const [text, max] of texts) expect(text).toHaveLength(max);
  }
});

it('empties optional data but keeps what a record needs, the name rule included', () => {
  const records = shapeScenario(drawn(), field, { shared: { kind: 'phone', phoneNumber: '+4791234567' }, maxLength: false, optionalEmpty: true });
  valid(records);
  for (const record of records) {
    expect(record.emails).toBeNull();
    expect(record.invoiceEmailAddress).toBeNull();
    expect(record.phoneNumbers).toEqual([{ phoneNumber: '+4791234567', phoneNumberType: 'mobile' }]);
    expect(Object.values(record.address as object).every((value) => value === null)).toBe(true);
    const name = record.name as Record<string, string | null>;
    expect(name.lastName ?? name.companyName).toEqual(expect.any(String));
  }
});

/**
 * The scenario builder's changes to generated customers, driven by the schema (schema.ts): every
 * text field at its `maxLength`, optional data empty, and one phone number, e-mail or address
 * shared by all. Fields with a pattern or a format (phone numbers, e-mails) and login credentials
 * keep their drawn values, so the records stay valid and their users stay distinct.
 */
import type { Field, ObjectField } from './schema.ts';

export type Shared =
  | { kind: 'phone'; phoneNumber: string }
  | { kind: 'email'; email: string }
  | { kind: 'address'; address: Record<string, unknown> | undefined };

export interface ScenarioOptions {
  shared: Shared;
  maxLength: boolean;
  optionalEmpty: boolean;
}

type Json = Record<string, unknown>;

export function shapeScenario(records: Json[], field: ObjectField, options: ScenarioOptions): Json[] {
  // One address for all: the one typed, or the first customer's.
  const sharedAddress = options.shared.kind === 'address' ? (options.shared.address ?? (records[0]?.address as Json | undefined)) : undefined;
  return records.map((drawn) => {
    let record = { ...drawn };
    if (options.optionalEmpty) record = { ...(emptyOptional(record, field) as Json), name: keepNameRule(drawn.name as Json | null) };
    const { shared } = options;
    if (shared.kind === 'phone') record.phoneNumbers = [...((record.phoneNumbers as Json[] | null) ?? []), { phoneNumber: shared.phoneNumber, phoneNumberType: 'mobile' }];
    if (shared.kind === 'email') record.emails = [...((record.emails as string[] | null) ?? []), shared.email];
    if (sharedAddress) record.address = { ...(record.address as Json), ...sharedAddress };
    // Last, so the shared values are filled too: the same for every customer, so still shared.
    return options.maxLength ? (fillToMax(record, field, []) as Json) : record;
  });
}

/** Nullable fields become null, arrays that may be empty become empty; what is required stays. */
function emptyOptional(value: unknown, field: Field): unknown {
  if (field.kind === 'object' && value && typeof value === 'object') {
    const out: Json = {};
    for (const { name, field: child, required } of field.properties) {
      const current = (value as Json)[name];
      if (current === undefined) continue;
      if (!required && child.nullable) out[name] = null;
      else if (!required && child.kind === 'array') out[name] = [];
      else out[name] = emptyOptional(current, child);
    }
    return out;
  }
  return value;
}

/** A stored name keeps a lastName or a companyName (the API's rule), whatever else is emptied. */
function keepNameRule(name: Json | null): Json {
  const keep = name?.lastName ? { lastName: name.lastName } : { companyName: name?.companyName ?? 'Firma' };
  return { firstName: null, middleName: null, lastName: null, companyName: null, departmentName: null, ...keep };
}

function fillToMax(value: unknown, field: Field, path: string[]): unknown {
  if (field.kind === 'object' && value && typeof value === 'object') {
    // Credentials identify users: they keep their drawn values.
    if (path.includes('credentials')) return value;
    const out: Json = { ...(value as Json) };
    for (const { name, field: child } of field.properties) if (out[name] !== undefined) out[name] = fillToMax(out[name], child, [...path, name]);
    return out;
  }
  if (field.kind === 'array' && Array.isArray(value)) return value.map((item) => fillToMax(item, field.items, path));
  if (field.kind === 'string' && typeof value === 'string' && field.maxLength !== undefined && !field.pattern && !field.format && path.at(-1) !== 'uniqueId') {
    return padTo(value === '' ? 'X' : value, field.maxLength);
  }
  return value;
}

function padTo(text: string, length: number): string {
  let out = text;
  while (out.length < length) out += out.length % 2 ? 'e' : 'Ø';
  return out.slice(0, length);
}

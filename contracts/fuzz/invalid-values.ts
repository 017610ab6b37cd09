/**
 * Invalid values from the spec's JSON schemas: each breaks exactly one rule of the schema, and
 * says which (`note`), so a failure report reads "phoneNumbers[0].phoneNumber: 21 characters
 * (maxLength 20)". The rules broken are the ones the spec states: type, nullable, maxLength and
 * minLength, format, pattern, enum, required, additionalProperties, maxItems and minItems.
 */
import fc from 'fast-check';
import type { OpenApiDocument, SchemaObject } from '../../spec/index.ts';
import { validValue } from './schema-values.ts';
import { stringOfAtLeast } from './unicode-strings.ts';
import { closed, isNullable, joinPath, numberOr, propertiesOf, requiredOf, resolve, typeOf } from './schema-walk.ts';

export interface Invalid {
  value: unknown;
  note: string;
}

/** Field names a server might treat specially: prototype keys, and names close to real ones. */
export const UNKNOWN_FIELDS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'extra', 'Name', 'lastname', ''];

/** An arbitrary of invalid values, or undefined when nothing can be invalid (a schema with no rules). */
export function invalidValue(doc: OpenApiDocument, schema: SchemaObject, at = ''): fc.Arbitrary<Invalid> | undefined {
  const s = resolve(doc, schema);
  const options = [wrongType(s, at), ...byType(doc, s, at)].filter((a): a is fc.Arbitrary<Invalid> => a !== undefined);
  return options.length > 0 ? fc.oneof(...options) : undefined;
}

function byType(doc: OpenApiDocument, s: SchemaObject, at: string): Array<fc.Arbitrary<Invalid> | undefined> {
  switch (typeOf(s)) {
    case 'string':
      return invalidStrings(s, at);
    case 'integer':
      return [fc.constantFrom(0.5, 1.5, -2.25, 1e-7).map((value) => ({ value, note: `${label(at)}: ${value} is not an integer` }))];
    case 'array':
      return invalidArrays(doc, s, at);
    case 'object':
      return invalidObjects(doc, s, at);
    default:
      return [];
  }
}

/** A value of another JSON type; `null` only where the schema is not nullable. */
function wrongType(s: SchemaObject, at: string): fc.Arbitrary<Invalid> | undefined {
  const type = typeOf(s);
  if (!type) return undefined;
  const others: unknown[] = [];
  if (type !== 'string') others.push('1', '');
  if (type !== 'integer' && type !== 'number') others.push(1, -1, 0);
  if (type !== 'boolean') others.push(true, false);
  if (type !== 'array') others.push([], ['x']);
  if (type !== 'object') others.push({}, { value: 1 });
  if (!isNullable(s)) others.push(null);
  const expected = `${type}${isNullable(s) ? ' or null' : ''}`;
  return fc.constantFrom(...others).map((value) => ({ value, note: `${label(at)}: ${JSON.stringify(value)} is not of type ${expected}` }));
}

function invalidStrings(s: SchemaObject, at: string): Array<fc.Arbitrary<Invalid> | undefined> {
  const options: Array<fc.Arbitrary<Invalid> | undefined> = [];
  if (typeof s.maxLength === 'number') {
    const max = s.maxLength;
    options.push(stringOfAtLeast(max + 1).map((value) => ({ value, note: `${label(at)}: ${[...value].length} characters (maxLength ${max})` })));
  }
  if (numberOr(s.minLength, 0) > 0) {
    options.push(fc.constant({ value: '', note: `${label(at)}: empty (minLength ${String(s.minLength)})` }));
  }
  if (s.format === 'email') {
    options.push(fc.constantFrom(...NOT_EMAILS).map((value) => ({ value, note: `${label(at)}: ${JSON.stringify(value)} is not an email` })));
  }
  if (typeof s.pattern === 'string') {
    const pattern = new RegExp(s.pattern, 'u');
    const note = (value: string) => `${label(at)}: ${JSON.stringify(value)} does not match ${String(s.pattern)}`;
    options.push(fc.constantFrom(...NOT_E164).filter((v) => !pattern.test(v)).map((value) => ({ value, note: note(value) })));
  }
  return options;
}

/** Strings that look like emails to a careless check and are not `format: email`. */
const NOT_EMAILS = [
  'plainaddress', '@no-local.no', 'ola@', 'ola@@hotmail.no', 'ola nordmann@hotmail.no', 'ola@hotmail..no', '.ola@hotmail.no',
  'ola@-hotmail.no', 'øla@hotmail.no', 'ola@hotmail.no\n', 'ola@\u0000.no', '"ola"@', 'ola@hotmail.no ',
];

/** Phone numbers that are not E.164: no plus, a leading zero, too long, spaces, non-ASCII digits. */
const NOT_E164 = [
  '4712345678', '+0712345678', '+', '+1', '+4712345678901234', '+47 12345678', '+47-123-45-678', '+47١٢٣٤٥٦٧٨',
  '+4712345678\n', '0047123456', '+47123456a8', '++4712345678', ' +4712345678', '+４７12345678',
];

function invalidArrays(doc: OpenApiDocument, s: SchemaObject, at: string): Array<fc.Arbitrary<Invalid> | undefined> {
  const itemSchema = (s.items as SchemaObject | undefined) ?? {};
  const item = validValue(doc, itemSchema);
  const options: Array<fc.Arbitrary<Invalid> | undefined> = [];
  if (typeof s.maxItems === 'number') {
    const max = s.maxItems;
    const tooMany = fc.array(item, { minLength: max + 1, maxLength: max + 3 });
    options.push(tooMany.map((value) => ({ value, note: `${label(at)}: ${value.length} items (maxItems ${max})` })));
  }
  if (numberOr(s.minItems, 0) > 0) {
    options.push(fc.constant({ value: [], note: `${label(at)}: no items (minItems ${String(s.minItems)})` }));
  }
  const badItem = invalidValue(doc, itemSchema, joinPath(at, 0));
  if (badItem) {
    options.push(fc.tuple(fc.array(item, { maxLength: 2 }), badItem).map(([rest, bad]) => ({ value: [bad.value, ...rest], note: bad.note })));
  }
  return options;
}

function invalidObjects(doc: OpenApiDocument, s: SchemaObject, at: string): Array<fc.Arbitrary<Invalid> | undefined> {
  const base = validValue(doc, { ...s, nullable: false }) as fc.Arbitrary<Record<string, unknown>>;
  const options: Array<fc.Arbitrary<Invalid> | undefined> = [];
  for (const [name, propertySchema] of Object.entries(propertiesOf(s))) {
    const bad = invalidValue(doc, propertySchema, joinPath(at, name));
    if (bad) options.push(fc.tuple(base, bad).map(([object, b]) => ({ value: withField(object, name, b.value), note: b.note })));
  }
  for (const name of requiredOf(s)) {
    options.push(base.map((object) => ({ value: withoutField(object, name), note: `${label(joinPath(at, name))}: missing (required)` })));
  }
  if (closed(s)) {
    const key = fc.oneof(fc.constantFrom(...UNKNOWN_FIELDS), fc.string({ minLength: 1, maxLength: 8 }).filter((k) => !(k in propertiesOf(s))));
    const note = (k: string) => `${label(joinPath(at, k))}: unknown field (additionalProperties: false)`;
    options.push(fc.tuple(base, key, fc.jsonValue({ maxDepth: 1 })).map(([object, k, v]) => ({ value: withField(object, k, v), note: note(k) })));
  }
  return options;
}

/**
 * Sets an own property, even `__proto__` (an assignment would set the prototype instead), so the
 * JSON text carries the key exactly as an attacker would send it.
 */
export function withField(object: Record<string, unknown>, name: string, value: unknown): Record<string, unknown> {
  const copy = { ...object };
  Object.defineProperty(copy, name, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

function withoutField(object: Record<string, unknown>, name: string): Record<string, unknown> {
  const copy = { ...object };
  delete copy[name];
  return copy;
}

const label = (at: string): string => at || 'body';

/**
 * Valid values from the spec's JSON schemas, as fast-check arbitraries (so a failure shrinks).
 * Strings carry the Unicode edge cases of `unicode-strings.ts` and reach their `maxLength`;
 * arrays reach their `maxItems`; the spec's own examples are mixed in so that valid requests
 * also find real data (a search for the sample customer, a credential that exists).
 */
import fc from 'fast-check';
import type { OpenApiDocument, SchemaObject } from '../../spec/index.ts';
import { boundedString } from './unicode-strings.ts';
import { closed, exampleOf, isNullable, numberOr, propertiesOf, requiredOf, resolve, typeOf } from './schema-walk.ts';

/** Arrays are kept short, except one case in eight that goes to `maxItems` exactly. */
const USUAL_MAX_ITEMS = 3;

/** A value valid against `schema` (ajv's view, the one the mock validates with). */
export function validValue(doc: OpenApiDocument, schema: SchemaObject, example?: unknown): fc.Arbitrary<unknown> {
  const s = resolve(doc, schema);
  const base = byType(doc, s);
  const withExample = example === undefined ? base : fc.oneof({ weight: 3, arbitrary: base }, { weight: 1, arbitrary: fc.constant(example) });
  return isNullable(s) ? fc.oneof({ weight: 5, arbitrary: withExample }, { weight: 1, arbitrary: fc.constant(null) }) : withExample;
}

function byType(doc: OpenApiDocument, s: SchemaObject): fc.Arbitrary<unknown> {
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  switch (typeOf(s)) {
    case 'string':
      return validString(s);
    case 'integer':
      return validInteger(s);
    case 'number':
      return fc.oneof(validInteger(s), fc.double({ noNaN: true, noDefaultInfinity: true }));
    case 'boolean':
      return fc.boolean();
    case 'array':
      return validArray(doc, s);
    case 'object':
      return validObject(doc, s);
    default:
      // No type (the read-only fields of an update): any JSON is valid.
      return fc.jsonValue({ maxDepth: 2 });
  }
}

export function validString(s: SchemaObject): fc.Arbitrary<string> {
  const min = numberOr(s.minLength, 0);
  const max = numberOr(s.maxLength, 100);
  if (typeof s.pattern === 'string') {
    const pattern = new RegExp(s.pattern);
    return fc.stringMatching(pattern).filter((v) => [...v].length >= min && [...v].length <= max);
  }
  if (s.format === 'email') return validEmail().filter((v) => v.length <= max && v.length >= min);
  return boundedString(min, max);
}

/**
 * Addresses that ajv-formats' `email` accepts: dot-atoms of its allowed characters, an `@`,
 * and DNS labels. `fc.emailAddress()` follows RFC 5322 more loosely than ajv does.
 */
export function validEmail(): fc.Arbitrary<string> {
  const atom = fc.stringMatching(/^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]{1,8}$/);
  const label = fc.stringMatching(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,6}[A-Za-z0-9])?$/);
  return fc
    .tuple(
      fc.array(atom, { minLength: 1, maxLength: 2 }),
      fc.array(label, { minLength: 1, maxLength: 2 }),
      fc.stringMatching(/^[a-z]{2,6}$/),
    )
    .map(([local, labels, tld]) => `${local.join('.')}@${[...labels, tld].join('.')}`);
}

function validInteger(s: SchemaObject): fc.Arbitrary<number> {
  const min = numberOr(s.minimum, Number.MIN_SAFE_INTEGER);
  const max = numberOr(s.maximum, Number.MAX_SAFE_INTEGER);
  const edges = [min, max, 0, 1, -1, 2 ** 31, 2 ** 31 - 1, 2 ** 53 - 1].filter((n) => n >= min && n <= max);
  return fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: Math.max(min, -1000), max: Math.min(max, 1_000_000) }) },
    { weight: 1, arbitrary: fc.integer({ min, max }) },
    { weight: 1, arbitrary: fc.constantFrom(...edges) },
  );
}

function validArray(doc: OpenApiDocument, s: SchemaObject): fc.Arbitrary<unknown[]> {
  const items = validValue(doc, (s.items as SchemaObject | undefined) ?? {});
  const min = numberOr(s.minItems, 0);
  const max = numberOr(s.maxItems, 1000);
  const usual = fc.array(items, { minLength: min, maxLength: Math.max(min, Math.min(max, USUAL_MAX_ITEMS)) });
  if (max > 100) return usual;
  const full = fc.array(items, { minLength: max, maxLength: max });
  return fc.oneof({ weight: 7, arbitrary: usual }, { weight: 1, arbitrary: full });
}

function validObject(doc: OpenApiDocument, s: SchemaObject): fc.Arbitrary<Record<string, unknown>> {
  const properties = propertiesOf(s);
  const model: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [name, propertySchema] of Object.entries(properties)) {
    model[name] = validValue(doc, propertySchema, exampleOf(s, name));
  }
  const record = fc.record(model, { requiredKeys: requiredOf(s) }) as fc.Arbitrary<Record<string, unknown>>;
  // An open object accepts any extra field; the spec's request objects are all closed.
  return closed(s) || Object.keys(properties).length > 0 ? record.map(plainObject) : fc.constant({});
}

/** fast-check may build records without a prototype; the wire only sees JSON, tests see plain objects. */
function plainObject(value: Record<string, unknown>): Record<string, unknown> {
  return Object.assign({}, value);
}

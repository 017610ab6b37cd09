/**
 * Negative request values derived from the spec, not written per field: for every rule a request
 * schema states (type, maxLength, minLength, format, pattern, enum, minimum, required,
 * additionalProperties, minItems, maxItems), at every depth, the values that break exactly that
 * rule: just over a limit and far over it, the wrong type, the wrong format. A new field in the
 * spec gets its checks without a line here.
 */
import type { OpenApiDocument, SchemaObject } from '../../../spec/index.ts';
import { closed, isNullable, propertiesOf, requiredOf, resolve, typeOf } from '../../fuzz/schema-walk.ts';

export type Path = Array<string | number>;

/** The field removed instead of set (a `required` rule). */
export const REMOVE = Symbol('remove');

export interface Violation {
  /** Where in the body, e.g. `['name', 'lastName']`. */
  path: Path;
  /** What it breaks, in words: `31 characters (maxLength 30)`. */
  rule: string;
  value: unknown;
  /** The name an error message must mention: the field's own name (the unknown or missing one). */
  field: string;
  /** Object and array schemas on the way, to build a valid container where the base has none. */
  containers: Array<{ at: Path; example: unknown }>;
}

/** The name the fixtures and the mock never use: an unknown field must be refused, not ignored. */
export const UNKNOWN_FIELD = 'contractUnknownField';

export function violationsOf(doc: OpenApiDocument, schema: SchemaObject, path: Path = [], containers: Violation['containers'] = []): Violation[] {
  const s = resolve(doc, schema);
  const type = typeOf(s);
  const field = lastName(path);
  const make = (rule: string, value: unknown, at: Path = path, name = field): Violation => ({ path: at, rule, value, field: name, containers });
  const out: Violation[] = [];
  // The body itself of the wrong type (a JSON string, an array) is the robustness checks' part.
  if (type && path.length > 0) out.push(make(`${describe(WRONG_TYPE[type])} is not of type ${type}${isNullable(s) ? ' or null' : ''}`, WRONG_TYPE[type]));
  if (type && !isNullable(s) && path.length > 0) out.push(make(`null is not allowed (not nullable)`, null));
  if (type === 'string') out.push(...stringViolations(s, make));
  if (type === 'integer') out.push(...integerViolations(s, make));
  if (type === 'array') out.push(...arrayViolations(doc, s, path, containers, make));
  if (type === 'object') out.push(...objectViolations(doc, s, path, containers));
  return out;
}

type Make = (rule: string, value: unknown, at?: Path, name?: string) => Violation;

const WRONG_TYPE: Record<string, unknown> = { string: 12345, integer: '12', number: '12', boolean: 'yes', array: 'not-an-array', object: 'not-an-object' };

function stringViolations(s: SchemaObject, make: Make): Violation[] {
  const out: Violation[] = [];
  const email = s.format === 'email';
  if (typeof s.maxLength === 'number') {
    const max = s.maxLength;
    // "Just over" has a decomposable letter (å): a server that counts bytes, or NFD code points,
    // is caught by the just-at-the-limit values of the positive checks, not here.
    out.push(make(`${max + 1} characters (maxLength ${max})`, sized(max + 1, email)));
    out.push(make(`${max * 10} characters, far over (maxLength ${max})`, sized(max * 10, email)));
  }
  if (typeof s.minLength === 'number' && s.minLength > 0) out.push(make(`empty (minLength ${s.minLength})`, ''));
  if (email) out.push(make('"ola.nordmann@" is not an email (format email)', 'ola.nordmann@'));
  if (typeof s.pattern === 'string') {
    const pattern = new RegExp(s.pattern, 'u');
    const bad = ['4712345678', '+47 123 45 678', 'abc'].find((value) => !pattern.test(value));
    if (bad) out.push(make(`${JSON.stringify(bad)} does not match ${s.pattern}`, bad));
  }
  if (Array.isArray(s.enum)) out.push(make(`"not-a-listed-value" is not one of ${s.enum.join(', ')}`, 'not-a-listed-value'));
  return out;
}

/** A string of exactly `length` characters; an address that is a valid email but for its length. */
function sized(length: number, email: boolean): string {
  if (!email) return `å${'x'.repeat(length - 1)}`;
  const domain = '@kontrakt.example.no';
  return `${'a'.repeat(length - domain.length)}${domain}`;
}

function integerViolations(s: SchemaObject, make: Make): Violation[] {
  const out = [make('1.5 is not an integer', 1.5)];
  if (typeof s.minimum === 'number') out.push(make(`${s.minimum - 1} is below the minimum ${s.minimum}`, s.minimum - 1));
  if (typeof s.maximum === 'number') out.push(make(`${s.maximum + 1} is above the maximum ${s.maximum}`, s.maximum + 1));
  return out;
}

function arrayViolations(doc: OpenApiDocument, s: SchemaObject, path: Path, containers: Violation['containers'], make: Make): Violation[] {
  const items = resolve(doc, (s.items as SchemaObject | undefined) ?? {});
  const item = exampleValue(doc, items);
  const out: Violation[] = [];
  if (typeof s.maxItems === 'number') out.push(make(`${s.maxItems + 1} items (maxItems ${s.maxItems})`, Array.from({ length: s.maxItems + 1 }, (_, i) => variant(item, i))));
  if (typeof s.minItems === 'number' && s.minItems > 0) out.push(make(`no items (minItems ${s.minItems})`, []));
  const inner = [...containers, { at: path, example: [item] }];
  out.push(...violationsOf(doc, items, [...path, 0], inner));
  return out;
}

function objectViolations(doc: OpenApiDocument, s: SchemaObject, path: Path, containers: Violation['containers']): Violation[] {
  const inner = [...containers, { at: path, example: exampleValue(doc, s) }];
  const out: Violation[] = [];
  for (const [name, property] of Object.entries(propertiesOf(s))) {
    if (resolve(doc, property).readOnly === true) continue;
    out.push(...violationsOf(doc, property, [...path, name], inner));
  }
  for (const name of requiredOf(s)) out.push({ path: [...path, name], rule: 'missing (required)', value: REMOVE, field: name, containers: inner });
  if (closed(s)) out.push({ path: [...path, UNKNOWN_FIELD], rule: 'an unknown field (additionalProperties: false)', value: 'x', field: UNKNOWN_FIELD, containers: inner });
  return out;
}

/** A valid value of the schema: its example, else an item or property example, else a plain value. */
function exampleValue(doc: OpenApiDocument, s: SchemaObject): unknown {
  if (s.example !== undefined) return s.example;
  const type = typeOf(s);
  if (type === 'string') return s.format === 'email' ? 'kontrakt@kontrakt.example.no' : 'kontrakt';
  if (type === 'integer' || type === 'number') return typeof s.minimum === 'number' ? s.minimum : 1;
  if (type === 'array') return [exampleValue(doc, resolve(doc, (s.items as SchemaObject | undefined) ?? {}))];
  if (type === 'object') {
    return Object.fromEntries(requiredOf(s).map((name) => [name, exampleValue(doc, resolve(doc, propertiesOf(s)[name] ?? {}))]));
  }
  return 'kontrakt';
}

/** Items of an over-long list told apart, so a server that drops duplicates still sees too many. */
function variant(item: unknown, i: number): unknown {
  if (typeof item === 'string') return item.includes('@') ? item.replace('@', `+${i}@`) : `${item}-${i}`;
  return item;
}

function lastName(path: Path): string {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return 'body';
}

function describe(value: unknown): string {
  return JSON.stringify(value);
}

/** `name.lastName`, `phoneNumbers[0].phoneNumber`: a path as error messages and reports write it. */
export function pathText(path: Path): string {
  return path.reduce<string>((acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), '');
}

/**
 * The update's read-back cases, derived from the spec's `CustomerUpdate` schema: for every string
 * it holds, a value in mixed case with decomposed (NFD) letters; for every nullable field, `null`;
 * for every list, an order that is neither sorted nor reversed. Each case changes one place of an
 * otherwise plain body, so a failure names the field. Patterned strings (phone numbers) keep
 * their only form; the name object itself has its own rule (`"-"`), not a null read-back.
 */
import { listOperations, specValidators, type SchemaObject } from '../../../spec/index.ts';
import { isNullable, propertiesOf, resolve } from '../../fuzz/schema-walk.ts';

export type UpdateBody = Record<string, unknown>;

export interface ReadBackCase {
  /** `name.firstName`, `phoneNumbers[0].phoneNumberType`, `emails`. */
  path: string;
  kind: 'exact' | 'null' | 'order';
  body: UpdateBody;
}

/** Plain values, unlike the seeded and discovered data; lists sorted, so a new order shows. */
export const PLAIN_BODY: UpdateBody = {
  name: { firstName: 'Ase', middleName: 'Kontrakt', lastName: 'Sjekkesen', companyName: 'Sjekk AS', departmentName: 'Test' },
  phoneNumbers: [
    { phoneNumber: '+4799000771', phoneNumberType: 'home' },
    { phoneNumber: '+4799000772', phoneNumberType: 'mobile' },
    { phoneNumber: '+4799000773', phoneNumberType: 'personal' },
  ],
  emails: ['a.sjekk@kontrakt.example.no', 'b.sjekk@kontrakt.example.no', 'c.sjekk@kontrakt.example.no'],
  invoiceEmailAddress: 'a.sjekk@kontrakt.example.no',
};

/** Mixed case and letters that NFC would compose (`A` + ring above): kept as written, code point for code point. */
const TRICKY_TEXT = 'ÅsE dÉ Ñø'.normalize('NFD');
const TRICKY_EMAIL = 'Ase.Blandet-Case@Kontrakt.Example.NO';

function updateSchema(): SchemaObject {
  const { doc } = specValidators();
  const op = listOperations(doc).find((o) => o.operationId === 'updateCustomerInfo');
  if (!op?.requestBody) throw new Error('the spec has no updateCustomerInfo request body');
  return resolve(doc, op.requestBody.schema);
}

function trickyFor(schema: SchemaObject): string | undefined {
  if (typeof schema.pattern === 'string') return undefined;
  if (schema.format === 'email') return TRICKY_EMAIL;
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : 30;
  return [...TRICKY_TEXT].slice(0, max).join('');
}

/** [a, b, c] → [b, c, a]: neither the order written before nor a sorted one either way. */
const rotate = (list: unknown[]): unknown[] => [...list.slice(1), list[0]];

/** A copy of `body` with the value at `keys` replaced. */
function setAt(body: UpdateBody, keys: Array<string | number>, value: unknown): UpdateBody {
  const copy = structuredClone(body);
  let node = copy as Record<string | number, unknown>;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
  node[keys.at(-1)!] = value;
  return copy;
}

function pathOf(keys: Array<string | number>): string {
  return keys.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

function casesAt(schema: SchemaObject, keys: Array<string | number>, plain: unknown): ReadBackCase[] {
  const { doc } = specValidators();
  const s = resolve(doc, schema);
  const path = pathOf(keys);
  const cases: ReadBackCase[] = [];
  if (s.type === 'object') {
    for (const [key, child] of Object.entries(propertiesOf(s))) {
      if (child.readOnly === true) continue;
      cases.push(...casesAt(child, [...keys, key], (plain as Record<string, unknown>)[key]));
    }
    return cases;
  }
  if (isNullable(s)) cases.push({ path, kind: 'null', body: setAt(PLAIN_BODY, keys, null) });
  if (s.type === 'array' && Array.isArray(plain)) {
    cases.push({ path, kind: 'order', body: setAt(PLAIN_BODY, keys, rotate(plain)) });
    cases.push(...casesAt(s.items as SchemaObject, [...keys, 0], plain[0]));
  }
  if (s.type === 'string') {
    const tricky = trickyFor(s);
    if (tricky !== undefined) cases.push({ path, kind: 'exact', body: setAt(PLAIN_BODY, keys, tricky) });
  }
  return cases;
}

/** Every read-back case of the update body, in the spec's field order. */
export function readBackCases(): ReadBackCase[] {
  return Object.entries(propertiesOf(updateSchema())).flatMap(([key, schema]) => (schema.readOnly === true ? [] : casesAt(schema, [key], PLAIN_BODY[key])));
}

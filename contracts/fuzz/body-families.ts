/**
 * The families that vary the request body of an operation that takes one: valid bodies, bodies
 * that break one schema rule, broken or tricky JSON, bytes that are not UTF-8, oversize bodies,
 * and content types. The oracle classifies every case.
 */
import fc from 'fast-check';
import type { SchemaObject } from '../../spec/index.ts';
import type { FamilyContext } from './family.ts';
import type { FuzzCase } from './fuzz-case.ts';
import { invalidValue } from './invalid-values.ts';
import { expectBody } from './oracle.ts';
import {
  badBytes, brokenJson, deepNesting, duplicateKeys, hugeNumber, oversize, parseLikeAServer, prototypeKeys, TOP_LEVEL_VALUES,
  type RawBody,
} from './raw-bodies.ts';
import { buildRequest } from './request-builder.ts';
import { validValue } from './schema-values.ts';
import { propertiesOf, resolve, typeOf } from './schema-walk.ts';

/** A valid body: generated from the schema, and kept only if the compiled validator agrees. */
export function validBody(ctx: FamilyContext): fc.Arbitrary<unknown> {
  const body = ctx.validators.operation.requestBody;
  if (!body) return fc.constant(undefined);
  const validate = ctx.validators.body;
  return validValue(ctx.doc, body.schema, body.example).filter((v) => validate?.(v) !== false);
}

/** A valid body that is an object (raw bodies splice fields into it). */
export function validObject(ctx: FamilyContext): fc.Arbitrary<Record<string, unknown>> {
  return validBody(ctx).filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v));
}

function jsonCase(ctx: FamilyContext, raw: RawBody, extra: { contentType?: string | null; note?: string } = {}): FuzzCase {
  const size = typeof raw.body === 'string' ? Buffer.byteLength(raw.body) : raw.body.length;
  return {
    operationId: ctx.validators.operation.operationId,
    request: buildRequest(ctx.validators.operation, ctx.credentials, { body: raw.body, contentType: extra.contentType }),
    expect: expectBody(ctx.validators, { parsed: raw.parsed, size, absent: size === 0 }),
    note: extra.note ?? raw.note,
  };
}

const asRaw = (value: unknown, note: string): RawBody => {
  const body = JSON.stringify(value) ?? 'null';
  return { body, note, parsed: parseLikeAServer(body) };
};

export function validFamily(ctx: FamilyContext): fc.Arbitrary<FuzzCase> {
  const operation = ctx.validators.operation;
  const absent: FuzzCase = {
    operationId: operation.operationId,
    request: buildRequest(operation, ctx.credentials),
    expect: expectBody(ctx.validators, { absent: true }),
    note: 'no body',
  };
  if (!operation.requestBody) return fc.constant({ ...absent, note: 'a valid request' });
  const generated = validBody(ctx).map((v) => jsonCase(ctx, asRaw(v, 'a valid body')));
  if (operation.requestBody.required) return generated;
  // An optional body may be left out entirely (contracts/README.md: an empty update sets the name to "-").
  return fc.oneof({ weight: 9, arbitrary: generated }, { weight: 1, arbitrary: fc.constant(absent) });
}

export function schemaInvalidFamily(ctx: FamilyContext): fc.Arbitrary<FuzzCase> | undefined {
  const schema = ctx.validators.operation.requestBody?.schema;
  const invalid = schema && invalidValue(ctx.doc, schema);
  return invalid?.map(({ value, note }) => jsonCase(ctx, asRaw(value, note)));
}

export function malformedFamily(ctx: FamilyContext): fc.Arbitrary<FuzzCase> {
  const fields = bodyFields(ctx);
  const base = validObject(ctx);
  const options: Array<fc.Arbitrary<RawBody>> = [
    brokenJson(validBody(ctx)),
    fc.constantFrom(...TOP_LEVEL_VALUES).map((t) => ({ body: t, note: `the body ${t}`, parsed: parseLikeAServer(t) })),
    deepNesting([...fields.all, 'unknownField']),
    hugeNumber(base, fields.all),
    prototypeKeys(base, fields.objects),
    duplicateKeys(base),
    fc.constant({ body: '', note: 'an empty body with a JSON content type', parsed: { kind: 'malformed' } } as RawBody),
  ];
  return fc.oneof(...options).map((raw) => jsonCase(ctx, raw));
}

export function badBytesFamily(ctx: FamilyContext): fc.Arbitrary<FuzzCase> | undefined {
  const slots = bodyFields(ctx).stringSlots;
  if (slots.length === 0) return undefined;
  return badBytes(validObject(ctx), slots).map((raw) => jsonCase(ctx, raw));
}

export function oversizeFamily(ctx: FamilyContext): fc.Arbitrary<FuzzCase> {
  return oversize(validBody(ctx)).map((raw) => jsonCase(ctx, raw));
}

/** Media types per RFC 9110 §8.3.1: the type is case-insensitive and `charset=utf-8` changes nothing for JSON. */
const JSON_TYPES = ['application/json; charset=utf-8', 'application/json;charset=UTF-8', 'Application/JSON'];
const NOT_JSON_TYPES = [
  'text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'multipart/form-data; boundary=x',
  'application/octet-stream', 'text/json', 'application/jsonx', '',
];
/** Types a careful server may accept or refuse: RFC 8259 §11 ignores a charset; `+json` is JSON too (RFC 6839). */
const UNCLEAR_TYPES = ['application/json; charset=iso-8859-1', 'application/vnd.api+json'];

export function contentTypeFamily(ctx: FamilyContext): fc.Arbitrary<FuzzCase> {
  const kinds = fc.oneof(
    fc.constantFrom(...JSON_TYPES).map((t) => ({ type: t as string | null, verdict: 'json' as const })),
    fc.constantFrom<string | null>(...NOT_JSON_TYPES, null).map((t) => ({ type: t, verdict: 'refuse' as const })),
    fc.constantFrom(...UNCLEAR_TYPES).map((t) => ({ type: t as string | null, verdict: 'unclear' as const })),
  );
  return fc.tuple(validBody(ctx), kinds).map(([value, { type, verdict }]) => {
    const shown = type === null ? 'no Content-Type' : `Content-Type: ${JSON.stringify(type)}`;
    const json = jsonCase(ctx, asRaw(value, shown), { contentType: type, note: shown });
    if (verdict === 'json') return json;
    const expect = verdict === 'refuse'
      ? { kind: 'invalid' as const, why: `${shown} is not application/json: 415` }
      : { kind: 'any' as const, why: `${shown}: servers differ` };
    return { ...json, expect };
  });
}

interface BodyFields {
  all: string[];
  /** Fields that hold objects (prototype keys go inside them). */
  objects: string[];
  /** A field and a JSON token for it with `\u0001` where bad bytes go. */
  stringSlots: Array<[string, string]>;
}

function bodyFields(ctx: FamilyContext): BodyFields {
  const schema = ctx.validators.operation.requestBody?.schema;
  const properties = schema ? propertiesOf(resolve(ctx.doc, schema)) : {};
  const fields: BodyFields = { all: Object.keys(properties), objects: [], stringSlots: [] };
  for (const [name, raw] of Object.entries(properties)) {
    const s = resolve(ctx.doc, raw);
    if (typeOf(s) === 'object') fields.objects.push(name);
    if (typeOf(s) === 'string') fields.stringSlots.push([name, '"x\u0001y"']);
    const items = s.items as SchemaObject | undefined;
    if (typeOf(s) === 'array' && items && typeOf(resolve(ctx.doc, items)) === 'string') fields.stringSlots.push([name, '["x\u0001y"]']);
  }
  return fields;
}

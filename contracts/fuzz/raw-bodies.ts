/**
 * Request bodies that are not a JSON document a schema can judge as generated: broken JSON, deep
 * nesting, huge numbers, prototype keys, duplicate keys, a byte-order mark, invalid UTF-8 and
 * oversize bodies. Each says how a server parses it (`parsed`), so the oracle can classify it the
 * way the server sees it, not the way the generator meant it.
 */
import fc from 'fast-check';

export type Parsed =
  /** JSON.parse, as every Node body parser uses it, throws: the body is malformed. */
  | { kind: 'malformed' }
  /** JSON.parse gives this value: the schema decides. */
  | { kind: 'json'; value: unknown }
  /** Servers legitimately differ (a BOM, bytes that are not UTF-8): no status is required. */
  | { kind: 'unclear'; why: string };

export interface RawBody {
  body: string | Uint8Array;
  note: string;
  parsed: Parsed;
}

/** Stands for a raw JSON token in a JSON text, replaced after `JSON.stringify`. */
const RAW_MARK = '\u0000raw\u0000';

/** `base` as JSON text with field `name` set to the raw JSON `token` (a number JSON.stringify cannot write, a nested text). */
export function spliceRaw(base: Record<string, unknown>, name: string, token: string): string {
  const copy: Record<string, unknown> = { ...base };
  Object.defineProperty(copy, name, { value: RAW_MARK, enumerable: true, writable: true, configurable: true });
  return JSON.stringify(copy).replace(JSON.stringify(RAW_MARK), token);
}

export function parseLikeAServer(text: string): Parsed {
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch {
    return { kind: 'malformed' };
  }
}

const fromText = (body: string, note: string): RawBody => ({ body, note, parsed: parseLikeAServer(body) });

/** Broken JSON, built from a valid body so the break is the only thing wrong. */
export function brokenJson(base: fc.Arbitrary<unknown>): fc.Arbitrary<RawBody> {
  const text = base.map((value) => JSON.stringify(value) ?? 'null');
  return fc.oneof(
    fc.tuple(text, fc.nat()).filter(([t]) => t.length > 1).map(([t, n]) => fromText(t.slice(0, 1 + (n % (t.length - 1))), 'truncated JSON')),
    text.map((t) => fromText(t.replace(/}$/, ',}'), 'trailing comma')),
    text.map((t) => fromText(t.replace(/"/g, "'"), 'single quotes')),
    text.map((t) => fromText(`${t}${t}`, 'two JSON documents')),
    text.map((t) => fromText(`/* comment */${t}`, 'a comment')),
    fc.constantFrom(...NOT_JSON).map((t) => fromText(t, 'not JSON')),
  );
}

const NOT_JSON = ['{', '}', '{]', '[', 'nul', 'NaN', 'undefined', '{"a":}', '{a:1}', '{"a":1,,}', '\u0000', '{"a":"\\x41"}', '{"a":"\u0001"}', '"unterminated'];

/** Values that are JSON but not objects: the body schema decides (an update accepts `null`). */
export const TOP_LEVEL_VALUES = ['null', '[]', '[{}]', '"text"', '0', '-1', 'true', 'false', '{}'];

/** A field holding an array nested `depth` deep: parsers and validators that recurse can overflow. */
export function deepNesting(names: string[]): fc.Arbitrary<RawBody> {
  const depths = fc.constantFrom(100, 1_000, 10_000, 100_000);
  return fc.tuple(fc.constantFrom(...names), depths, fc.constantFrom('[', '{"a":')).map(([name, depth, open]) => {
    const close = open === '[' ? ']' : '}';
    const token = `${open.repeat(depth)}1${close.repeat(depth)}`;
    return fromText(`{${JSON.stringify(name)}:${token}}`, `${name}: nested ${depth} deep`);
  });
}

/** Numbers past what a double holds, or that only look like integers. */
export const HUGE_NUMBERS = [
  '1e400', '-1e400', '123456789012345678901234567890', '9007199254740993', '-9007199254740993', '1e-400', '-0', '1.0', '1E2',
  '0.1e1', '1e308', '4.9e-324',
];

export function hugeNumber(base: fc.Arbitrary<Record<string, unknown>>, fields: string[]): fc.Arbitrary<RawBody> {
  return fc.tuple(base, fc.constantFrom(...fields), fc.constantFrom(...HUGE_NUMBERS)).map(([object, name, token]) =>
    fromText(spliceRaw(object, name, token), `${name}: the number ${token}`),
  );
}

/** Prototype keys, at the top and inside nested objects (JSON.parse makes them own properties). */
export function prototypeKeys(base: fc.Arbitrary<Record<string, unknown>>, objectFields: string[]): fc.Arbitrary<RawBody> {
  const key = fc.constantFrom('__proto__', 'constructor', 'prototype');
  const payload = fc.constantFrom('{"polluted":true}', '{"prototype":{"polluted":true}}', '{"lastName":"Polluted","isAdmin":true}', 'null', '1');
  const where = fc.constantFrom('', ...objectFields);
  return fc.tuple(base, key, payload, where).map(([object, k, p, field]) => {
    const inner = `{${JSON.stringify(k)}:${p}}`;
    const rest = Object.keys(object).length ? `,${JSON.stringify(object).slice(1)}` : '}';
    const text = field ? spliceRaw(object, field, inner) : `{${JSON.stringify(k)}:${p}${rest}`;
    return fromText(text, `${field || 'body'}: key ${k}`);
  });
}

/** The same key twice: JSON.parse keeps the last, and so must the server's view. */
export function duplicateKeys(base: fc.Arbitrary<Record<string, unknown>>): fc.Arbitrary<RawBody> {
  return base.filter((o) => Object.keys(o).length > 0).map((object) => {
    const [first] = Object.keys(object);
    const text = `{${JSON.stringify(first)}:{"duplicate":true},${JSON.stringify(object).slice(1)}`;
    return fromText(text, `${String(first)}: given twice`);
  });
}

/** Byte sequences that are not UTF-8 (RFC 3629 §3) placed inside a string value, and a BOM. */
const BAD_UTF8: Array<[string, number[]]> = [
  ['a CESU-8 lone surrogate', [0xed, 0xa0, 0x80]],
  ['an overlong slash', [0xc0, 0xaf]],
  ['a lone continuation byte', [0x80]],
  ['the byte 0xFF', [0xff]],
  ['a truncated sequence', [0xe2, 0x82]],
  ['a code point past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
];

/** `slots`: a field and a JSON token for it with `\u0001` where the bytes go, e.g. `["x\u0001y"]`. */
export function badBytes(base: fc.Arbitrary<Record<string, unknown>>, slots: Array<[string, string]>): fc.Arbitrary<RawBody> {
  const inString = fc.tuple(base, fc.constantFrom(...slots), fc.constantFrom(...BAD_UTF8)).map(([object, [name, token], [what, bytes]]) => {
    const [before = '', after = ''] = spliceRaw(object, name, token).split('\u0001');
    const body = Buffer.concat([Buffer.from(before), Buffer.from(bytes), Buffer.from(after)]);
    return { body: new Uint8Array(body), note: `${name}: ${what}`, parsed: { kind: 'unclear', why: 'bytes that are not UTF-8' } } as RawBody;
  });
  const bom = base.map((object): RawBody => ({
    body: `\ufeff${JSON.stringify(object)}`,
    note: 'a UTF-8 byte-order mark before the JSON',
    parsed: { kind: 'unclear', why: 'RFC 8259 §8.1 lets a parser ignore a BOM or reject it' },
  }));
  return fc.oneof(inString, bom);
}

/** 1 MiB, the API's body limit (contracts/README.md). */
export const BODY_LIMIT = 1024 * 1024;

/** A valid body padded with spaces to a size at, just past, or far past the limit. */
export function oversize(base: fc.Arbitrary<unknown>): fc.Arbitrary<RawBody & { size: number }> {
  return fc.tuple(base, fc.constantFrom(BODY_LIMIT, BODY_LIMIT + 1, 2 * BODY_LIMIT, 8 * BODY_LIMIT)).map(([value, size]) => {
    const json = JSON.stringify(value) ?? 'null';
    const body = json + ' '.repeat(Math.max(0, size - Buffer.byteLength(json)));
    return { body, size, note: `${Buffer.byteLength(body)} bytes (limit ${BODY_LIMIT})`, parsed: { kind: 'json', value } };
  });
}

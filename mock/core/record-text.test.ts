import fc from 'fast-check';
import { expect, it } from 'vitest';
import { isStringifyOf } from './record-text.ts';

const check = (text: string) => isStringifyOf(text, JSON.parse(text));

it('accepts compact JSON that stringify gives back byte for byte', () => {
  expect(check('{"a":1,"b":[-12,0,{"c":null,"d":true,"e":false}],"f":"Ærlig æøå"}')).toBe(true);
});

it('refuses text that stringify would write differently', () => {
  for (const text of [
    '{"a": 1}', // whitespace
    '{"a":1,"a":2}', // a repeated key, which JSON.parse drops
    '{"b":1,"1":2}', // an array-index key, which V8 lists first
    '{"a":-0}',
    '{"a":1e2}',
    '{"a":12345678901234567890}', // beyond 2^53
    '{"a":"\\u00e6"}', // an escape
  ]) {
    expect({ text, ok: check(text) }).toEqual({ text, ok: false });
  }
});

it('never accepts a text that differs from the stringify of its parse', () => {
  const texts = fc.jsonValue().chain((value) =>
    fc.constantFrom(JSON.stringify(value), JSON.stringify(value, null, 1), `{"k":${JSON.stringify(value)},"k":1}`),
  );
  fc.assert(
    fc.property(texts, (text) => !check(text) || JSON.stringify(JSON.parse(text)) === text),
    { seed: 7, numRuns: 500 },
  );
});

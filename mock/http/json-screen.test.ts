/**
 * The quick pass over a parsed body (json-screen.ts) must call clean exactly the bodies that the
 * two exact checks pass: no prototype key (prototype-keys.ts), no nesting past the limit
 * (json-depth.ts). Over any JSON value, with such keys and deep nesting mixed in.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { isDeeperThan, MAX_JSON_DEPTH } from './json-depth.ts';
import { isCleanJson } from './json-screen.ts';
import { prototypeKeyPath } from './prototype-keys.ts';

const exactlyClean = (value: unknown, limit: number) => prototypeKeyPath(value) === undefined && !isDeeperThan(value, limit);

it('calls clean exactly what the two exact checks pass, for any JSON value', () => {
  const key = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('__proto__', 'constructor', 'prototype'));
  const { json } = fc.letrec((tie) => ({
    json: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.jsonValue({ maxDepth: 1 }), tie('array'), tie('object')),
    array: fc.array(tie('json'), { maxLength: 3 }),
    object: fc.array(fc.tuple(key, tie('json')), { maxLength: 3 }).map((entries) => Object.fromEntries(entries) as unknown),
  }));
  fc.assert(
    fc.property(json, fc.integer({ min: 1, max: 6 }), (value, limit) => {
      // Parsed from text, as a body is: "__proto__" is then an own key.
      const parsed = JSON.parse(JSON.stringify(value)) as unknown;
      expect(isCleanJson(parsed, limit)).toBe(exactlyClean(parsed, limit));
    }),
    { seed: 31, numRuns: 2000 },
  );
});

it('finds a prototype key at any place, and nesting one level past the limit', () => {
  expect(isCleanJson(JSON.parse('{"a":[{"b":{"__proto__":1}}]}'), MAX_JSON_DEPTH)).toBe(false);
  expect(isCleanJson(JSON.parse('[1,{"constructor":{}}]'), MAX_JSON_DEPTH)).toBe(false);
  expect(isCleanJson(JSON.parse('{"prototypes":"__proto__"}'), MAX_JSON_DEPTH)).toBe(true);
  expect(isCleanJson(JSON.parse('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH)), MAX_JSON_DEPTH)).toBe(true);
  expect(isCleanJson(JSON.parse('['.repeat(MAX_JSON_DEPTH + 1) + ']'.repeat(MAX_JSON_DEPTH + 1)), MAX_JSON_DEPTH)).toBe(false);
  // 100,000 levels: refused at the limit, without recursing that deep.
  expect(isCleanJson(JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)), MAX_JSON_DEPTH)).toBe(false);
});

/**
 * The one depth check of bodies (json-depth.ts) and the prototype-key walk that runs after it
 * (prototype-keys.ts): exact at the limit, bounded on any input, and against plain reference
 * walks over any JSON value with such keys and deep nesting mixed in.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { isDeeperThan, MAX_JSON_DEPTH } from './json-depth.ts';
import { prototypeKeyPath } from './prototype-keys.ts';

const nested = (levels: number) => JSON.parse('['.repeat(levels) + ']'.repeat(levels)) as unknown;

it('tells values nested deeper than a limit, one level past it, on any depth of input', () => {
  expect(isDeeperThan({ a: [{ b: 1 }] }, 3)).toBe(false);
  expect(isDeeperThan({ a: [{ b: {} }] }, 3)).toBe(true);
  expect(isDeeperThan(5, 0)).toBe(false);
  expect(isDeeperThan(nested(MAX_JSON_DEPTH), MAX_JSON_DEPTH)).toBe(false);
  expect(isDeeperThan(nested(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH)).toBe(true);
  expect(isDeeperThan(nested(100_000), MAX_JSON_DEPTH)).toBe(true);
});

it('names the first prototype key with its path, and only down to the limit', () => {
  expect(prototypeKeyPath(JSON.parse('{"a":[{"b":{"__proto__":1}}]}'))).toBe('body.a[0].b.__proto__');
  expect(prototypeKeyPath(JSON.parse('[1,{"constructor":{}}]'))).toBe('body[1].constructor');
  expect(prototypeKeyPath(JSON.parse('{"prototypes":"__proto__"}'))).toBeUndefined();
  expect(prototypeKeyPath(JSON.parse('{"a":{"prototype":1}}'), 'record', 1)).toBeUndefined();
  expect(prototypeKeyPath(nested(100_000))).toBeUndefined();
});

/** Plain walks that make a queue and build every path: what the two checks must agree with. */
function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  return 1 + Math.max(0, ...Object.values(value).map(depthOf));
}
function hasPrototypeKey(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return Object.keys(value).some((key) => ['__proto__', 'constructor', 'prototype'].includes(key)) || Object.values(value).some(hasPrototypeKey);
}

it('agrees with the plain walks on any JSON value', () => {
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
      expect(isDeeperThan(parsed, limit)).toBe(depthOf(parsed) > limit);
      if (depthOf(parsed) <= limit) expect(prototypeKeyPath(parsed, 'body', limit) !== undefined).toBe(hasPrototypeKey(parsed));
    }),
    { seed: 31, numRuns: 2000 },
  );
});

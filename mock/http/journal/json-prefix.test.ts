import { expect, it } from 'vitest';
import { jsonPrefix } from './json-prefix.ts';

it('writes what JSON.stringify writes, up to the limit', () => {
  const value = { a: [1, 'two', null, { b: true }], 'c"d': {}, e: [] };
  expect(jsonPrefix(value, 1000)).toBe(JSON.stringify(value));
  expect(jsonPrefix(value, 10)).toBe(JSON.stringify(value).slice(0, 10));
});

it('does not overflow the stack on a body nested 100,000 deep', () => {
  const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`);
  // Deeper than any recursive walk goes (JSON.stringify was one until V8's of Node 26).
  expect(() => recursiveDepth(deep)).toThrow(RangeError);
  expect(jsonPrefix(deep, 64 * 1024)).toBe('['.repeat(64 * 1024));
});

function recursiveDepth(value: unknown): number {
  return Array.isArray(value) ? 1 + recursiveDepth(value[0]) : 0;
}

import { expect, it } from 'vitest';
import { containsJson } from './contains-json.ts';

it('matches an object that holds every key of the pattern, deeply, and others besides', () => {
  expect(containsJson({ a: { b: 1, c: 2 }, d: 3 }, { a: { b: 1 } })).toBe(true);
  expect(containsJson({ a: { b: 1 } }, { a: { b: 2 } })).toBe(false);
  expect(containsJson({ a: null }, { a: {} })).toBe(false);
  expect(containsJson({}, { a: undefined })).toBe(false);
});

it('matches arrays element by element, at the same length', () => {
  expect(containsJson([{ a: 1, b: 2 }], [{ a: 1 }])).toBe(true);
  expect(containsJson([{ a: 1 }, { a: 2 }], [{ a: 1 }])).toBe(false);
  expect(containsJson({ a: 1 }, [])).toBe(false);
});

it('compares scalars strictly', () => {
  expect(containsJson(1, 1)).toBe(true);
  expect(containsJson('1', 1)).toBe(false);
  expect(containsJson(null, null)).toBe(true);
});

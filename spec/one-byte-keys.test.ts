/**
 * The spec's keys come out of the loader as one-byte strings (one-byte-keys.ts), and so does every
 * name the mock shares with it: a record's members after a `JSON.parse`, the rate-limit header
 * names. V8's serializer tells the two kinds apart: a one-byte string is tagged `"`, a two-byte
 * one `c`.
 */
import { serialize } from 'node:v8';
import { expect, it } from 'vitest';
import { loadSpec } from './load-spec.ts';

const isOneByte = (text: string) => serialize(text)[2] === 0x22;

function keysOf(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) for (const item of value) keysOf(item, into);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      into.push(key);
      keysOf(child, into);
    }
  }
  return into;
}

it('tells one-byte from two-byte strings', () => {
  expect(isOneByte('Ærlig')).toBe(true);
  expect(isOneByte('a…b')).toBe(false);
});

it('loads every key of the spec, and the names the mock shares with it, as one-byte strings', () => {
  const doc = loadSpec();
  const twoByte = keysOf(doc).filter((key) => !isOneByte(key));
  expect(twoByte).toStrictEqual([]);
  expect(isOneByte(Object.keys(JSON.parse('{"customerNumber":1}') as object)[0]!)).toBe(true);
  // A literal is V8's one copy too: it was the spec's two-byte one before.
  expect(isOneByte('X-RateLimit-Remaining')).toBe(true);
});

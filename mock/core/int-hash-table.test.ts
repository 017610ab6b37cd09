import fc from 'fast-check';
import { expect, it } from 'vitest';
import { IntHashTable } from './int-hash-table.ts';

it('keeps several customer numbers under one key, and drops them one by one', () => {
  const table = new IntHashTable();
  table.add(5, 100);
  table.add(5, 200);
  table.add(5, 200);
  expect(table.get(5)).toEqual([100, 200]);
  table.remove(5, 100);
  expect(table.get(5)).toEqual([200]);
  table.remove(5, 200);
  expect(table.get(5)).toEqual([]);
  expect(table.size).toBe(0);
});

it('behaves like a Map of sets under any sequence of adds and removes (colliding keys included)', () => {
  // Keys that share low bits land in the same probe runs, exercising backward-shift deletion.
  const key = fc.integer({ min: 0, max: 40 }).map((k) => (k % 8) * 1024 + Math.floor(k / 8));
  // Customer numbers beyond 31 bits take another path (a list of one), so some are drawn.
  const op = fc.tuple(fc.boolean(), key, fc.constantFrom(1, 2, 3, 4, 2 ** 31 - 1, 2 ** 31, 2 ** 45 + 1));
  fc.assert(
    fc.property(fc.array(op, { maxLength: 3000 }), (ops) => {
      const table = new IntHashTable();
      const model = new Map<number, Set<number>>();
      for (const [isAdd, k, customerNumber] of ops) {
        const set = model.get(k) ?? new Set<number>();
        if (isAdd) {
          table.add(k, customerNumber);
          set.add(customerNumber);
        } else {
          table.remove(k, customerNumber);
          set.delete(customerNumber);
        }
        if (set.size) model.set(k, set);
        else model.delete(k);
      }
      for (const k of new Set(ops.map(([, k]) => k))) {
        expect([...table.get(k)].sort()).toEqual([...(model.get(k) ?? [])].sort());
      }
      expect(table.size).toBe(model.size);
    }),
    { seed: 42, numRuns: 60 },
  );
});

it('finds every key again after growing and after removing half of them', () => {
  const table = new IntHashTable();
  const keys = Array.from({ length: 5000 }, (_, i) => (i * 2654435761) & 0x3fffffff);
  keys.forEach((k, i) => table.add(k, i + 1));
  keys.forEach((k, i) => i % 2 === 0 && table.remove(k, i + 1));
  expect(keys.every((k, i) => (i % 2 === 0 ? table.get(k).length === 0 : table.get(k)[0] === i + 1))).toBe(true);
  expect(table.size).toBe(2500);
});

it('keeps every key when room is reserved ahead, and reserving less than it holds changes nothing', () => {
  const table = new IntHashTable();
  table.add(7, 70);
  table.reserve(100_000);
  const keys = Array.from({ length: 100_000 }, (_, i) => (i * 2654435761) & 0x3fffffff);
  keys.forEach((k, i) => table.add(k, i + 1));
  table.reserve(10);
  expect(table.get(7)).toEqual([70]);
  expect(keys.every((k, i) => table.has(k) && table.get(k).includes(i + 1))).toBe(true);
  expect(table.has(0x3fffffff - 1)).toBe(keys.includes(0x3fffffff - 1));
});

it('keeps customer numbers beyond 31 bits, alone and beside others, and drops them again', () => {
  const table = new IntHashTable();
  const large = 2 ** 40 + 3;
  table.add(9, large);
  expect(table.get(9)).toEqual([large]);
  table.add(9, 5);
  table.add(9, large);
  expect([...table.get(9)].sort((a, b) => a - b)).toEqual([5, large]);
  table.remove(9, 5);
  expect(table.get(9)).toEqual([large]);
  table.remove(9, large);
  expect(table.has(9)).toBe(false);
  table.add(10, 2 ** 31 - 1);
  table.add(10, large);
  table.remove(10, large);
  expect(table.get(10)).toEqual([2 ** 31 - 1]);
  expect(table.size).toBe(1);
});

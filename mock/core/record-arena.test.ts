import { expect, it, vi } from 'vitest';
import { RecordArena } from './record-arena.ts';

it('returns each stored text exactly, including non-ASCII', () => {
  const arena = new RecordArena();
  const texts = ['{"a":"æøå"}', '{"b":"\u{1F600} 😀"}', '{"c":"Ærlig"}'];
  texts.forEach((text, i) => arena.set(i + 1, text));
  expect(texts.map((_, i) => arena.get(i + 1))).toEqual(texts);
  expect(arena.size).toBe(3);
});

it('replaces and deletes by customer number', () => {
  const arena = new RecordArena();
  arena.set(7, 'old');
  arena.set(7, 'new');
  expect(arena.get(7)).toBe('new');
  expect(arena.delete(7)).toBe(true);
  expect(arena.get(7)).toBeUndefined();
  expect(arena.has(7)).toBe(false);
  expect(arena.size).toBe(0);
});

it('keeps every record intact across compaction after many rewrites', () => {
  const arena = new RecordArena();
  const big = 'x'.repeat(200_000);
  // 400 rewrites of 200 kB leave far more dead bytes than live ones, forcing compactions.
  for (let round = 0; round < 200; round++) {
    arena.set(1, `${round}:${big}`);
    arena.set(2, `${round}:ø`);
  }
  expect(arena.get(1)).toBe(`199:${big}`);
  expect(arena.get(2)).toBe('199:ø');
  expect([...arena.keys()].sort()).toEqual([1, 2]);
});

it('keeps Latin-1 and wider text apart, and returns both after a replace', () => {
  const arena = new RecordArena();
  arena.set(1, '{"a":"Ærlig ÿ"}');
  arena.set(2, '{"b":"Łódź 😀"}');
  arena.set(1, '{"a":"Σ"}');
  arena.set(2, '{"b":"Ås"}');
  expect([arena.get(1), arena.get(2)]).toEqual(['{"a":"Σ"}', '{"b":"Ås"}']);
});

it('writes into the chunks a compaction emptied before it allocates another', () => {
  const arena = new RecordArena();
  const big = 'y'.repeat(1_000_000);
  const allocate = vi.spyOn(Buffer, 'allocUnsafeSlow');
  try {
    // 200 rewrites of 1 MB: 200 MB written, with two compactions on the way (dead past 32 MiB and past live).
    for (let round = 0; round < 200; round++) arena.set(1, `${round}:${big}`);
    // Without reuse every 32 MiB written takes a fresh chunk: at least six of them.
    expect(allocate.mock.calls.length).toBeLessThanOrEqual(3);
    expect(arena.get(1)).toBe(`199:${big}`);
  } finally {
    allocate.mockRestore();
  }
});

import { expect, it } from 'vitest';
import { fixtureText } from '../../fixtures/test-helpers.ts';
import { generateCustomers } from '../../fixtures/generate.ts';
import { specValidators } from '../../spec/index.ts';
import { type RecordCheck, encodeChunk } from './encode-chunk.ts';
import { LoaderThreads } from './loader-threads.ts';

it('encodes a chunk on a thread exactly as on this one, and moves the bytes there', async () => {
  const text = await fixtureText(generateCustomers({ seed: 4, count: 200 }));
  const here = encodeChunk(Buffer.from(text), specValidators().component('CustomerRecord') as RecordCheck);
  const threads = new LoaderThreads(1);
  try {
    const bytes = new Uint8Array(Buffer.from(text));
    const there = await threads.encode(bytes);
    expect(bytes.byteLength).toBe(0); // moved, not copied
    expect(there).toEqual(here);
    expect(there.records.count).toBe(218);
  } finally {
    await threads.close();
  }
});

it('rejects what is still being encoded when closed, and anything asked of it after', async () => {
  const threads = new LoaderThreads(1);
  const pending = threads.encode(new Uint8Array(Buffer.from(await fixtureText(generateCustomers({ seed: 4, count: 2000 })))));
  const outcome = pending.then(() => 'encoded', (error: Error) => error.message);
  await threads.close();
  expect(await outcome).toMatch(/closed/);
  await expect(threads.encode(new Uint8Array(8))).rejects.toThrow(/closed/);
});

/** A 0-byte state file (this mock never writes one) is seeded again, but not silently. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openDurableStore } from '../persistence/durable-store.ts';

const directory = mkdtempSync(join(tmpdir(), 'empty-state-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

it('warns that a 0-byte state file is created again from the fixtures', async () => {
  const path = join(directory, 'state.jsonl');
  writeFileSync(path, '');
  const warnings: string[] = [];
  const durable = await openDurableStore(path, { defaults: () => [], logger: { info: () => undefined, warn: (line) => warnings.push(line) } });
  await durable.close();
  expect(warnings).toEqual([expect.stringContaining(`State file ${path} is empty (0 bytes)`)]);
});

/** The state file: restore, journal, snapshot on reset, torn tail, corruption (docs/decisions/016). */
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { CustomerStore } from '../core/customer-store.ts';
import { customer } from '../core/test-records.ts';
import { replaceCustomerInfo } from '../core/update.ts';
import { type DurableStore, openDurableStore } from './durable-store.ts';
import { StateFileError } from './journal-lines.ts';

let directory: string;
let file: string;
let opened: DurableStore[];
let warnings: string[];

beforeEach(() => {
  directory = mkdtempSync(join(tmpdir(), 'durable-store-'));
  file = join(directory, 'state.jsonl');
  opened = [];
  warnings = [];
});

afterEach(async () => {
  for (const durable of opened) await durable.close();
  rmSync(directory, { recursive: true, force: true });
});

const logger = { info: () => {}, warn: (message: string) => void warnings.push(message) };

async function open(defaults = [customer(1), customer(2)]): Promise<DurableStore> {
  const durable = await openDurableStore(file, { defaults: () => defaults, logger });
  opened.push(durable);
  return durable;
}

/** Closes the store's file and opens it again, as a restart does. */
async function reopen(): Promise<DurableStore> {
  await opened.pop()!.close();
  return open([customer(99)]);
}

function lines(): string[] {
  return readFileSync(file, 'utf8').split('\n').filter(Boolean);
}

it('creates the file from the defaults when it does not exist, and restores it on the next start', async () => {
  const first = await open();
  expect(first.restored).toBe(false);
  expect(lines()[0]).toBe('{"op":"reset","count":2}');
  const second = await reopen();
  expect(second.restored).toBe(true);
  expect([...second.store.all()].map((record) => record.customerNumber)).toEqual([1, 2]);
});

it('journals an update and an insert, and restores both', async () => {
  const { store, journal } = await open();
  const mark = journal.mark();
  replaceCustomerInfo(store, 1, { emails: ['changed@example.no'] });
  store.upsert([customer(3)]);
  await journal.settle(mark);
  expect(lines()).toHaveLength(5);
  const restored = (await reopen()).store;
  expect(restored.get(1)?.emails).toEqual(['changed@example.no']);
  expect(restored.get(1)?.name).toMatchObject({ lastName: '-' });
  expect(restored.get(3)).toEqual(customer(3));
});

it('journals a delete, which stays deleted after a restart and a compaction', async () => {
  const { store, journal } = await open([customer(1), customer(2), customer(3)]);
  const mark = journal.mark();
  expect(store.delete(2)).toBe(true);
  expect(store.delete(7)).toBe(false);
  await journal.settle(mark);
  expect(lines().at(-1)).toBe('{"op":"delete","customerNumbers":[2]}');
  const restored = (await reopen()).store;
  expect([...restored.all()].map((record) => record.customerNumber)).toEqual([1, 3]);
  expect(restored.findCustomerByUser('user-2')).toBeUndefined();
  const again = (await reopen()).store;
  expect([...again.all()].map((record) => record.customerNumber)).toEqual([1, 3]);
});

it('writes a reset as a compacted snapshot in place of the whole journal', async () => {
  const { store } = await open();
  store.upsert([customer(3)]);
  store.replaceAll([customer(7)]);
  expect(lines()).toEqual(['{"op":"reset","count":1}', JSON.stringify({ op: 'upsert', records: [customer(7)] })]);
  expect([...(await reopen()).store.all()]).toEqual([customer(7)]);
});

it('compacts the journal into a snapshot on start', async () => {
  const { store } = await open();
  for (let round = 0; round < 5; round += 1) replaceCustomerInfo(store, 2, { emails: [`round${round}@example.no`] });
  expect(lines()).toHaveLength(8);
  const restored = (await reopen()).store;
  expect(lines()).toHaveLength(3);
  expect(restored.get(2)?.emails).toEqual(['round4@example.no']);
});

it('skips a torn last line with a warning and appends cleanly after it', async () => {
  const { store } = await open();
  store.upsert([customer(3)]);
  await opened.pop()!.close();
  appendFileSync(file, '{"op":"upsert","records":[{"customerNumber":4,"na');
  const restored = await open([]);
  expect(warnings.join()).toMatch(/torn last line \(line 5, \d+ bytes\)/);
  expect([...restored.store.all()].map((record) => record.customerNumber)).toEqual([1, 2, 3]);
  restored.store.upsert([customer(5)]);
  expect([...(await reopen()).store.all()].map((record) => record.customerNumber)).toEqual([1, 2, 3, 5]);
});

it('refuses to start given a corrupt line before the end, naming the line', async () => {
  await open();
  await opened.pop()!.close();
  const [reset, first, second] = lines();
  writeFileSync(file, [reset, first, '{"op":"upsert","records":[{"customerNumber":', second, ''].join('\n'));
  await expect(open()).rejects.toThrow(StateFileError);
  await expect(open()).rejects.toThrow(/state\.jsonl:3: is not valid JSON/);
});

it('refuses to start given a snapshot cut short', async () => {
  writeFileSync(file, `{"op":"reset","count":3}\n${JSON.stringify({ op: 'upsert', records: [customer(1)] })}\n`);
  await expect(open()).rejects.toThrow(/state\.jsonl:1: the snapshot that starts here lacks its last 2 records/);
});

it('refuses to start given a record the validator rejects', async () => {
  writeFileSync(file, `{"op":"reset","count":1}\n{"op":"upsert","records":[{"customerNumber":"x"}]}\n`);
  const validate = (value: unknown) => {
    if (typeof (value as { customerNumber: unknown }).customerNumber !== 'number') throw new Error('customerNumber: must be integer');
    return value as ReturnType<typeof customer>;
  };
  await expect(openDurableStore(file, { defaults: () => [], logger, validate })).rejects.toThrow(/state\.jsonl:2: customerNumber: must be integer/);
});

it('refuses to start with a clear error given a state file it cannot write', async () => {
  file = join(directory, 'missing-directory', 'state.jsonl');
  await expect(open()).rejects.toThrow(/missing-directory\/state\.jsonl: cannot be written \(ENOENT/);
});

it('fills and watches a store that the caller passes in', async () => {
  const store = new CustomerStore();
  const durable = await openDurableStore(file, { defaults: () => [], store, logger });
  opened.push(durable);
  expect(durable.store).toBe(store);
  store.upsert([customer(8)]);
  expect((await reopen()).store.get(8)).toEqual(customer(8));
});

it('makes one fdatasync cover many concurrent writes (group commit)', async () => {
  const { store, journal } = await open();
  const settled = Array.from({ length: 50 }, (_, index) => {
    const mark = journal.mark();
    store.upsert([customer(100 + index)]);
    return journal.settle(mark);
  });
  await Promise.all(settled);
  expect(journal.syncs).toBeGreaterThanOrEqual(1);
  expect(journal.syncs).toBeLessThanOrEqual(2);
  expect((await reopen()).store.size).toBe(52);
});

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixtureError, generateCustomers, readFixtureFile } from '../../fixtures/index.ts';
import { fixtureText } from '../../fixtures/test-helpers.ts';
import { CustomerStore } from '../core/customer-store.ts';
import { ApiError } from '../core/errors.ts';
import { customer, storeContents } from '../core/test-records.ts';
import type { CustomerRecord } from '../../spec/index.ts';
import { type LoadOptions, loadFixtureFile } from './load-fixture-file.ts';

let dir: string;
let files = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'load-fixtures-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fileWith(text: string): Promise<string> {
  const path = join(dir, `fixtures-${files++}.json`);
  await writeFile(path, text);
  return path;
}

/** What the fixture reader makes of the file, in a store built record by record. */
async function readTheOtherWay(path: string): Promise<CustomerStore> {
  const records: CustomerRecord[] = [];
  for await (const record of readFixtureFile(path)) records.push(record);
  return new CustomerStore(records);
}

async function errorOf(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(Error);
  return error as Error;
}

const records = [...generateCustomers({ seed: 11, count: 1500 })];

// Threads 0: the same chunks encoded on this thread. Small reads make many chunks, and reads of
// 300 bytes cut almost every line in two.
const ways: [string, LoadOptions][] = [
  ['on this thread', { threads: 0, readBytes: 64 * 1024 }],
  ['on two loader threads', { threads: 2, readBytes: 64 * 1024 }],
  ['in reads shorter than a line', { threads: 0, readBytes: 300 }],
];

describe.each(ways)('loading a fixture file %s', (_, options) => {
  it('fills the store exactly as the fixture reader and the store’s own writes do', async () => {
    const path = await fileWith(await fixtureText(records));
    const loaded = await loadFixtureFile(path, options);
    expect(loaded?.size).toBe(records.length);
    expect(storeContents(loaded!)).toEqual(storeContents(await readTheOtherWay(path)));
  });

  it('reads CRLF line ends, a byte-order mark and blank lines', async () => {
    const text = `\uFEFF${(await fixtureText(records.slice(0, 300))).replace(/\n/g, '\r\n\r\n')}`;
    const loaded = await loadFixtureFile(await fileWith(text), options);
    expect(storeContents(loaded!)).toEqual(storeContents(new CustomerStore(records.slice(0, 300))));
  });

  it('refuses a bad record with the fixture reader’s message, naming its place in the file', async () => {
    const bad = { ...records[1200]!, name: { ...records[1200]!.name, lastName: 'x'.repeat(31) } };
    const path = await fileWith(await fixtureText([...records.slice(0, 1200), bad, ...records.slice(1201)]));
    const error = await errorOf(loadFixtureFile(path, options));
    expect(error).toBeInstanceOf(FixtureError);
    expect(error.message).toBe((await errorOf(readTheOtherWay(path))).message);
    expect(error.message).toMatch(/record 1200 \(customerNumber \d+\): name\.lastName: must NOT have more than 30 characters/);
  });

  it('refuses a repeated customer number with the fixture reader’s message', async () => {
    const path = await fileWith(await fixtureText([...records.slice(0, 1000), records[3]!]));
    const error = await errorOf(loadFixtureFile(path, options));
    expect(error.message).toBe((await errorOf(readTheOtherWay(path))).message);
    expect(error.message).toContain('record 1000');
  });

  it('refuses a credential that another customer of the file holds, as the store does', async () => {
    const owner = customer(1);
    const thief = customer(2, { attachedUsers: [{ ...customer(2).attachedUsers![0]!, credentials: owner.attachedUsers![0]!.credentials }] });
    const path = await fileWith(await fixtureText([owner, ...records.slice(100, 1400), thief]));
    const error = await errorOf(loadFixtureFile(path, options));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toBe((await errorOf(readTheOtherWay(path))).message);
  });

  it('leaves a file that is not one record per line to the fixture reader', async () => {
    const complete = await fixtureText(records.slice(0, 400));
    const notThisLayout = [
      JSON.stringify(records.slice(0, 400), null, 2), // pretty-printed
      complete.slice(0, complete.lastIndexOf(']')), // no closing bracket
      complete.replace(`\n${JSON.stringify(records[200])},\n`, '\n{"broken",\n'), // a line that is not JSON
      `${complete}[\n]\n`, // something after the array
    ];
    expect(notThisLayout).not.toContain(complete);
    for (const text of notThisLayout) expect(await loadFixtureFile(await fileWith(text), options)).toBeUndefined();
  });

  it('loads an empty array', async () => {
    expect((await loadFixtureFile(await fileWith('[\n]\n'), options))?.size).toBe(0);
  });
});

it('names a fixture file it cannot read', async () => {
  const error = await errorOf(loadFixtureFile(join(dir, 'missing.json'), { threads: 2 }));
  expect(error).toBeInstanceOf(FixtureError);
  expect(error.message).toMatch(/missing\.json: cannot read the fixture file \(ENOENT\)/);
});

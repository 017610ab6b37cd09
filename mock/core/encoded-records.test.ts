import { describe, expect, it } from 'vitest';
import { generateCustomers } from '../../fixtures/generate.ts';
import { CustomerStore } from './customer-store.ts';
import { type EncodedRecords, RecordEncoder, transferables } from './encoded-records.ts';
import { customer, storeContents } from './test-records.ts';
import type { CustomerRecord } from '../../spec/index.ts';

function encode(records: readonly CustomerRecord[], texts: readonly (string | undefined)[] = []): EncodedRecords {
  const encoder = new RecordEncoder();
  records.forEach((record, i) => encoder.add(record, texts[i]));
  return encoder.finish();
}

const thrownBy = (action: () => unknown): unknown => {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};

describe('encoded records', () => {
  // The scenario customers (generated first) share phones, addresses and names: keys with several customers.
  const records = [...generateCustomers({ seed: 3, count: 600 })];

  it('fill a store exactly as put does: the same texts, index entries and lookups', () => {
    const loaded = new CustomerStore();
    expect(loaded.loadEncoded(encode(records, records.map((record) => JSON.stringify(record))))).toBe(records.length);
    expect(storeContents(loaded)).toEqual(storeContents(new CustomerStore(records)));
  });

  it('store the compact text even when the given text is spaced out, and keep text beyond Latin-1', () => {
    const wide = customer(7, { name: { firstName: 'Łucja 😀', middleName: null, lastName: 'Ærø', companyName: null, departmentName: null } });
    const spaced = customer(8);
    const store = new CustomerStore();
    store.loadEncoded(encode([wide, spaced], [JSON.stringify(wide), JSON.stringify(spaced, null, 2)]));
    expect(store.getJson(7)).toBe(JSON.stringify(wide));
    expect(store.getJson(8)).toBe(JSON.stringify(spaced));
    expect(store.get(7)).toEqual(wide);
  });

  it('take a record that claims another customer’s credential through every check, keeping the records before it', () => {
    const owner = customer(1);
    const thief = customer(3, { attachedUsers: [{ ...customer(3).attachedUsers![0]!, credentials: owner.attachedUsers![0]!.credentials }] });
    const expected = thrownBy(() => new CustomerStore([owner]).upsert([thief]));
    const store = new CustomerStore([owner]);
    expect(thrownBy(() => store.loadEncoded(encode([customer(2), thief, customer(4)])))).toEqual(expected);
    expect([...store.allJson()].map((json) => JSON.parse(json).customerNumber)).toEqual([1, 2]);
  });

  it('take a record whose user is another customer’s through every check', () => {
    const intruder = customer(2, { attachedUsers: [{ uniqueId: 'user-1', credentials: [] }] });
    const expected = thrownBy(() => new CustomerStore([customer(1)]).upsert([intruder]));
    expect(thrownBy(() => new CustomerStore([customer(1)]).loadEncoded(encode([intruder])))).toEqual(expected);
  });

  it('flag a record whose two users hold one credential, which the full checks refuse', () => {
    const [user] = customer(5).attachedUsers!;
    const twice = customer(5, { attachedUsers: [user!, { ...user!, uniqueId: 'user-5b' }] });
    const batch = encode([twice]);
    expect([...batch.checkFully]).toEqual([1]);
    const expected = thrownBy(() => new CustomerStore().upsert([twice]));
    expect(thrownBy(() => new CustomerStore().loadEncoded(batch))).toEqual(expected);
  });

  it('stop before a customer number the store holds, whether from before or from the same batch', () => {
    const store = new CustomerStore([customer(9)]);
    expect(store.loadEncoded(encode([customer(1), customer(2), customer(1)]))).toBe(2);
    expect(store.loadEncoded(encode([customer(9, { emails: ['changed@example.no'] })]))).toBe(0);
    expect(store.get(9)).toEqual(customer(9));
    expect(store.list(0, 10).map((record) => record.customerNumber)).toEqual([1, 2, 9]);
  });

  it('are refused by a store that has listeners, which would not hear of them', () => {
    const store = new CustomerStore();
    store.onChange(() => {});
    expect(() => store.loadEncoded(encode([customer(1)]))).toThrow(/listeners/);
    expect(store.size).toBe(0);
  });

  it('move as buffers of exactly their size', () => {
    const batch = encode(records.slice(0, 50));
    const buffers = transferables(batch);
    expect(new Set(buffers).size).toBe(7);
    const arrays = [batch.customerNumbers, batch.ends, batch.latin1, batch.text, batch.keyCounts, batch.keys, batch.checkFully];
    expect(arrays.every((array) => array.byteOffset === 0 && array.byteLength === array.buffer.byteLength)).toBe(true);
  });
});

/**
 * Parsed records the store reads for its own questions (which customer a user or credential
 * belongs to, which candidates a search matches, what an update replaces), kept for the next
 * question about the same customer. A record lives in the store as text (docs/decisions/003), and
 * parsing it was the largest part of a search and a third of an update (docs/decisions/021). Each
 * entry is frozen, all the way down, and shared: it is read, never changed or handed to a caller,
 * who gets a fresh copy from `CustomerStore.get`. A write forgets the customer's entry; the entry
 * kept first goes when the cache is full, so a million customers read once cost no more than a few.
 *
 * A forgotten entry keeps its place in the map, emptied, and is filled again in place: V8's `Map`
 * pays a pass over its whole table for an insertion that follows a deletion (1.5 µs at 1,000
 * entries, measured), which an update, forgetting and keeping its customer, paid on every call.
 */
import type { CustomerRecord } from '../../spec/index.ts';

/** Entries kept: far more customers than a test or a load run reads over and over. */
export const SHARED_RECORDS = 1024;

export class SharedRecords {
  /** `undefined`: forgotten, its place kept (see above). */
  readonly #records = new Map<number, Readonly<CustomerRecord> | undefined>();

  constructor(readonly capacity = SHARED_RECORDS) {}

  /** The shared record of `customerNumber`, parsed from `text()` when not kept. */
  get(customerNumber: number, text: (customerNumber: number) => string | undefined): Readonly<CustomerRecord> | undefined {
    const kept = this.#records.get(customerNumber);
    if (kept !== undefined) return kept;
    const json = text(customerNumber);
    if (json === undefined) return undefined;
    const record = deepFreeze(JSON.parse(json) as CustomerRecord);
    this.#set(customerNumber, record);
    return record;
  }

  #set(customerNumber: number, record: Readonly<CustomerRecord>): void {
    const records = this.#records;
    if (!records.has(customerNumber) && records.size >= this.capacity) records.delete(records.keys().next().value!);
    records.set(customerNumber, record);
  }

  /** Keeps `record`, frozen from now on, as the customer's shared record: the caller lets go of it. */
  keep(record: CustomerRecord): void {
    this.#set(record.customerNumber, deepFreeze(record));
  }

  forget(customerNumber: number): void {
    if (this.#records.get(customerNumber) !== undefined) this.#records.set(customerNumber, undefined);
  }

  /** Records kept (forgotten places not counted). */
  get size(): number {
    let size = 0;
    for (const record of this.#records.values()) if (record !== undefined) size++;
    return size;
  }
}

/** Freezes `value` and everything below it; a frozen part (one shared with another record) is left as it is. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

/**
 * The request journal: the last N requests a context served, oldest first, in a ring, so that a
 * long load test keeps memory flat (each entry is bounded too: journal-entry.ts). Ids increase for
 * the journal's life, across `clear()`, so `since` keeps working after a test empties it.
 *
 * @example
 * const journal = new RequestJournal(1000);
 * journal.add(entryFields);
 * journal.query({ operationId: 'getClientCustomerInfo' }, 100); // { total, requests }
 */
import type { JournalEntry } from './journal-entry.ts';
import { type JournalFilter, matches } from './journal-filter.ts';

export class RequestJournal {
  readonly #ring: (JournalEntry | undefined)[];
  /** Where the next entry goes, and how many entries the ring holds. */
  #next = 0;
  #size = 0;
  #lastId = 0;

  constructor(readonly capacity: number) {
    this.#ring = new Array<JournalEntry | undefined>(capacity);
  }

  /** Stores an entry under the next id; the oldest one drops out when the ring is full. */
  add(entry: Omit<JournalEntry, 'id'>): JournalEntry {
    const stored = { id: ++this.#lastId, ...entry } as JournalEntry;
    this.#ring[this.#next] = stored;
    this.#next = (this.#next + 1) % this.capacity;
    if (this.#size < this.capacity) this.#size++;
    return stored;
  }

  get size(): number {
    return this.#size;
  }

  clear(): void {
    this.#ring.fill(undefined);
    this.#next = 0;
    this.#size = 0;
  }

  /** Every entry, oldest first. */
  *entries(): IterableIterator<JournalEntry> {
    const start = (this.#next - this.#size + this.capacity) % this.capacity;
    for (let i = 0; i < this.#size; i++) yield this.#ring[(start + i) % this.capacity]!;
  }

  /** The newest `limit` matches, oldest first, and how many matched in all. */
  query(filter: JournalFilter, limit: number): { total: number; requests: JournalEntry[] } {
    const found: JournalEntry[] = [];
    for (const entry of this.entries()) if (matches(entry, filter)) found.push(entry);
    return { total: found.length, requests: found.slice(Math.max(0, found.length - limit)) };
  }

  count(filter: JournalFilter): number {
    let count = 0;
    for (const entry of this.entries()) if (matches(entry, filter)) count++;
    return count;
  }
}

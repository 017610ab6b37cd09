/**
 * The request journal: the last N requests a context served, oldest first, in a ring, so that a
 * long load test keeps memory flat (each entry is bounded too: journal-entry.ts). Entries are kept
 * as recorded and rendered when asked for: a test asks seldom, the mock records every request. Ids increase for
 * the journal's life, across `clear()`, so `since` keeps working after a test empties it.
 *
 * @example
 * const journal = new RequestJournal(1000);
 * journal.record(req, res, startedAt, ms);
 * journal.query({ operationId: 'getClientCustomerInfo' }, 100); // { total, requests }
 */
import type { MockRequest, MockResponse } from '../pipeline/exchange.ts';
import { type JournalEntry, RecordedExchange, renderEntry } from './journal-entry.ts';
import { type JournalFilter, matches } from './journal-filter.ts';

export interface JournalPage {
  total: number;
  requests: JournalEntry[];
}

/**
 * The seam of the journal (docs/decisions/037): a ring in this process, or a list in Redis that
 * every process writes to and reads. Recording happens after the answer and never waits.
 */
export interface Journal {
  record(req: MockRequest, res: MockResponse, startedAt: number, durationMs: number): void;
  query(filter: JournalFilter, limit: number): JournalPage | Promise<JournalPage>;
  count(filter: JournalFilter): number | Promise<number>;
  clear(): void | Promise<void>;
  /** Entries held now (for `/metrics`). */
  held(): number | Promise<number>;
}

export class RequestJournal implements Journal {
  readonly #ring: (Slot | undefined)[];
  /** Where the next entry goes, and how many entries the ring holds. */
  #next = 0;
  #size = 0;
  #lastId = 0;

  constructor(readonly capacity: number) {
    this.#ring = new Array<Slot | undefined>(capacity);
  }

  /**
   * Records an exchange under the next id; the oldest one drops out when the ring is full. Its
   * slot is reused, not replaced (journal-entry.ts `RecordedExchange`).
   */
  record(req: MockRequest, res: MockResponse, startedAt: number, durationMs: number): void {
    const slot = (this.#ring[this.#next] ??= { id: 0, exchange: new RecordedExchange() });
    slot.id = ++this.#lastId;
    slot.exchange.record(req, res, startedAt, durationMs);
    this.#next = (this.#next + 1) % this.capacity;
    if (this.#size < this.capacity) this.#size++;
  }

  held(): number {
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
    for (let i = 0; i < this.#size; i++) {
      const { id, exchange } = this.#ring[(start + i) % this.capacity]!;
      yield renderEntry(id, exchange);
    }
  }

  /** The newest `limit` matches, oldest first, and how many matched in all. */
  query(filter: JournalFilter, limit: number): JournalPage {
    return queryEntries(this.entries(), filter, limit);
  }

  count(filter: JournalFilter): number {
    return countEntries(this.entries(), filter);
  }
}

interface Slot {
  id: number;
  exchange: RecordedExchange;
}

/** The newest `limit` matches of `entries` (oldest first), and how many matched in all. */
export function queryEntries(entries: Iterable<JournalEntry>, filter: JournalFilter, limit: number): JournalPage {
  const found: JournalEntry[] = [];
  for (const entry of entries) if (matches(entry, filter)) found.push(entry);
  return { total: found.length, requests: found.slice(Math.max(0, found.length - limit)) };
}

export function countEntries(entries: Iterable<JournalEntry>, filter: JournalFilter): number {
  let count = 0;
  for (const entry of entries) if (matches(entry, filter)) count++;
  return count;
}

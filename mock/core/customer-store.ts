/**
 * The mock's one data store: every customer, with the indexes that search, login and the credential
 * check read. All data changes go through three methods, `upsert` (which the replace-all update of
 * update.ts uses too), `delete` and `replaceAll` (a new store is also filled by `loadEncoded`), and
 * each announces itself to `onChange` listeners after it succeeded, so a durable journal can hook in without touching the core.
 *
 * @example
 * const store = new CustomerStore(records);
 * store.get(563457)?.name;            // a fresh copy, safe to change
 * store.findUserByCredential('OLA.NORDMANN@hotmail.no'); // { customerNumber: 563457, uniqueId: 'abc123ee63461dd' }
 */
import type { EncodedRecords } from './encoded-records.ts';
import type { StoreIndexes } from './store-indexes.ts';
import { StoreState, type UserRef } from './store-state.ts';
import { displayName } from './customer-view.ts';
import type { RecordView } from './record-views.ts';
import type { CustomerRecord } from '../../spec/index.ts';

export type { UserRef } from './store-state.ts';

export type StoreChange =
  | { kind: 'upsert'; records: readonly CustomerRecord[] }
  | { kind: 'replaceAll'; count: number }
  | { kind: 'delete'; customerNumbers: readonly number[] };

export type StoreListener = (change: StoreChange) => void;

/** A user to offer on the login page. */
export interface SampleUser extends UserRef {
  displayName: string;
  credentials: string[];
}

export class CustomerStore {
  #state = new StoreState();
  /** Customer numbers in ascending order; rebuilt on the first read after a number was added or removed. */
  #order: Float64Array | undefined;
  readonly #listeners = new Set<StoreListener>();

  constructor(records?: Iterable<CustomerRecord>) {
    if (records) this.#state = buildState(records);
  }

  get size(): number {
    return this.#state.records.size;
  }

  get(customerNumber: number): CustomerRecord | undefined {
    return this.#state.get(customerNumber);
  }

  /** The stored JSON text of a record, for export without a parse and a stringify. */
  /**
   * The stored record, shared and frozen (shared-records.ts): for reading at once, as the search
   * and an update do; `get` gives a copy to keep or change.
   */
  peek(customerNumber: number): Readonly<CustomerRecord> | undefined {
    return this.#state.peek(customerNumber);
  }

  /** A view of the record as the API shows it, as JSON text (record-views.ts); undefined when no such customer. */
  viewText(customerNumber: number, view: RecordView): string | undefined {
    return this.#state.viewText(customerNumber, view);
  }

  getJson(customerNumber: number): string | undefined {
    return this.#state.records.get(customerNumber);
  }

  /** A page of records in customer-number order. */
  list(offset: number, limit: number): CustomerRecord[] {
    const numbers = this.#sortedNumbers().subarray(Math.max(0, offset), Math.max(0, offset) + Math.max(0, limit));
    return Array.from(numbers, (customerNumber) => this.#state.get(customerNumber)!);
  }

  /** Every record in customer-number order, lazily (a million records are not built at once). */
  *all(): IterableIterator<CustomerRecord> {
    for (const json of this.allJson()) yield JSON.parse(json) as CustomerRecord;
  }

  /** Every record's JSON text in customer-number order, for `GET /__admin/export`. */
  *allJson(): IterableIterator<string> {
    const state = this.#state;
    for (const customerNumber of this.#sortedNumbers()) {
      const json = state.records.get(customerNumber);
      if (json !== undefined) yield json;
    }
  }

  /**
   * Inserts or replaces records by `customerNumber`, all or nothing: when one record is refused
   * (a credential or user of another customer, docs/decisions/005) the store is left as it was and
   * the `ApiError` is thrown. Within one call a later record with the same number wins.
   * `texts`, when given, holds the JSON text each record was parsed from (a fixture file's lines),
   * kept instead of a fresh stringify when it is exactly that (record-text.ts `isStringifyOf`).
   */
  upsert(records: readonly CustomerRecord[], texts?: readonly (string | undefined)[]): void {
    const state = this.#state;
    // What a refused record's batch undoes. A record that `put` refuses changed nothing, so one
    // record alone (every update) needs no copy of what it replaces.
    const previous: Array<[number, string | undefined]> = [];
    const undoable = records.length > 1;
    let added = false;
    try {
      for (let i = 0; i < records.length; i++) {
        const record = records[i]!;
        added ||= !state.records.has(record.customerNumber);
        if (undoable) previous.push([record.customerNumber, state.records.get(record.customerNumber)]);
        state.put(record, texts?.[i]);
      }
    } catch (error) {
      for (const [customerNumber, json] of previous.reverse()) state.restore(customerNumber, json);
      throw error;
    }
    if (added) this.#order = undefined;
    this.#emit({ kind: 'upsert', records });
  }

  /**
   * `upsert` of one record that the caller built for the store and gives up, as an update does:
   * the store keeps it, frozen, as the customer's shared record (shared-records.ts), so the next
   * read of the customer parses nothing. The caller must not change it afterwards.
   */
  adopt(record: CustomerRecord): void {
    this.upsert([record]);
    this.#state.share(record);
  }

  /**
   * Adds the records of an encoded batch (encoded-records.ts), for filling a store before it
   * serves: stops before the first record whose customer number is stored already and returns how
   * many went in; a refused record throws with the records before it kept. No listener is told,
   * so a store with listeners refuses it.
   */
  loadEncoded(batch: EncodedRecords): number {
    if (this.#listeners.size > 0) throw new Error('loadEncoded fills a new store: this one has listeners');
    this.#order = undefined;
    return this.#state.putEncoded(batch);
  }

  /** Makes room for `records` more records like those of `sample` (StoreState `reserveLike`). */
  reserveLike(sample: EncodedRecords, records: number): void {
    this.#state.reserveLike(sample, records);
  }

  /**
   * Removes one customer (`DELETE /__admin/customers/{customerNumber}`), its users and credentials
   * with it: they may be attached to another customer afterwards. False when no such customer.
   */
  delete(customerNumber: number): boolean {
    if (!this.#state.records.has(customerNumber)) return false;
    this.#state.restore(customerNumber, undefined);
    this.#order = undefined;
    this.#emit({ kind: 'delete', customerNumbers: [customerNumber] });
    return true;
  }

  /** Replaces the whole store, all or nothing (the old data stays until the new is complete). */
  replaceAll(records: Iterable<CustomerRecord>): number {
    this.#state = buildState(records);
    this.#order = undefined;
    this.#emit({ kind: 'replaceAll', count: this.size });
    return this.size;
  }

  /** The customer that has the user attached (user mode, docs/reference.md §3). */
  findCustomerByUser(uniqueId: string): CustomerRecord | undefined {
    const customerNumber = this.#state.customerOfUser(uniqueId);
    return customerNumber === undefined ? undefined : this.#state.get(customerNumber);
  }

  /** The number of the customer that has the user attached (for `viewText`). */
  customerNumberOfUser(uniqueId: string): number | undefined {
    return this.#state.customerOfUser(uniqueId);
  }

  /** The user who logs in with a credential: emails case-insensitively, phones as E.164. */
  findUserByCredential(credential: string): UserRef | undefined {
    return this.#state.userOfCredential(credential);
  }

  /** A `login_hint` (docs/reference.md §4): a user's `uniqueId`, else one of its credentials. */
  resolveLoginHint(hint: string): UserRef | undefined {
    const customerNumber = this.#state.customerOfUser(hint);
    if (customerNumber !== undefined) return { customerNumber, uniqueId: hint };
    return this.#state.userOfCredential(hint);
  }

  /** The first `limit` users in customer-number order whose customer has a name to show. */
  sampleUsers(limit: number): SampleUser[] {
    const users: SampleUser[] = [];
    for (const record of this.all()) {
      if (users.length >= limit) break;
      const name = displayName(record);
      if (name === undefined) continue;
      for (const user of record.attachedUsers ?? []) {
        if (users.length >= limit) break;
        const credentials = (user.credentials ?? []).map((held) => held.credential);
        users.push({ customerNumber: record.customerNumber, uniqueId: user.uniqueId, displayName: name, credentials });
      }
    }
    return users;
  }

  /** Calls `listener` after every successful change; returns the function that unsubscribes. */
  onChange(listener: StoreListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** The indexes, read-only by convention: for search (mock/core/search.ts) only. */
  get indexes(): StoreIndexes {
    return this.#state.indexes;
  }

  #sortedNumbers(): Float64Array {
    this.#order ??= Float64Array.from(this.#state.records.keys()).sort();
    return this.#order;
  }

  #emit(change: StoreChange): void {
    for (const listener of this.#listeners) listener(change);
  }
}

function buildState(records: Iterable<CustomerRecord>): StoreState {
  const state = new StoreState();
  for (const record of records) state.put(record);
  return state;
}

/**
 * The records and indexes of one generation of the store. Records are kept as their JSON text in a
 * `RecordArena` (off-heap UTF-8), not as trees of objects: that keeps a million customers well under
 * 3 KiB each and out of the garbage collector's way, and hands every reader its own fresh copy
 * (docs/decisions/003).
 */
import type { EncodedRecords } from './encoded-records.ts';
import { errors } from './errors.ts';
import { credentialKey, userKey } from './key-hash.ts';
import { normalizeCredential } from './normalize.ts';
import { INDEX_NAMES, sameClaims, StoreIndexes } from './store-indexes.ts';
import { RecordArena } from './record-arena.ts';
import { SharedRecords } from './shared-records.ts';
import { isStringifyOf } from './record-text.ts';
import { INFO_VIEW, NOT_A_PREFIX, type RecordView, SEARCH_VIEW, viewEnds, viewText } from './record-views.ts';
import { type SplicedText, spliceText } from './record-splice.ts';
import type { CustomerRecord } from '../../spec/index.ts';

export interface UserRef {
  customerNumber: number;
  uniqueId: string;
}

export class StoreState {
  readonly records = new RecordArena();
  readonly indexes = new StoreIndexes();
  readonly #shared = new SharedRecords();
  readonly #text = (customerNumber: number) => this.records.get(customerNumber);

  get(customerNumber: number): CustomerRecord | undefined {
    const json = this.records.get(customerNumber);
    return json === undefined ? undefined : (JSON.parse(json) as CustomerRecord);
  }

  /** The stored record, parsed once and frozen (shared-records.ts): to read, never to change or hand out. */
  peek(customerNumber: number): Readonly<CustomerRecord> | undefined {
    return this.#shared.get(customerNumber, this.#text);
  }

  /** Makes `record`, just written and given up by the caller, the customer's shared record. */
  share(record: CustomerRecord): void {
    this.#shared.keep(record);
  }

  /** The JSON text of a record's view (record-views.ts), cut from its stored text; undefined when no such customer. */
  viewText(customerNumber: number, view: RecordView): string | undefined {
    const text = this.records.get(customerNumber);
    if (text === undefined) return undefined;
    // A view never ends at 0 (a record's text starts with its `{`), which the arena's "not noted" is.
    let end = this.records.note(customerNumber, view);
    if (end === 0) end = this.#noteViewEnds(customerNumber, JSON.parse(text) as CustomerRecord, text)[view];
    return viewText(text, end, view);
  }

  #noteViewEnds(customerNumber: number, record: CustomerRecord, text: string): [number, number] {
    const ends = viewEnds(record, text);
    this.records.setNotes(customerNumber, ends[0], ends[1]);
    return ends;
  }

  /**
   * Inserts or replaces a record after checking that its users and credentials belong to no other
   * customer (docs/decisions/005); throws a 400 `ApiError` and changes nothing otherwise.
   * `json`, the text `record` was parsed from, is stored as it is when it is exactly what
   * `JSON.stringify(record)` would give, which saves loading a fixture file a stringify a record.
   */
  put(record: CustomerRecord, json?: string): void {
    if (!isCustomerNumber(record.customerNumber)) {
      throw errors.validation(`customerNumber: must be a whole number of at least 1, not ${record.customerNumber}.`);
    }
    const old = this.peek(record.customerNumber);
    // A record that keeps its users and credentials (every update does) claims nothing new.
    if (!old || !sameClaims(old, record)) this.#assertClaimsFree(record);
    if (json !== undefined && isStringifyOf(json, record)) return this.#write(record.customerNumber, json, record, old);
    const oldText = old && this.records.get(record.customerNumber);
    const spliced = oldText === undefined ? undefined : spliceText(oldText, old!, record);
    if (spliced === undefined) return this.#write(record.customerNumber, JSON.stringify(record), record, old);
    // The views' ends, when they lie in the kept text, moved with it (record-splice.ts).
    const info = this.#movedNote(record.customerNumber, INFO_VIEW, spliced);
    const search = this.#movedNote(record.customerNumber, SEARCH_VIEW, spliced);
    this.#write(record.customerNumber, spliced.text, record, old, info !== 0 && search !== 0 ? [info, search] : undefined);
  }

  /** A view's noted end after a splice; 0 (not noted) when it must be found again. */
  #movedNote(customerNumber: number, view: RecordView, spliced: SplicedText): number {
    const end = this.records.note(customerNumber, view);
    // The members are the same, in the same order: a record that cannot be cut still cannot.
    if (end === NOT_A_PREFIX) return end;
    return end >= spliced.keptFrom ? end + spliced.shift : 0;
  }

  /**
   * Inserts the records of `batch` (encoded-records.ts) in order, and stops before the first whose
   * customer number the store holds already: returns how many went in. A record none of whose
   * users and credentials is in the indexes yet has nothing to conflict with: its text is adopted
   * as it is and its keys copied into the indexes. Any other record (a key already there, a hash
   * collision included, a flag from the encoder) is parsed and goes through `put`, with every
   * check, and throws what `put` throws, with the records before it kept.
   */
  putEncoded(batch: EncodedRecords): number {
    const { customerNumbers, ends, latin1, keyCounts, keys, checkFully } = batch;
    const indexes = INDEX_NAMES.map((name) => this.indexes[name]);
    let chunk: number | undefined;
    let keyAt = 0;
    for (let i = 0; i < batch.count; i++) {
      const customerNumber = customerNumbers[i]!;
      const start = i === 0 ? 0 : ends[i - 1]!;
      const counts = i * INDEX_NAMES.length;
      if (checkFully[i] === 0 && isCustomerNumber(customerNumber) && this.#unclaimed(keys, keyAt, keyCounts, counts)) {
        chunk ??= this.records.adoptChunk(batch.text);
        if (!this.records.addEncoded(customerNumber, chunk, start, ends[i]! - start, latin1[i] === 1)) return i;
        for (let n = 0; n < indexes.length; n++) {
          const index = indexes[n]!;
          for (let end = keyAt + keyCounts[counts + n]!; keyAt < end; keyAt++) index.add(keys[keyAt]!, customerNumber);
        }
      } else {
        if (this.records.has(customerNumber)) return i;
        const json = Buffer.from(batch.text.buffer, batch.text.byteOffset + start, ends[i]! - start).toString(latin1[i] === 1 ? 'latin1' : 'utf8');
        this.put(JSON.parse(json) as CustomerRecord, json);
        for (let n = 0; n < INDEX_NAMES.length; n++) keyAt += keyCounts[counts + n]!;
      }
    }
    return batch.count;
  }

  /**
   * Makes room in the indexes for `records` more records with as many keys each, on average, as
   * those of `sample`, so that a large load never rehashes a table of millions.
   */
  reserveLike(sample: EncodedRecords, records: number): void {
    if (sample.count === 0) return;
    INDEX_NAMES.forEach((name, n) => {
      let keys = 0;
      for (let i = n; i < sample.keyCounts.length; i += INDEX_NAMES.length) keys += sample.keyCounts[i]!;
      this.indexes[name].reserve(this.indexes[name].size + Math.ceil((keys / sample.count) * records));
    });
  }

  /** Whether no user and no credential of an encoded record is in the indexes yet. */
  #unclaimed(keys: Int32Array, keyAt: number, keyCounts: Uint16Array, counts: number): boolean {
    let at = keyAt;
    for (let n = 0; n < INDEX_NAMES.length; n++) {
      const name = INDEX_NAMES[n]!;
      const end = at + keyCounts[counts + n]!;
      if (name === 'credential' || name === 'user') {
        for (; at < end; at++) if (this.indexes[name].has(keys[at]!)) return false;
      }
      at = end;
    }
    return true;
  }

  /** Sets a record's JSON (or deletes it) without checks: for rolling back a batch. */
  restore(customerNumber: number, json: string | undefined): void {
    this.#write(customerNumber, json, json === undefined ? undefined : (JSON.parse(json) as CustomerRecord));
  }

  /**
   * The one place records and indexes change, so they change together. `old` is the stored
   * record, when the caller has read it; `ends`, the new text's view ends, when the caller knows them.
   */
  #write(
    customerNumber: number,
    json: string | undefined,
    record: CustomerRecord | undefined,
    old = this.peek(customerNumber),
    ends?: [number, number],
  ): void {
    this.#shared.forget(customerNumber);
    if (json === undefined || record === undefined) {
      if (old) this.indexes.remove(old);
      this.records.delete(customerNumber);
      return;
    }
    this.records.set(customerNumber, json);
    if (ends) this.records.setNotes(customerNumber, ends[0], ends[1]);
    else this.#noteViewEnds(customerNumber, record, json);
    if (old) this.indexes.replace(old, record);
    else this.indexes.add(record);
  }

  /** The customer that has the user attached. The index gives candidates; the record decides. */
  customerOfUser(uniqueId: string): number | undefined {
    for (const customerNumber of this.indexes.user.get(userKey(uniqueId))) {
      const record = this.peek(customerNumber);
      if (record?.attachedUsers?.some((user) => user.uniqueId === uniqueId)) return customerNumber;
    }
    return undefined;
  }

  /** The user holding a credential, compared in normalised form (emails folded, phones E.164). */
  userOfCredential(credential: string): UserRef | undefined {
    const wanted = normalizeCredential(credential);
    for (const customerNumber of this.indexes.credential.get(credentialKey(credential))) {
      const user = this.peek(customerNumber)?.attachedUsers?.find((candidate) =>
        candidate.credentials?.some((held) => normalizeCredential(held.credential) === wanted),
      );
      if (user) return { customerNumber, uniqueId: user.uniqueId };
    }
    return undefined;
  }

  #assertClaimsFree(record: CustomerRecord): void {
    const own = record.customerNumber;
    const credentialOwners = new Map<string, string>();
    for (const user of record.attachedUsers ?? []) {
      const holder = this.customerOfUser(user.uniqueId);
      if (holder !== undefined && holder !== own) throw errors.duplicateUser(user.uniqueId, holder);
      for (const { credential } of user.credentials ?? []) {
        const normalized = normalizeCredential(credential);
        const sibling = credentialOwners.get(normalized);
        if (sibling !== undefined && sibling !== user.uniqueId) throw errors.duplicateCredential(credential, own);
        credentialOwners.set(normalized, user.uniqueId);
        const other = this.userOfCredential(credential);
        if (other && other.customerNumber !== own) throw errors.duplicateCredential(credential, other.customerNumber);
      }
    }
  }
}

/** Whether two records of one customer attach the same users with the same credentials, in order. */

/** The spec's minimum is 1; the indexes rely on it (int-hash-table.ts stores numbers ≥ 1). */
function isCustomerNumber(value: number): boolean {
  return Number.isSafeInteger(value) && value >= 1;
}

/**
 * Records prepared for the store by another thread: each record's text already encoded the way the
 * arena keeps it, and every index key already computed, in typed arrays that `postMessage` moves
 * without a copy. Loading a big fixture file spends most of its time parsing, validating and
 * hashing; this format lets that run on other cores while the store only copies keys into its
 * indexes (docs/decisions/020).
 *
 * @example
 * const encoder = new RecordEncoder();
 * for (const line of lines) encoder.add(JSON.parse(line), line);
 * store.loadEncoded(encoder.finish());
 */
import { encodeRecordText, maxEncodedBytes } from './record-arena.ts';
import { isStringifyOf } from './record-text.ts';
import { INDEX_NAMES, recordKeys } from './store-indexes.ts';
import type { CustomerRecord } from '../../spec/index.ts';

export interface EncodedRecords {
  count: number;
  customerNumbers: Float64Array;
  /** Record `i`'s text is `text[ends[i - 1] ?? 0 .. ends[i]]`. */
  ends: Uint32Array;
  /** 1 when record `i`'s text is Latin-1, 0 when UTF-8 (record-arena.ts `encodeRecordText`). */
  latin1: Uint8Array;
  text: Uint8Array;
  /** For record `i` and index `n` (INDEX_NAMES order), `keyCounts[i * INDEX_NAMES.length + n]` keys… */
  keyCounts: Uint16Array;
  /** …which follow each other here, record after record, index after index. */
  keys: Int32Array;
  /**
   * 1 when the store must take record `i` the full way (parse its text, check, compute its keys;
   * it has no keys here): when two of its credentials share a key hash, which the full checks
   * decide about, or when an index would get more keys from it than a count holds.
   */
  checkFully: Uint8Array;
}

/** The buffers of an `EncodedRecords`, for `postMessage`'s transfer list. */
export function transferables(records: EncodedRecords): ArrayBuffer[] {
  const { customerNumbers, ends, latin1, text, keyCounts, keys, checkFully } = records;
  return [customerNumbers, ends, latin1, text, keyCounts, keys, checkFully].map((array) => array.buffer as ArrayBuffer);
}

/** Collects records into one `EncodedRecords`; buffers grow by doubling. */
export class RecordEncoder {
  #count = 0;
  #customerNumbers = new Float64Array(256);
  #ends = new Uint32Array(256);
  #latin1 = new Uint8Array(256);
  #checkFully = new Uint8Array(256);
  #keyCounts = new Uint16Array(256 * INDEX_NAMES.length);
  #keys = new Int32Array(4096);
  #keyCount = 0;
  #text: Buffer;
  #textBytes = 0;

  /** `textBytes`: about how many bytes of text will come, so that the text buffer need not grow. */
  constructor(textBytes = 1 << 16) {
    this.#text = Buffer.allocUnsafeSlow(Math.max(textBytes, 1024));
  }

  get count(): number {
    return this.#count;
  }

  /**
   * Adds a record that passed the spec's validation. `json`, the text it was parsed from, is kept
   * when it is exactly `JSON.stringify(record)` (record-text.ts `isStringifyOf`).
   */
  add(record: CustomerRecord, json?: string): void {
    const text = json !== undefined && isStringifyOf(json, record) ? json : JSON.stringify(record);
    const i = this.#count++;
    if (i === this.#customerNumbers.length) this.#growRecords();
    this.#customerNumbers[i] = record.customerNumber;
    this.#writeText(i, text);
    this.#writeKeys(i, record);
  }

  /** The records added so far, in buffers of exactly their size. */
  finish(): EncodedRecords {
    const count = this.#count;
    return {
      count,
      customerNumbers: this.#customerNumbers.slice(0, count),
      ends: this.#ends.slice(0, count),
      latin1: this.#latin1.slice(0, count),
      text: new Uint8Array(this.#text.subarray(0, this.#textBytes)),
      keyCounts: this.#keyCounts.slice(0, count * INDEX_NAMES.length),
      keys: this.#keys.slice(0, this.#keyCount),
      checkFully: this.#checkFully.slice(0, count),
    };
  }

  #writeText(i: number, text: string): void {
    const needed = this.#textBytes + maxEncodedBytes(text);
    if (needed > this.#text.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(needed, this.#text.length * 2));
      this.#text.copy(grown, 0, 0, this.#textBytes);
      this.#text = grown;
    }
    const { bytes, latin1 } = encodeRecordText(text, this.#text, this.#textBytes);
    this.#textBytes += bytes;
    this.#ends[i] = this.#textBytes;
    this.#latin1[i] = latin1 ? 1 : 0;
  }

  #writeKeys(i: number, record: CustomerRecord): void {
    const keys = recordKeys(record);
    const lists = INDEX_NAMES.map((name) => keys[name]);
    // Past what a count holds, or with a credential twice, the store takes the slow, full way.
    if (lists.some((list) => list.length > MAX_KEYS_PER_INDEX) || hasRepeat(keys.credential)) {
      this.#checkFully[i] = 1;
      this.#keyCounts.fill(0, i * INDEX_NAMES.length, (i + 1) * INDEX_NAMES.length);
      return;
    }
    this.#checkFully[i] = 0;
    for (let n = 0; n < lists.length; n++) {
      const list = lists[n]!;
      this.#keyCounts[i * INDEX_NAMES.length + n] = list.length;
      if (this.#keyCount + list.length > this.#keys.length) this.#keys = grow(this.#keys, this.#keyCount + list.length);
      this.#keys.set(list, this.#keyCount);
      this.#keyCount += list.length;
    }
  }

  #growRecords(): void {
    this.#customerNumbers = grow(this.#customerNumbers, 0);
    this.#ends = grow(this.#ends, 0);
    this.#latin1 = grow(this.#latin1, 0);
    this.#checkFully = grow(this.#checkFully, 0);
    this.#keyCounts = grow(this.#keyCounts, 0);
  }
}

const MAX_KEYS_PER_INDEX = 0xffff;

function hasRepeat(keys: readonly number[]): boolean {
  for (let i = 1; i < keys.length; i++) if (keys.indexOf(keys[i]!) < i) return true;
  return false;
}

function grow<T extends Float64Array | Uint32Array | Uint16Array | Uint8Array | Int32Array>(array: T, atLeast: number): T {
  const next = new (array.constructor as new (length: number) => T)(Math.max(array.length * 2, atLeast));
  next.set(array);
  return next;
}

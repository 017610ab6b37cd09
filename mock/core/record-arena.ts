/**
 * Where the store keeps its records: each record's JSON text, encoded (Latin-1 or UTF-8), in large off-heap
 * buffers. A million records held as JS strings cost the garbage collector a copy and a trace of
 * almost a gigabyte on every major collection, which made loading slow; kept in a few buffers they
 * cost it nothing (docs/decisions/003). The API is the subset of `Map<number, string>` the store needs.
 */
const CHUNK_BYTES = 32 * 2 ** 20;
/** Emptied chunks kept for reuse (`#spares`): what a store that is written over and over cycles through. */
const MAX_SPARES = 2;
/** UTF-8 needs at most 3 bytes per UTF-16 code unit (a surrogate pair: 4 bytes for 2 units). */
const MAX_BYTES_PER_UNIT = 3;
/** `encodeInto` is several times faster than `Buffer#write` for short strings. */
const UTF8 = new TextEncoder();
/**
 * A character beyond Latin-1. Text without one (Norwegian text with æ, ø, å included) is kept as
 * Latin-1, one byte a character: a plain copy, where UTF-8 encoding of æøå took ~3 µs a record.
 */
// eslint-disable-next-line no-control-regex -- a range of code points from U+0000, on purpose
const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;

/** The most bytes `encodeRecordText` can write for `text`. */
export function maxEncodedBytes(text: string): number {
  return text.length * MAX_BYTES_PER_UNIT;
}

/**
 * Writes `text` into `target` at `offset` the way the arena keeps it (Latin-1 when every character
 * fits, else UTF-8) and says which, so a loader thread can encode records the arena then adopts
 * (`adoptChunk`) without a copy. `target` must have `maxEncodedBytes(text)` bytes free.
 */
export function encodeRecordText(text: string, target: Buffer, offset: number): { bytes: number; latin1: boolean } {
  if (!BEYOND_LATIN1.test(text)) return { bytes: target.write(text, offset, 'latin1'), latin1: true };
  const view = new Uint8Array(target.buffer, target.byteOffset + offset, target.length - offset);
  return { bytes: UTF8.encodeInto(text, view).written, latin1: false };
}

export class RecordArena {
  #chunks: Buffer[] = [];
  /**
   * Chunks a compaction emptied, written into again before a new one is allocated: their pages are
   * resident already, where a fresh chunk's take a page fault each on first write (in a VM, several
   * µs a 4 KiB page: a third of an update's store work).
   */
  #spares: Buffer[] = [];
  /** The chunk `set` writes into, and where its free space starts; -1 before the first write. */
  #current = -1;
  #tail = 0;
  /** customerNumber → slot; a slot holds chunk, offset and byte length. */
  readonly #slots = new Map<number, number>();
  #chunkOf = new Uint32Array(1024);
  #offsetOf = new Uint32Array(1024);
  #lengthOf = new Uint32Array(1024);
  /** 1 when the slot's text is Latin-1, 0 when UTF-8. */
  #latin1Of = new Uint8Array(1024);
  /** Two numbers noted for each slot's text (`note`), at `2 * slot` and `2 * slot + 1`. */
  #notesOf = new Int32Array(2048);
  readonly #freeSlots: number[] = [];
  #nextSlot = 0;
  #liveBytes = 0;
  #deadBytes = 0;

  get size(): number {
    return this.#slots.size;
  }

  has(customerNumber: number): boolean {
    return this.#slots.has(customerNumber);
  }

  get(customerNumber: number): string | undefined {
    const slot = this.#slots.get(customerNumber);
    if (slot === undefined) return undefined;
    const offset = this.#offsetOf[slot]!;
    const encoding = this.#latin1Of[slot] === 1 ? 'latin1' : 'utf8';
    return this.#chunks[this.#chunkOf[slot]!]!.toString(encoding, offset, offset + this.#lengthOf[slot]!);
  }

  /**
   * One of two numbers noted about a record's text, valid until the text is written again: 0
   * until `setNotes`, and again after every write. The store notes where its views end
   * (record-views.ts), so that a read need not parse the text to find out.
   */
  note(customerNumber: number, which: 0 | 1): number {
    const slot = this.#slots.get(customerNumber);
    return slot === undefined ? 0 : this.#notesOf[2 * slot + which]!;
  }

  setNotes(customerNumber: number, first: number, second: number): void {
    const slot = this.#slots.get(customerNumber);
    if (slot === undefined) return;
    this.#notesOf[2 * slot] = first;
    this.#notesOf[2 * slot + 1] = second;
  }

  set(customerNumber: number, json: string): void {
    let slot = this.#slots.get(customerNumber);
    if (slot === undefined) {
      slot = this.#freeSlots.pop() ?? this.#newSlot();
      this.#slots.set(customerNumber, slot);
    } else this.#release(slot);
    this.#write(slot, json);
    if (this.#deadBytes > CHUNK_BYTES && this.#deadBytes > this.#liveBytes) this.#compact();
  }

  delete(customerNumber: number): boolean {
    const slot = this.#slots.get(customerNumber);
    if (slot === undefined) return false;
    this.#release(slot);
    this.#slots.delete(customerNumber);
    this.#freeSlots.push(slot);
    return true;
  }

  keys(): IterableIterator<number> {
    return this.#slots.keys();
  }

  /**
   * Takes `bytes`, filled by `encodeRecordText`, as a chunk of its own and returns its number for
   * `setEncoded`. The arena keeps `bytes` itself: the caller must not write to it again.
   */
  adoptChunk(bytes: Uint8Array): number {
    this.#chunks.push(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    return this.#chunks.length - 1;
  }

  /**
   * Adds a record whose text `encodeRecordText` wrote into an adopted chunk; false, and nothing
   * changed, when the arena holds that customer number already.
   */
  addEncoded(customerNumber: number, chunk: number, offset: number, bytes: number, latin1: boolean): boolean {
    if (this.#slots.has(customerNumber)) return false;
    const slot = this.#freeSlots.pop() ?? this.#newSlot();
    this.#slots.set(customerNumber, slot);
    this.#place(slot, chunk, offset, bytes, latin1);
    return true;
  }

  #write(slot: number, json: string): void {
    let chunk = this.#chunks[this.#current];
    if (!chunk || chunk.length - this.#tail < maxEncodedBytes(json)) {
      chunk = this.#takeSpare(maxEncodedBytes(json)) ?? Buffer.allocUnsafeSlow(Math.max(CHUNK_BYTES, maxEncodedBytes(json)));
      this.#chunks.push(chunk);
      this.#current = this.#chunks.length - 1;
      this.#tail = 0;
    }
    const { bytes, latin1 } = encodeRecordText(json, chunk, this.#tail);
    this.#place(slot, this.#current, this.#tail, bytes, latin1);
    this.#tail += bytes;
  }

  #place(slot: number, chunk: number, offset: number, bytes: number, latin1: boolean): void {
    this.#latin1Of[slot] = latin1 ? 1 : 0;
    this.#notesOf[2 * slot] = 0;
    this.#notesOf[2 * slot + 1] = 0;
    this.#chunkOf[slot] = chunk;
    this.#offsetOf[slot] = offset;
    this.#lengthOf[slot] = bytes;
    this.#liveBytes += bytes;
  }

  #release(slot: number): void {
    this.#liveBytes -= this.#lengthOf[slot]!;
    this.#deadBytes += this.#lengthOf[slot]!;
  }

  #takeSpare(bytes: number): Buffer | undefined {
    return bytes <= CHUNK_BYTES ? this.#spares.pop() : undefined;
  }

  #newSlot(): number {
    if (this.#nextSlot === this.#chunkOf.length) {
      const grow = <T extends Uint32Array | Uint8Array | Int32Array>(old: T): T => {
        const next = new (old.constructor as new (length: number) => T)(old.length * 2);
        next.set(old);
        return next;
      };
      this.#chunkOf = grow(this.#chunkOf);
      this.#offsetOf = grow(this.#offsetOf);
      this.#lengthOf = grow(this.#lengthOf);
      this.#latin1Of = grow(this.#latin1Of);
      this.#notesOf = grow(this.#notesOf);
    }
    return this.#nextSlot++;
  }

  /** Rewrites every live record into fresh chunks once more than half the bytes are dead. */
  #compact(): void {
    const live = Array.from(this.#slots, ([customerNumber]) => [customerNumber, this.get(customerNumber)!] as const);
    // Every live text is a string now: the old chunks can be written over.
    this.#spares = this.#chunks.filter((chunk) => chunk.length === CHUNK_BYTES).slice(-MAX_SPARES);
    this.#chunks = [];
    this.#current = -1;
    this.#tail = 0;
    this.#liveBytes = 0;
    this.#deadBytes = 0;
    for (const [customerNumber, json] of live) this.#write(this.#slots.get(customerNumber)!, json);
  }
}

/**
 * Where the store keeps its records: each record's JSON text, UTF-8 encoded, in large off-heap
 * buffers. A million records held as JS strings cost the garbage collector a copy and a trace of
 * almost a gigabyte on every major collection, which made loading slow; kept in a few buffers they
 * cost it nothing (docs/decisions/003). The API is the subset of `Map<number, string>` the store needs.
 */
const CHUNK_BYTES = 32 * 2 ** 20;
/** UTF-8 needs at most 3 bytes per UTF-16 code unit (a surrogate pair: 4 bytes for 2 units). */
const MAX_BYTES_PER_UNIT = 3;
/** `encodeInto` is several times faster than `Buffer#write` for short strings. */
const UTF8 = new TextEncoder();
/**
 * A character beyond Latin-1. Text without one (Norwegian text with æ, ø, å included) is kept as
 * Latin-1, one byte a character: a plain copy, where UTF-8 encoding of æøå took ~3 µs a record.
 */
const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;

export class RecordArena {
  readonly #chunks: Buffer[] = [];
  /** The same memory as plain `Uint8Array`s: `encodeInto` on their subarrays is twice as fast. */
  readonly #views: Uint8Array[] = [];
  #tail = 0;
  /** customerNumber → slot; a slot holds chunk, offset and byte length. */
  readonly #slots = new Map<number, number>();
  #chunkOf = new Uint32Array(1024);
  #offsetOf = new Uint32Array(1024);
  #lengthOf = new Uint32Array(1024);
  /** 1 when the slot's text is Latin-1, 0 when UTF-8. */
  #latin1Of = new Uint8Array(1024);
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

  #write(slot: number, json: string): void {
    let view = this.#views.at(-1);
    if (!view || view.length - this.#tail < json.length * MAX_BYTES_PER_UNIT) {
      const chunk = Buffer.allocUnsafeSlow(Math.max(CHUNK_BYTES, json.length * MAX_BYTES_PER_UNIT));
      view = new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.length);
      this.#chunks.push(chunk);
      this.#views.push(view);
      this.#tail = 0;
    }
    const latin1 = !BEYOND_LATIN1.test(json);
    const length = latin1
      ? this.#chunks.at(-1)!.write(json, this.#tail, 'latin1')
      : UTF8.encodeInto(json, view.subarray(this.#tail)).written;
    this.#latin1Of[slot] = latin1 ? 1 : 0;
    this.#chunkOf[slot] = this.#chunks.length - 1;
    this.#offsetOf[slot] = this.#tail;
    this.#lengthOf[slot] = length;
    this.#tail += length;
    this.#liveBytes += length;
  }

  #release(slot: number): void {
    this.#liveBytes -= this.#lengthOf[slot]!;
    this.#deadBytes += this.#lengthOf[slot]!;
  }

  #newSlot(): number {
    if (this.#nextSlot === this.#chunkOf.length) {
      const grow = <T extends Uint32Array | Uint8Array>(old: T): T => {
        const next = new (old.constructor as new (length: number) => T)(old.length * 2);
        next.set(old);
        return next;
      };
      this.#chunkOf = grow(this.#chunkOf);
      this.#offsetOf = grow(this.#offsetOf);
      this.#lengthOf = grow(this.#lengthOf);
      this.#latin1Of = grow(this.#latin1Of);
    }
    return this.#nextSlot++;
  }

  /** Rewrites every live record into fresh chunks once more than half the bytes are dead. */
  #compact(): void {
    const live = Array.from(this.#slots, ([customerNumber]) => [customerNumber, this.get(customerNumber)!] as const);
    this.#chunks.length = 0;
    this.#views.length = 0;
    this.#tail = 0;
    this.#liveBytes = 0;
    this.#deadBytes = 0;
    for (const [customerNumber, json] of live) this.#write(this.#slots.get(customerNumber)!, json);
  }
}

/**
 * A hash table from small non-negative integers (30-bit key hashes) to one or more customer
 * numbers, in two typed arrays: open addressing with linear probing and backward-shift deletion
 * (Knuth, TAOCP vol. 3, §6.4, algorithm R). A `Map` spends about 40 bytes and an allocation per
 * entry and was the largest cost of loading a million customers; this spends 24 bytes at most,
 * in memory the garbage collector never traces (docs/decisions/003).
 */
const EMPTY = 0;
const INITIAL_CAPACITY = 1024;

export class IntHashTable {
  /** `key + 1` per slot; 0 marks an empty slot. */
  #keys = new Int32Array(INITIAL_CAPACITY);
  /** A customer number (≥ 1), or `-(i + 1)` for the list `#shared[i]` of several. */
  #values = new Float64Array(INITIAL_CAPACITY);
  readonly #shared: (number[] | undefined)[] = [];
  readonly #freeShared: number[] = [];
  #size = 0;

  get size(): number {
    return this.#size;
  }

  get(key: number): readonly number[] {
    const slot = this.#find(key);
    if (slot < 0) return [];
    const value = this.#values[slot]!;
    return value > 0 ? [value] : this.#shared[-value - 1]!;
  }

  add(key: number, customerNumber: number): void {
    let slot = this.#find(key);
    if (slot < 0) {
      if ((this.#size + 1) * 2 > this.#keys.length) this.#grow();
      slot = this.#emptySlotFor(key);
      this.#keys[slot] = key + 1;
      this.#values[slot] = customerNumber;
      this.#size++;
      return;
    }
    const value = this.#values[slot]!;
    if (value === customerNumber) return;
    if (value > 0) {
      const index = this.#freeShared.pop() ?? this.#shared.length;
      this.#shared[index] = [value, customerNumber];
      this.#values[slot] = -(index + 1);
    } else {
      const list = this.#shared[-value - 1]!;
      if (!list.includes(customerNumber)) list.push(customerNumber);
    }
  }

  remove(key: number, customerNumber: number): void {
    const slot = this.#find(key);
    if (slot < 0) return;
    const value = this.#values[slot]!;
    if (value > 0) {
      if (value === customerNumber) this.#deleteSlot(slot);
      return;
    }
    const index = -value - 1;
    const rest = this.#shared[index]!.filter((n) => n !== customerNumber);
    if (rest.length > 1) this.#shared[index] = rest;
    else {
      this.#values[slot] = rest[0]!;
      this.#shared[index] = undefined;
      this.#freeShared.push(index);
    }
  }

  #home(key: number): number {
    return key & (this.#keys.length - 1);
  }

  #find(key: number): number {
    const mask = this.#keys.length - 1;
    for (let slot = this.#home(key); ; slot = (slot + 1) & mask) {
      const stored = this.#keys[slot]!;
      if (stored === EMPTY) return -1;
      if (stored === key + 1) return slot;
    }
  }

  #emptySlotFor(key: number): number {
    const mask = this.#keys.length - 1;
    let slot = this.#home(key);
    while (this.#keys[slot] !== EMPTY) slot = (slot + 1) & mask;
    return slot;
  }

  /** Backward-shift deletion: later entries of the probe run move up, so no tombstones are needed. */
  #deleteSlot(slot: number): void {
    const mask = this.#keys.length - 1;
    let hole = slot;
    for (let next = (hole + 1) & mask; this.#keys[next] !== EMPTY; next = (next + 1) & mask) {
      const home = this.#home(this.#keys[next]! - 1);
      // Move the entry into the hole unless its home lies cyclically in (hole, next].
      const stays = hole <= next ? hole < home && home <= next : hole < home || home <= next;
      if (stays) continue;
      this.#keys[hole] = this.#keys[next]!;
      this.#values[hole] = this.#values[next]!;
      hole = next;
    }
    this.#keys[hole] = EMPTY;
    this.#size--;
  }

  #grow(): void {
    const keys = this.#keys;
    const values = this.#values;
    this.#keys = new Int32Array(keys.length * 2);
    this.#values = new Float64Array(keys.length * 2);
    for (let slot = 0; slot < keys.length; slot++) {
      if (keys[slot] === EMPTY) continue;
      const target = this.#emptySlotFor(keys[slot]! - 1);
      this.#keys[target] = keys[slot]!;
      this.#values[target] = values[slot]!;
    }
  }
}

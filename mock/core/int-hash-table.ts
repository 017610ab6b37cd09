/**
 * A hash table from small non-negative integers (30-bit key hashes) to one or more customer
 * numbers, in one typed array: open addressing with linear probing and backward-shift deletion
 * (Knuth, TAOCP vol. 3, §6.4, algorithm R). A `Map` spends about 40 bytes and an allocation per
 * entry and was the largest cost of loading a million customers; this spends 16 bytes at most,
 * in memory the garbage collector never traces (docs/decisions/003).
 */
const EMPTY = 0;
const INITIAL_CAPACITY = 1024;
/** The largest customer number a slot holds itself; a larger one (the spec allows them) goes in a list. */
const MAX_INLINE = 2 ** 31 - 1;

export class IntHashTable {
  /**
   * Slot `i` is `#slots[2i]`, `key + 1` (0: empty), and `#slots[2i + 1]`: a customer number, or
   * `-(j + 1)` for the list `#shared[j]` (several numbers, or one too large for 31 bits). Key and
   * value side by side, 8 bytes a slot: a lookup in a table of millions costs one cache miss.
   */
  #slots = new Int32Array(2 * INITIAL_CAPACITY);
  #mask = INITIAL_CAPACITY - 1;
  readonly #shared: (number[] | undefined)[] = [];
  readonly #freeShared: number[] = [];
  #size = 0;

  get size(): number {
    return this.#size;
  }

  /** Makes room for `keys` keys in all, so that adding them never rehashes the table. */
  reserve(keys: number): void {
    let capacity = this.#mask + 1;
    while (keys * 2 > capacity) capacity *= 2;
    if (capacity > this.#mask + 1) this.#rehash(capacity);
  }

  has(key: number): boolean {
    return this.#find(key) >= 0;
  }

  get(key: number): readonly number[] {
    const slot = this.#find(key);
    if (slot < 0) return [];
    const value = this.#slots[2 * slot + 1]!;
    return value > 0 ? [value] : this.#shared[-value - 1]!;
  }

  add(key: number, customerNumber: number): void {
    if ((this.#size + 1) * 2 > this.#mask + 1) this.#rehash(2 * (this.#mask + 1));
    const slots = this.#slots;
    const stored = key + 1;
    let slot = key & this.#mask;
    // One probe run: either the key's slot or the empty slot where it belongs.
    while (slots[2 * slot] !== EMPTY && slots[2 * slot] !== stored) slot = (slot + 1) & this.#mask;
    if (slots[2 * slot] === EMPTY) {
      slots[2 * slot] = stored;
      slots[2 * slot + 1] = customerNumber <= MAX_INLINE ? customerNumber : this.#share([customerNumber]);
      this.#size++;
      return;
    }
    const value = slots[2 * slot + 1]!;
    if (value === customerNumber) return;
    if (value > 0) slots[2 * slot + 1] = this.#share([value, customerNumber]);
    else {
      const list = this.#shared[-value - 1]!;
      if (!list.includes(customerNumber)) list.push(customerNumber);
    }
  }

  remove(key: number, customerNumber: number): void {
    const slot = this.#find(key);
    if (slot < 0) return;
    const value = this.#slots[2 * slot + 1]!;
    if (value > 0) {
      if (value === customerNumber) this.#deleteSlot(slot);
      return;
    }
    const index = -value - 1;
    const rest = this.#shared[index]!.filter((n) => n !== customerNumber);
    if (rest.length > 1 || (rest.length === 1 && rest[0]! > MAX_INLINE)) {
      this.#shared[index] = rest;
      return;
    }
    this.#shared[index] = undefined;
    this.#freeShared.push(index);
    if (rest.length === 1) this.#slots[2 * slot + 1] = rest[0]!;
    else this.#deleteSlot(slot);
  }

  /** Keeps `list` aside and returns the value that refers to it. */
  #share(list: number[]): number {
    const index = this.#freeShared.pop() ?? this.#shared.length;
    this.#shared[index] = list;
    return -(index + 1);
  }

  #find(key: number): number {
    const slots = this.#slots;
    for (let slot = key & this.#mask; ; slot = (slot + 1) & this.#mask) {
      const stored = slots[2 * slot]!;
      if (stored === EMPTY) return -1;
      if (stored === key + 1) return slot;
    }
  }

  /** Backward-shift deletion: later entries of the probe run move up, so no tombstones are needed. */
  #deleteSlot(slot: number): void {
    const slots = this.#slots;
    const mask = this.#mask;
    let hole = slot;
    for (let next = (hole + 1) & mask; slots[2 * next] !== EMPTY; next = (next + 1) & mask) {
      const home = (slots[2 * next]! - 1) & mask;
      // Move the entry into the hole unless its home lies cyclically in (hole, next].
      const stays = hole <= next ? hole < home && home <= next : hole < home || home <= next;
      if (stays) continue;
      slots[2 * hole] = slots[2 * next]!;
      slots[2 * hole + 1] = slots[2 * next + 1]!;
      hole = next;
    }
    slots[2 * hole] = EMPTY;
    this.#size--;
  }

  #rehash(capacity: number): void {
    const old = this.#slots;
    const slots = new Int32Array(2 * capacity);
    const mask = capacity - 1;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i] === EMPTY) continue;
      let slot = (old[i]! - 1) & mask;
      while (slots[2 * slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[2 * slot] = old[i]!;
      slots[2 * slot + 1] = old[i + 1]!;
    }
    this.#slots = slots;
    this.#mask = mask;
  }
}

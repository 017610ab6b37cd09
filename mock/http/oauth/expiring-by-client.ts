/**
 * Bounded OAuth state (issue 16): 200,000 authorization codes that were never exchanged stayed in
 * memory for ten minutes, with no cap. This map keeps entries until they expire, at most `cap` per
 * client (the oldest dropped first), and sweeps from its oldest end: one map holds one kind of
 * entry with one lifetime, so insertion order is expiry order and a sweep stops at the first live
 * entry, paying only for what it removes.
 */

interface Entry<T> {
  value: T;
  clientId: string;
  expiresAt: number;
}

export class ExpiringByClient<T> {
  readonly #entries = new Map<string, Entry<T>>();
  /** Per client, its keys oldest first (a Set iterates in insertion order). */
  readonly #byClient = new Map<string, Set<string>>();

  constructor(readonly cap: number) {}

  get size(): number {
    return this.#entries.size;
  }

  set(key: string, clientId: string, value: T, expiresAt: number): void {
    this.#entries.set(key, { value, clientId, expiresAt });
    let keys = this.#byClient.get(clientId);
    if (!keys) this.#byClient.set(clientId, (keys = new Set()));
    keys.add(key);
    if (keys.size > this.cap) this.delete(keys.values().next().value!);
  }

  /** The live value of `key`; an expired one is removed and reads as absent. */
  get(key: string, now: number): T | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    if (now >= entry.expiresAt) {
      this.delete(key);
      return undefined;
    }
    return entry.value;
  }

  /** The value of `key` and whether it has expired (an expired one is removed), or undefined when absent. */
  lookup(key: string, now: number): { value: T; expired: boolean } | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    const expired = now >= entry.expiresAt;
    if (expired) this.delete(key);
    return { value: entry.value, expired };
  }

  /** Removes `key`; answers its value, live or not. */
  delete(key: string): T | undefined {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    const keys = this.#byClient.get(entry.clientId)!;
    keys.delete(key);
    if (keys.size === 0) this.#byClient.delete(entry.clientId);
    return entry.value;
  }

  /** Every entry as [key, clientId, value, expiresAt], oldest first: what `load` takes back. */
  dump(): Array<[string, string, T, number]> {
    return Array.from(this.#entries, ([key, entry]) => [key, entry.clientId, entry.value, entry.expiresAt]);
  }

  /** Replaces every entry with those of a `dump`. */
  load(rows: ReadonlyArray<[string, string, T, number]>): void {
    this.clear();
    for (const [key, clientId, value, expiresAt] of rows) this.set(key, clientId, value, expiresAt);
  }

  clear(): void {
    this.#entries.clear();
    this.#byClient.clear();
  }

  /** Drops expired entries from the oldest end. */
  sweep(now: number): void {
    for (const [key, entry] of this.#entries) {
      if (now < entry.expiresAt) return;
      this.delete(key);
    }
  }
}

/**
 * The records and indexes of one generation of the store. Records are kept as their JSON text in a
 * `RecordArena` (off-heap UTF-8), not as trees of objects: that keeps a million customers well under
 * 3 KiB each and out of the garbage collector's way, and hands every reader its own fresh copy
 * (docs/decisions/003).
 */
import { errors } from './errors.ts';
import { credentialKey, userKey } from './key-hash.ts';
import { normalizeCredential } from './normalize.ts';
import { StoreIndexes } from './store-indexes.ts';
import { RecordArena } from './record-arena.ts';
import type { CustomerRecord } from './types.ts';

export interface UserRef {
  customerNumber: number;
  uniqueId: string;
}

export class StoreState {
  readonly records = new RecordArena();
  readonly indexes = new StoreIndexes();

  get(customerNumber: number): CustomerRecord | undefined {
    const json = this.records.get(customerNumber);
    return json === undefined ? undefined : (JSON.parse(json) as CustomerRecord);
  }

  /**
   * Inserts or replaces a record after checking that its users and credentials belong to no other
   * customer (docs/decisions/005); throws a 400 `ApiError` and changes nothing otherwise.
   */
  put(record: CustomerRecord): void {
    // The spec's minimum is 1; the indexes rely on it (int-hash-table.ts stores numbers ≥ 1).
    if (!Number.isSafeInteger(record.customerNumber) || record.customerNumber < 1) {
      throw errors.validation(`customerNumber: must be a whole number of at least 1, not ${record.customerNumber}.`);
    }
    this.#assertClaimsFree(record);
    this.#write(record.customerNumber, JSON.stringify(record), record);
  }

  /** Sets a record's JSON (or deletes it) without checks: for rolling back a batch. */
  restore(customerNumber: number, json: string | undefined): void {
    this.#write(customerNumber, json, json === undefined ? undefined : (JSON.parse(json) as CustomerRecord));
  }

  /** The one place records and indexes change, so they change together. */
  #write(customerNumber: number, json: string | undefined, record: CustomerRecord | undefined): void {
    const old = this.get(customerNumber);
    if (old) this.indexes.remove(old);
    if (json === undefined || record === undefined) {
      this.records.delete(customerNumber);
      return;
    }
    this.records.set(customerNumber, json);
    this.indexes.add(record);
  }

  /** The customer that has the user attached. The index gives candidates; the record decides. */
  customerOfUser(uniqueId: string): number | undefined {
    for (const customerNumber of this.indexes.user.get(userKey(uniqueId))) {
      const record = this.get(customerNumber);
      if (record?.attachedUsers?.some((user) => user.uniqueId === uniqueId)) return customerNumber;
    }
    return undefined;
  }

  /** The user holding a credential, compared in normalised form (emails folded, phones E.164). */
  userOfCredential(credential: string): UserRef | undefined {
    const wanted = normalizeCredential(credential);
    for (const customerNumber of this.indexes.credential.get(credentialKey(credential))) {
      const user = this.get(customerNumber)?.attachedUsers?.find((candidate) =>
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

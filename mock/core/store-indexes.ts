/**
 * The secondary indexes of the customer store and the keys each record contributes to them. One
 * function, `recordKeys`, decides the keys, and both `add` and `remove` use it, so an index can
 * never keep a key that the record it came from no longer has (docs/decisions/003).
 */
import { HashIndex } from './hash-index.ts';
import { credentialKey, emailKey, nameAddressKey, phoneKey, userKey } from './key-hash.ts';
import { isBlank } from './normalize.ts';
import type { CustomerRecord } from '../../spec/index.ts';

export type IndexName = 'phone' | 'email' | 'nameAddress' | 'credential' | 'user';

type Keys = Record<IndexName, number[]>;

/** Every key of every index that `record` contributes. */
export function recordKeys(record: CustomerRecord): Keys {
  return { phone: phoneKeys(record), email: emailKeys(record), nameAddress: nameAddressKeys(record), credential: credentialKeys(record), user: userKeys(record) };
}

/**
 * `recordKeys(next)`, taking from `before` (the keys of `old`, the same customer's stored record)
 * each index's keys whose fields `next` left as they were: an update replaces name, phones and
 * emails, and most often keeps most of them.
 */
export function keysAfter(next: CustomerRecord, old: CustomerRecord, before: Keys): Keys {
  const sameUsers = sameUserIds(next, old);
  return {
    phone: sameBy(next.phoneNumbers, old.phoneNumbers, phoneOf) ? before.phone : phoneKeys(next),
    email: sameBy(next.emails, old.emails, itself) ? before.email : emailKeys(next),
    nameAddress: sameNameAndAddressKeys(next, old) ? before.nameAddress : nameAddressKeys(next),
    credential: sameUsers && sameCredentials(next, old) ? before.credential : credentialKeys(next),
    user: sameUsers ? before.user : userKeys(next),
  };
}

function phoneKeys(record: CustomerRecord): number[] {
  return (record.phoneNumbers ?? []).map((phone) => phoneKey(phone.phoneNumber));
}

function emailKeys(record: CustomerRecord): number[] {
  return (record.emails ?? []).map(emailKey);
}

function userKeys(record: CustomerRecord): number[] {
  return (record.attachedUsers ?? []).map((user) => userKey(user.uniqueId));
}

function credentialKeys(record: CustomerRecord): number[] {
  const keys: number[] = [];
  for (const user of record.attachedUsers ?? []) {
    for (const credential of user.credentials ?? []) keys.push(credentialKey(credential.credential));
  }
  return keys;
}

/** The same length, and `text` of each item equal to its counterpart's. */
function sameBy<T>(a: readonly T[] | null | undefined, b: readonly T[] | null | undefined, text: (item: T) => string): boolean {
  const left = a ?? [];
  const right = b ?? [];
  if (left.length !== right.length) return false;
  for (let i = 0; i < left.length; i++) if (text(left[i]!) !== text(right[i]!)) return false;
  return true;
}

function itself(text: string): string {
  return text;
}

function phoneOf(phone: { phoneNumber: string }): string {
  return phone.phoneNumber;
}

function uniqueIdOf(user: { uniqueId: string }): string {
  return user.uniqueId;
}

function credentialOf(held: { credential: string }): string {
  return held.credential;
}

/** The fields `nameAddressKeys` reads, equal. */
function sameNameAndAddressKeys(a: CustomerRecord, b: CustomerRecord): boolean {
  return (
    a.name?.lastName === b.name?.lastName &&
    a.name?.companyName === b.name?.companyName &&
    a.address?.streetAddress === b.address?.streetAddress &&
    a.address?.postalCode === b.address?.postalCode &&
    a.address?.postalPlace === b.address?.postalPlace
  );
}

/** The same users holding the same credentials, in the same order: a record that claims nothing new. */
export function sameClaims(a: CustomerRecord, b: CustomerRecord): boolean {
  return sameUserIds(a, b) && sameCredentials(a, b);
}

function sameUserIds(a: CustomerRecord, b: CustomerRecord): boolean {
  return sameBy(a.attachedUsers, b.attachedUsers, uniqueIdOf);
}

/** The users' credentials, equal user by user (their users being the same). */
function sameCredentials(a: CustomerRecord, b: CustomerRecord): boolean {
  const left = a.attachedUsers ?? [];
  const right = b.attachedUsers ?? [];
  for (let i = 0; i < left.length; i++) if (!sameBy(left[i]!.credentials, right[i]!.credentials, credentialOf)) return false;
  return true;
}

function nameAddressKeys(record: CustomerRecord): number[] {
  const street = record.address?.streetAddress;
  if (isBlank(street)) return [];
  const keys: number[] = [];
  for (const nameField of ['lastName', 'companyName'] as const) {
    const name = record.name?.[nameField];
    if (isBlank(name)) continue;
    for (const postalField of ['postalCode', 'postalPlace'] as const) {
      const postal = record.address[postalField];
      if (!isBlank(postal)) keys.push(nameAddressKey(nameField, name, street, postalField, postal));
    }
  }
  return keys;
}

/**
 * Keys kept of up to this many customers (the one kept first goes first): an update must take the old record's keys out, and
 * computing them again (ten normalised hashes) was a sixth of the update (docs/decisions/021).
 */
const KEPT_KEYS = 1024;

/** The five indexes over one set of records. */
export class StoreIndexes {
  readonly phone = new HashIndex();
  readonly email = new HashIndex();
  readonly nameAddress = new HashIndex();
  readonly credential = new HashIndex();
  readonly user = new HashIndex();
  /** The keys the indexes hold for a customer, kept by `add` and `replace` for the next write of it. */
  readonly #keysOf = new Map<number, Keys>();

  add(record: CustomerRecord): void {
    const keys = recordKeys(record);
    this.#keep(record.customerNumber, keys);
    for (const name of INDEX_NAMES) {
      const index = this[name];
      for (const key of keys[name]) index.add(key, record.customerNumber);
    }
  }

  remove(record: CustomerRecord): void {
    const keys = this.#keysOf.get(record.customerNumber) ?? recordKeys(record);
    this.#keysOf.delete(record.customerNumber);
    for (const name of INDEX_NAMES) {
      const index = this[name];
      for (const key of keys[name]) index.remove(key, record.customerNumber);
    }
  }

  /**
   * Moves a customer's keys from `old` to `next` (the same customer number): an index whose keys
   * did not change is not touched, so an update that keeps the phones costs the phone index nothing.
   */
  replace(old: CustomerRecord, next: CustomerRecord): void {
    const before = this.#keysOf.get(old.customerNumber) ?? recordKeys(old);
    const after = keysAfter(next, old, before);
    this.#keep(next.customerNumber, after);
    for (const name of INDEX_NAMES) {
      if (sameKeys(before[name], after[name])) continue;
      const index = this[name];
      for (const key of before[name]) index.remove(key, old.customerNumber);
      for (const key of after[name]) index.add(key, next.customerNumber);
    }
  }

  /**
   * Keeps a customer's keys, in place when it has some kept already: V8's `Map` pays a pass over
   * its whole table for an insertion that follows a deletion (shared-records.ts), which moving the
   * customer to the end cost every update. When full, the customer kept first goes.
   */
  #keep(customerNumber: number, keys: Keys): void {
    const kept = this.#keysOf;
    if (!kept.has(customerNumber) && kept.size >= KEPT_KEYS) kept.delete(kept.keys().next().value!);
    kept.set(customerNumber, keys);
  }
}

function sameKeys(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export const INDEX_NAMES: readonly IndexName[] = ['phone', 'email', 'nameAddress', 'credential', 'user'];

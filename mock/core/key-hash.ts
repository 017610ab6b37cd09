/**
 * The index keys: a 30-bit hash of each normalised value, computed without building the normalised
 * string when the value is ASCII (the common case), since folding and concatenating ten strings per
 * customer was the largest cost of loading a million (docs/decisions/003). Every function here
 * equals hashing the text that normalize.ts would produce; key-hash.test.ts checks that.
 */
import { fold, normalizeCredential, toE164 } from './normalize.ts';

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SEPARATOR = 0x01;

/** FNV-1a over UTF-16 code units, continuing from `h`. */
export function hashText(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), FNV_PRIME);
  return h;
}

/** `hashText(h, fold(text))`, without allocating for ASCII text. */
export function hashFolded(h: number, text: string): number {
  let start = 0;
  let end = text.length;
  while (start < end && isAsciiTrimmed(text.charCodeAt(start))) start++;
  while (end > start && isAsciiTrimmed(text.charCodeAt(end - 1))) end--;
  let x = h;
  for (let i = start; i < end; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0x80) return hashText(h, fold(text)); // beyond ASCII: let fold() decide
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    x = Math.imul(x ^ c, FNV_PRIME);
  }
  return x;
}

/** The ASCII characters `String.prototype.trim` removes: tab, LF, VT, FF, CR, space. */
function isAsciiTrimmed(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/** The murmur3 finaliser, to spread similar keys, cut to 30 bits (a V8 small integer). */
function finish(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h & 0x3fffffff;
}

/** A phone number as E.164 when it is one (stored data is, by the spec), else folded. */
export function phoneKey(phone: string): number {
  return finish(hashText(FNV_OFFSET, toE164(phone) ?? fold(phone)));
}

export function emailKey(email: string): number {
  return finish(hashFolded(FNV_OFFSET, email));
}

/** A credential in normalize.ts's form: emails folded, phones E.164. */
export function credentialKey(credential: string): number {
  return credential.includes('@') ? emailKey(credential) : finish(hashText(FNV_OFFSET, normalizeCredential(credential)));
}

/** A user id: exact, as ids are. */
export function userKey(uniqueId: string): number {
  return finish(hashText(FNV_OFFSET, uniqueId));
}

/**
 * docs/reference.md §3 shape (a): `companyName` or `lastName`, and `streetAddress`, and `postalCode` or
 * `postalPlace`. Each of the four combinations has its own tag, so every allowed shape has a key.
 */
export function nameAddressKey(
  nameField: 'lastName' | 'companyName',
  name: string,
  street: string,
  postalField: 'postalCode' | 'postalPlace',
  postal: string,
): number {
  let h = hashText(FNV_OFFSET, nameField + postalField);
  h = Math.imul(hashFolded(h, name) ^ SEPARATOR, FNV_PRIME);
  h = Math.imul(hashFolded(h, street) ^ SEPARATOR, FNV_PRIME);
  return finish(hashFolded(h, postal));
}

/**
 * The text a record was parsed from, kept when it is exactly what the store would write: the
 * arena stores that text instead of a fresh stringify. Its own module, because both the store's
 * write path (store-state.ts) and the loader threads' encoder (encoded-records.ts) use it.
 */

/**
 * Whether `JSON.stringify(record)` would give exactly `json`, the text `record` was parsed from:
 * true when the text has no whitespace between tokens, no escape or surrogate in any string,
 * integers of at most 15 digits in their shortest form and nothing else numeric, and no key that
 * starts with a digit (V8 lists array-index keys first), and when the stringify would be as long.
 * Such a text turns into itself token by token, except for a repeated key, which JSON.parse keeps
 * once and which makes the stringify shorter: so equal length means equal text. Anything else
 * answers false and the caller stringifies: always correct, only slower. (Raw control characters
 * need no check: JSON.parse refuses them.)
 */
export function isStringifyOf(json: string, record: unknown): boolean {
  return COMPACT_JSON.test(json) && stringifiedLength(record) === json.length;
}

// A string that starts with a digit must not be a key: hence the two string alternatives.
const COMPACT_JSON = /^(?:"(?![0-9])[^"\\\ud800-\udfff]*"|"[^"\\\ud800-\udfff]*"(?!:)|[{}[\],:]|(?:0|-?[1-9][0-9]{0,14})(?![.eE0-9])|true|false|null)*$/;

/**
 * The length of `JSON.stringify(value)` for a value parsed from text that passed COMPACT_JSON: its
 * strings need no escapes and its numbers are integers, so neither needs to be written out.
 */
function stringifiedLength(value: unknown): number {
  if (typeof value === 'string') return value.length + 2;
  if (typeof value === 'number') return String(value).length;
  if (typeof value !== 'object' || value === null) return String(value).length; // true, false, null
  let length = 2; // the brackets
  let first = true;
  if (Array.isArray(value)) {
    for (const item of value) {
      length += stringifiedLength(item) + (first ? 0 : 1);
      first = false;
    }
    return length;
  }
  for (const key in value) {
    length += key.length + 3 + stringifiedLength((value as Record<string, unknown>)[key]) + (first ? 0 : 1);
    first = false;
  }
  return length;
}

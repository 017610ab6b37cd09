/**
 * Deep partial match of JSON values, as WireMock's `equalToJson` with extra fields ignored: an
 * object pattern needs each of its keys, matched deeply, and allows other keys; an array pattern
 * needs an array of the same length, matched element by element (order is data in this API: the
 * first phone number is the first); anything else must be equal.
 *
 * @example containsJson({ name: { lastName: 'N', firstName: 'O' }, emails: [] }, { name: { lastName: 'N' } }) // true
 */
export function containsJson(value: unknown, pattern: unknown): boolean {
  if (Array.isArray(pattern)) {
    return Array.isArray(value) && value.length === pattern.length && pattern.every((item, index) => containsJson(value[index], item));
  }
  if (typeof pattern === 'object' && pattern !== null) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const object = value as Record<string, unknown>;
    return Object.keys(pattern).every((key) => Object.hasOwn(object, key) && containsJson(object[key], (pattern as Record<string, unknown>)[key]));
  }
  return value === pattern;
}

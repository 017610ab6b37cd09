/**
 * The spec's key names as one-byte strings, put into V8's string table before the YAML parser
 * makes its own. The spec's prose has characters beyond Latin-1 (`…`), so its text is a two-byte
 * string, and the parser's keys are slices of it; V8 keeps one copy of every property name, the
 * first it meets, and the spec is read first. Its keys were the names the whole mock then used:
 * the `X-RateLimit-*` header names of every rate-limited answer, a record's member names (every
 * `JSON.parse` of a record, every `JSON.stringify`). One two-byte header name made Node build the
 * whole answer as two-byte text and write it through the slow UTF-8 path: 1.5 µs of each
 * rate-limited answer (docs/decisions/021, third pass). Made here first, as one-byte strings, they
 * are the copies V8 keeps, and the parser's slices find them.
 *
 * A key this misses is only slower, never wrong: the table compares contents, not encodings.
 */

/** A block-style YAML key: indentation, maybe a list dash, the key (maybe quoted), a colon. */
const KEY = /^[ \t]*(?:-[ \t]+)?(['"]?)([^\s'"#:][^'"#:\r\n]*?)\1[ \t]*:(?=\s|$)/gm;

/**
 * The names made so far, as property names (which puts them in V8's table), held for the life of
 * the process: a collection must not drop a copy before the parser has found it. The spec holds
 * the same few hundred names anyway.
 */
const names: Record<string, true> = Object.create(null) as Record<string, true>;

/** Makes one-byte copies of the Latin-1 keys of `yaml` V8's property names. Call it before parsing `yaml`. */
export function makeOneByteKeys(yaml: string): void {
  for (const [, , key] of yaml.matchAll(KEY)) {
    if (isLatin1(key!)) names[Buffer.from(key!, 'latin1').toString('latin1')] = true;
  }
}

function isLatin1(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0xff) return false;
  return true;
}

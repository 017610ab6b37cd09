/**
 * Strings for the fuzzer, built from single code points so that a length is what ajv counts
 * (`maxLength` counts code points, JSON Schema 2020-12 §6.3.1), including the characters that
 * break naive code: combining marks, right-to-left text and bidi controls, astral characters,
 * NUL, lone surrogates, zero-width and whitespace characters.
 */
import fc from 'fast-check';

/** One code point each; the names are for tests and reports. */
export const EDGE_CHARACTERS = {
  combiningAcute: '\u0301',
  combiningDiaeresis: '\u0308',
  hebrewAlef: '\u05d0',
  arabicAlef: '\u0627',
  rightToLeftOverride: '\u202e',
  rightToLeftMark: '\u200f',
  emoji: '\u{1f600}',
  musicalSymbol: '\u{1d11e}',
  nul: '\u0000',
  // Only low surrogates: a lone high surrogate followed by one of them would pair up into one
  // code point and change the length ajv counts.
  loneLowSurrogate: '\udc00',
  loneLowSurrogateEnd: '\udfff',
  zeroWidthJoiner: '\u200d',
  byteOrderMark: '\ufeff',
  noBreakSpace: '\u00a0',
  space: ' ',
  tab: '\t',
  newline: '\n',
  quote: '"',
  backslash: '\\',
} as const;

const NORWEGIAN = ['æ', 'ø', 'å', 'Æ', 'Ø', 'Å', 'é'];

/** A single code point: mostly letters, with every edge character now and then. */
export const codePoint: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.constantFrom(...NORWEGIAN) },
  { weight: 2, arbitrary: fc.constantFrom(...Object.values(EDGE_CHARACTERS)) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);

/** Code points as ajv counts them (a surrogate pair is one). */
export function codePointLength(text: string): number {
  return [...text].length;
}

/**
 * A string of `minLength` to `maxLength` code points, biased to the bounds: one in four is
 * exactly `maxLength` long, the length a server's column or buffer most often gets wrong.
 */
export function boundedString(minLength: number, maxLength: number): fc.Arbitrary<string> {
  const any = fc.array(codePoint, { minLength, maxLength: Math.min(maxLength, minLength + 40) });
  const atMax = fc.array(codePoint, { minLength: maxLength, maxLength });
  return fc
    .oneof({ weight: 3, arbitrary: any }, { weight: 1, arbitrary: atMax })
    .map((points) => points.join(''));
}

/** A string of `minLength` to `minLength + spread` code points: past a `maxLength` when `minLength` is `maxLength + 1`. */
export function stringOfAtLeast(minLength: number, spread = 8): fc.Arbitrary<string> {
  return fc.array(codePoint, { minLength, maxLength: minLength + spread }).map((points) => points.join(''));
}

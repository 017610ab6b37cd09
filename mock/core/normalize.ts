/**
 * The one text normalisation behind every index and every comparison of the core. docs/reference.md §3:
 * search strings match "case-insensitively after trimming and Unicode NFC normalisation, whole
 * value"; credentials match "emails case-insensitively, phones as E.164".
 */

/**
 * Folds a string for comparison: trim, lower case, NFC (lower-casing a precomposed letter keeps it
 * precomposed; NFC last also composes a decomposed input).
 * @example fold('  Ærlig ') === fold('ærlig') // true
 */
export function fold(value: string): string {
  const lower = value.trim().toLowerCase();
  // Text below U+0300 (ASCII, Latin-1 with æøå, Latin Extended) is already NFC: every such
  // character is NFC_Quick_Check=Yes and none combines with its neighbour (UAX #15). Skipping the
  // ICU call there makes loading a million Norwegian customers markedly faster.
  return BELOW_COMBINING_MARKS.test(lower) ? lower : lower.normalize('NFC');
}

// eslint-disable-next-line no-control-regex -- a range of code points from U+0000, on purpose
const BELOW_COMBINING_MARKS = /^[\u0000-\u02ff]*$/;

/** A value that holds no text: absent, null, or only white space. */
export function isBlank(value: string | null | undefined): value is null | undefined | '' {
  if (value === null || value === undefined) return true;
  // Fast path: a value that starts with a visible character has content.
  return value.length === 0 || (value.charCodeAt(0) <= 0x20 || value.charCodeAt(0) >= 0x7f ? value.trim() === '' : false);
}

/** Separators people type inside phone numbers (`+47 901 23 456`, `+47-901-23-456`, `(0047)…`). */
const PHONE_SEPARATORS = /[\s\-.()\u00a0]/g;
const E164 = /^\+[1-9][0-9]{1,14}$/;

/**
 * A phone number in E.164 (ITU-T E.164: `+`, country code, at most 15 digits), or undefined when the
 * value is not one. Separators are dropped and the international prefix `00` becomes `+`.
 * A national number without a country code (`90123456`) is not guessed at: it stays unknown.
 * @example toE164('0047 901 23 456') === '+4790123456'
 */
export function toE164(value: string): string | undefined {
  if (E164.test(value)) return value; // the common case: stored and validated data is E.164 already
  const compact = value.replace(PHONE_SEPARATORS, '');
  const plussed = compact.startsWith('00') ? `+${compact.slice(2)}` : compact;
  return E164.test(plussed) ? plussed : undefined;
}

/**
 * The comparable form of a login credential: a phone-like value as E.164, anything else (an email,
 * an external id such as `AID:<uuid>`) folded.
 */
export function normalizeCredential(value: string): string {
  // An email is never a phone number: skip the phone parse for the most common credential.
  return value.includes('@') ? fold(value) : (toE164(value) ?? fold(value));
}

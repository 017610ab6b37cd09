import { describe, expect, it } from 'vitest';
import { fold, isBlank, normalizeCredential, toE164 } from './normalize.ts';

describe('fold', () => {
  it('trims and lower-cases', () => {
    expect(fold('  Ærlig NORDMANN ')).toBe('ærlig nordmann');
  });

  it('makes decomposed and precomposed letters equal (NFC)', () => {
    expect(fold('A\u030Asen')).toBe(fold('\u00C5sen'));
  });
});

describe('toE164', () => {
  it('keeps an E.164 number as it is', () => {
    expect(toE164('+4790123456')).toBe('+4790123456');
  });

  it('drops spaces and dashes and reads a leading 00 as +', () => {
    expect(toE164(' 0047 901-23 456')).toBe('+4790123456');
  });

  it('does not guess a country code for a national number', () => {
    expect(toE164('90123456')).toBeUndefined();
  });
});

describe('normalizeCredential', () => {
  it('folds emails and external ids, writes phones as E.164', () => {
    expect(normalizeCredential(' Ola.Nordmann@Hotmail.NO')).toBe('ola.nordmann@hotmail.no');
    expect(normalizeCredential('AID:ABC-1')).toBe('aid:abc-1');
    expect(normalizeCredential('+47 901 23 456')).toBe('+4790123456');
  });
});

it('isBlank treats absent, null and white space as blank', () => {
  expect([undefined, null, '', '  '].every((value) => isBlank(value))).toBe(true);
  expect(isBlank(' a ')).toBe(false);
});

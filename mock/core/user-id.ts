/**
 * The numeric `userId` of the ConnectID profile, derived from the user's `uniqueId`: the first 52
 * bits of SHA-256 of it, plus one. The same uniqueId gives the same number in every process and on
 * every machine, so a userId stays put across restarts with the same data; no table is kept.
 * Two users may in principle share a number: with n users the chance is about n² / 2^53 (one in
 * 9,000 for a million users). It is not detected; docs/decisions/025 says why that is acceptable.
 *
 * @example userIdOf('abc123ee63461dd') // always the same positive safe integer
 */
import { createHash } from 'node:crypto';

export function userIdOf(uniqueId: string): number {
  const hex = createHash('sha256').update(`connect-user:${uniqueId}`, 'utf8').digest('hex');
  // 13 hex digits are 52 bits: below Number.MAX_SAFE_INTEGER (2^53 - 1) even after the + 1.
  return Number.parseInt(hex.slice(0, 13), 16) + 1;
}

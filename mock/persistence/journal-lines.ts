/**
 * The lines of a state file (docs/decisions/016): JSON Lines, one operation a line, each line
 * ended by `\n`. A line counts only once its newline is on disk, so a write cut short by a crash
 * leaves a last line without one: a torn tail, skipped on restore.
 *
 * ```
 * {"op":"reset","count":2}                 the store was replaced; the next 2 lines are its records
 * {"op":"upsert","records":[{…}]}          records inserted or replaced by customerNumber
 * {"op":"delete","customerNumbers":[N]}    customers removed (DELETE /__admin/customers/{n})
 * ```
 * An update (`POST /v1/customer/info`) is journaled as the upsert of the whole record it produced:
 * replaying it needs no update rules, and replaying it twice changes nothing.
 */
import type { CustomerRecord } from '../../spec/index.ts';

export type JournalOp =
  | { op: 'reset'; count: number }
  | { op: 'upsert'; records: CustomerRecord[] }
  | { op: 'delete'; customerNumbers: number[] };

/** A state file that cannot be restored: a corrupt line before the end, or an unreadable file. */
export class StateFileError extends Error {
  override name = 'StateFileError';
}

export function resetLine(count: number): string {
  return `{"op":"reset","count":${count}}\n`;
}

export function upsertLine(records: readonly CustomerRecord[]): string {
  return `{"op":"upsert","records":${JSON.stringify(records)}}\n`;
}

export function deleteLine(customerNumbers: readonly number[]): string {
  return `{"op":"delete","customerNumbers":${JSON.stringify(customerNumbers)}}\n`;
}

/** The same line from a record's stored JSON text, without a parse and a stringify. */
export function upsertLineFromJson(recordJson: string): string {
  return `{"op":"upsert","records":[${recordJson}]}\n`;
}

/**
 * Parses one complete line (without its newline); `where` names it in errors, e.g. `state.jsonl:7`.
 * Checks the envelope only; the records themselves are checked by the caller's validator.
 */
export function parseLine(text: string, where: string): JournalOp {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new StateFileError(`${where}: is not valid JSON (${(error as Error).message}).`);
  }
  const line = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (line.op === 'reset' && Number.isSafeInteger(line.count) && (line.count as number) >= 0) {
    return { op: 'reset', count: line.count as number };
  }
  if (line.op === 'upsert' && Array.isArray(line.records)) {
    return { op: 'upsert', records: line.records as CustomerRecord[] };
  }
  if (line.op === 'delete' && Array.isArray(line.customerNumbers) && line.customerNumbers.every((n) => Number.isSafeInteger(n) && (n as number) >= 1)) {
    return { op: 'delete', customerNumbers: line.customerNumbers as number[] };
  }
  throw new StateFileError(
    `${where}: is not a journal operation; expected {"op":"reset","count":N}, {"op":"upsert","records":[…]} or {"op":"delete","customerNumbers":[…]}.`,
  );
}

/**
 * Restores a state file: replays its operations into the final set of records. A last line
 * without its newline is a torn tail (a write cut short by a crash, never acknowledged) and is
 * skipped; any complete line that does not parse is corruption, and the start stops with a
 * `StateFileError` naming the line, because guessing past it could serve data nobody wrote.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import type { CustomerRecord } from '../../spec/index.ts';
import { type JournalOp, StateFileError, parseLine } from './journal-lines.ts';

export type RecordValidator = (value: unknown, label: string) => CustomerRecord;

export interface JournalContents {
  /** The store as the last complete line left it, by customer number. */
  records: Map<number, CustomerRecord>;
  /** Bytes up to the end of the last complete line: where appending resumes. */
  validBytes: number;
  /** Complete lines that follow the last snapshot's records (what a compaction folds away). */
  linesAfterSnapshot: number;
  /** The skipped torn tail, if any: its line number and length in bytes. */
  torn: { line: number; bytes: number } | undefined;
}

const CHUNK_BYTES = 1024 * 1024;

export function readJournal(path: string, validate: RecordValidator = (value) => value as CustomerRecord): JournalContents {
  const contents: JournalContents = { records: new Map(), validBytes: 0, linesAfterSnapshot: 0, torn: undefined };
  let snapshot = { line: 0, missing: 0 };
  let lineNumber = 0;
  for (const line of completeLines(path, contents)) {
    lineNumber += 1;
    const where = `${path}:${lineNumber}`;
    const op = parseLine(line, where);
    if (op.op === 'reset') {
      if (snapshot.missing > 0) throw shortSnapshot(path, snapshot);
      contents.records = new Map();
      contents.linesAfterSnapshot = 0;
      snapshot = { line: lineNumber, missing: op.count };
      continue;
    }
    // A delete never belongs to a snapshot (a snapshot is a reset and its records), so it is
    // always a line after it, replayed in order like an upsert.
    if (op.op === 'delete') {
      if (snapshot.missing > 0) throw shortSnapshot(path, snapshot);
      for (const customerNumber of op.customerNumbers) contents.records.delete(customerNumber);
      contents.linesAfterSnapshot += 1;
      continue;
    }
    apply(contents.records, op, where, validate);
    if (snapshot.missing > 0) snapshot.missing = Math.max(0, snapshot.missing - op.records.length);
    else contents.linesAfterSnapshot += 1;
  }
  // A snapshot is renamed into place whole (docs/decisions/016), so a short one is corruption.
  if (snapshot.missing > 0) throw shortSnapshot(path, snapshot);
  return contents;
}

function apply(records: Map<number, CustomerRecord>, op: Extract<JournalOp, { op: 'upsert' }>, where: string, validate: RecordValidator): void {
  op.records.forEach((value, index) => {
    let record: CustomerRecord;
    try {
      record = validate(value, `records[${index}]`);
    } catch (error) {
      throw new StateFileError(`${where}: ${(error as Error).message}`);
    }
    records.set(record.customerNumber, record);
  });
}

function shortSnapshot(path: string, snapshot: { line: number; missing: number }): StateFileError {
  return new StateFileError(`${path}:${snapshot.line}: the snapshot that starts here lacks its last ${snapshot.missing} records; the file was cut or edited.`);
}

/**
 * The file's complete lines, read in chunks (a state file may be larger than one string can be).
 * Records `validBytes` and a torn tail in `contents` as it goes.
 */
function* completeLines(path: string, contents: JournalContents): Generator<string> {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    throw new StateFileError(`${path}: cannot be read (${(error as Error).message}).`);
  }
  try {
    let pending = Buffer.alloc(0);
    let lines = 0;
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    for (let read = readSync(fd, chunk); read > 0; read = readSync(fd, chunk)) {
      pending = pending.length === 0 ? Buffer.from(chunk.subarray(0, read)) : Buffer.concat([pending, chunk.subarray(0, read)]);
      let start = 0;
      for (let newline = pending.indexOf(10); newline >= 0; newline = pending.indexOf(10, start)) {
        const text = pending.toString('utf8', start, newline);
        contents.validBytes += newline + 1 - start;
        start = newline + 1;
        lines += 1;
        yield text;
      }
      pending = pending.subarray(start);
    }
    if (pending.length > 0) contents.torn = { line: lines + 1, bytes: pending.length };
  } finally {
    closeSync(fd);
  }
}

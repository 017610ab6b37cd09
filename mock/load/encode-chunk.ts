/**
 * The work a loader thread does on one chunk of a fixture file (whole lines of the one-record-per-
 * line layout): split, parse, validate against the spec and encode for the store. It stops at the
 * first record the spec refuses and hands that record's text back, so the caller can report it
 * the way the fixture reader does, with its place in the file.
 */
import { type EncodedRecords, RecordEncoder } from '../core/encoded-records.ts';
import type { CustomerRecord } from '../../spec/index.ts';
import { type LayoutTransition, advanceTransition, identityTransition, readLayoutLine } from '../../fixtures/line-layout.ts';

export interface EncodedChunk {
  records: EncodedRecords;
  /** The layout the chunk's lines follow, up to and with the refused record when there is one. */
  layout: LayoutTransition;
  /** The first record the spec refused: `records` holds the ones before it. */
  refused?: { json: string };
}

const ENCODER_SLACK = 64 * 1024;

export type RecordCheck = (value: unknown) => value is CustomerRecord;

export function encodeChunk(bytes: Uint8Array, isCustomerRecord: RecordCheck): EncodedChunk {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  // Stored texts take about the lines' bytes (Latin-1 or the line's own UTF-8); the encoder wants
  // room for 3 bytes a character before each write, hence the slack for the last records.
  const encoder = new RecordEncoder(bytes.byteLength + ENCODER_SLACK);
  const layout = identityTransition();
  for (const raw of text.split('\n')) {
    const line = readLayoutLine(raw);
    if (line.json === undefined) {
      advanceTransition(layout, line.kind);
      continue;
    }
    const value = parseOrUndefined(line.json);
    // A record line that is not JSON breaks the layout, as in the fixture reader.
    advanceTransition(layout, value === undefined ? 'other' : line.kind);
    if (value === undefined) continue;
    if (!isCustomerRecord(value)) return { records: encoder.finish(), layout, refused: { json: line.json } };
    encoder.add(value, line.json);
  }
  return { records: encoder.finish(), layout };
}

function parseOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

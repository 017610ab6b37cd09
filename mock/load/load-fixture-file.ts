/**
 * `--fixtures FILE` at start: a file in the one-record-per-line layout is cut into chunks of whole
 * lines, which loader threads parse, validate and encode while this thread puts the results into
 * the store, in file order (docs/decisions/020). What it accepts and how it words a refusal are the
 * fixture reader's (fixtures/fixture-reader.ts): the same layout rules, the same validator, the
 * same messages. A file that leaves the layout is not its business: it answers `undefined`, and
 * the caller reads the file with the fixture reader, which parses such a file whole.
 *
 * @example
 * const store = (await loadFixtureFile('customers.json')) ?? (await readTheOtherWay('customers.json'));
 */
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { FixtureError, WHOLE_FILE_LIMIT, recordLabel, validateRecord } from '../../fixtures/index.ts';
import { lineChunks } from '../../fixtures/line-chunks.ts';
import { BROKEN, LAYOUT, type LayoutState, afterTransition } from '../../fixtures/line-layout.ts';
import { CustomerStore } from '../core/customer-store.ts';
import { specValidators } from '../../spec/index.ts';
import { type EncodedChunk, type RecordCheck, encodeChunk } from './encode-chunk.ts';
import { LoaderThreads } from './loader-threads.ts';

export interface LoadOptions {
  /** Loader threads; 0 encodes on this thread. Default: none below 16 MiB, else one a core, at most 4. */
  threads?: number;
  /** Bytes read at a time, about one chunk (a test makes it small to get many chunks). */
  readBytes?: number;
}

/** Below this size, starting threads (about half a second) costs more than it saves. */
const THREADED_FROM_BYTES = 16 * 2 ** 20;
const MAX_THREADS = 4;
/** About 4,500 records: enough work per message, small enough to keep every thread busy. */
const READ_BYTES = 4 * 2 ** 20;

export async function loadFixtureFile(path: string, options: LoadOptions = {}): Promise<CustomerStore | undefined> {
  const { size } = await stat(path).catch((error: NodeJS.ErrnoException) => {
    throw new FixtureError(`${path}: cannot read the fixture file (${error.code ?? error.message})`);
  });
  const threadCount = options.threads ?? (size < THREADED_FROM_BYTES ? 0 : Math.min(availableParallelism(), MAX_THREADS));
  const threads = threadCount > 0 ? new LoaderThreads(threadCount) : undefined;
  try {
    const encode = threads ? (bytes: Uint8Array) => threads.encode(bytes) : encodeHere();
    return await loadChunks(path, size, lineChunks(path, options.readBytes ?? READ_BYTES, WHOLE_FILE_LIMIT), encode, Math.max(1, threadCount) * 2);
  } finally {
    await threads?.close();
  }
}

/** The loader threads' work, done on this thread. */
function encodeHere(): (bytes: Uint8Array) => Promise<EncodedChunk> {
  const isCustomerRecord = specValidators().component('CustomerRecord') as RecordCheck;
  return (bytes) => Promise.resolve(encodeChunk(bytes, isCustomerRecord));
}

/** Encodes up to `ahead` chunks at once and puts each into the store in file order. */
async function loadChunks(
  path: string,
  size: number,
  chunks: AsyncIterable<Uint8Array | undefined>,
  encode: (bytes: Uint8Array) => Promise<EncodedChunk>,
  ahead: number,
): Promise<CustomerStore | undefined> {
  const store = new CustomerStore();
  const inserter = new ChunkInserter(path, size, store);
  const queue: Promise<EncodedChunk>[] = [];
  // A chunk that fails while an earlier one is awaited is reported through the earlier one's turn.
  const enqueue = (bytes: Uint8Array) => {
    const encoded = encode(bytes);
    encoded.catch(() => {});
    queue.push(encoded);
  };
  for await (const bytes of chunks) {
    if (bytes === undefined) return undefined; // a line longer than WHOLE_FILE_LIMIT: not this layout
    enqueue(bytes);
    if (queue.length >= ahead && !inserter.insert(await queue.shift()!)) return undefined;
  }
  while (queue.length > 0) if (!inserter.insert(await queue.shift()!)) return undefined;
  return inserter.complete ? store : undefined;
}

/** Puts encoded chunks into the store in order, with the fixture reader's checks and messages. */
class ChunkInserter {
  #layout: LayoutState = LAYOUT.open;
  #index = 0;

  constructor(
    readonly path: string,
    /** The file's size in bytes, to size the indexes from the first chunk. */
    readonly size: number,
    readonly store: CustomerStore,
  ) {}

  get complete(): boolean {
    return this.#layout === LAYOUT.end;
  }

  /** Inserts a chunk's records; false when its lines leave the layout (nothing of it inserted). */
  insert({ records, layout, refused }: EncodedChunk): boolean {
    this.#layout = afterTransition(this.#layout, layout);
    if (this.#layout === BROKEN) return false;
    if (this.#index === 0) this.store.reserveLike(records, Math.ceil((this.size / records.text.length) * records.count));
    const inserted = this.store.loadEncoded(records);
    this.#index += inserted;
    if (inserted < records.count) {
      const label = recordLabel(this.#index, { customerNumber: records.customerNumbers[inserted] });
      throw new FixtureError(`${this.path}: ${label}: customerNumber is repeated in the file`);
    }
    if (refused) {
      const value: unknown = JSON.parse(refused.json);
      validateRecord(value, `${this.path}: ${recordLabel(this.#index, value)}`);
      throw new Error(`${this.path}: ${recordLabel(this.#index, value)}: a loader thread refused a valid record`);
    }
    return true;
  }
}

/**
 * `--state-file FILE` (docs/decisions/016): a store that survives restarts. A start restores the
 * file when it exists (the fixtures are read only to create it), then every change the store
 * announces is journaled, and the HTTP layer holds each write's 200 until `journal.settle`
 * says it is on disk.
 *
 * @example
 * const { store, journal, close } = await openDurableStore('state.jsonl', { defaults: () => records, logger });
 */
import { statSync } from 'node:fs';
import { CustomerStore } from '../core/customer-store.ts';
import type { CustomerRecord } from '../../spec/index.ts';
import { Journal } from './journal.ts';
import { StateFileError, deleteLine, resetLine, upsertLine, upsertLineFromJson } from './journal-lines.ts';
import { type RecordValidator, readJournal } from './journal-reader.ts';
import { lockStateFile } from './state-lock.ts';

export interface DurableStoreOptions {
  /** The data of a new state file (the fixtures or the generator). */
  defaults: () => Promise<Iterable<CustomerRecord>> | Iterable<CustomerRecord>;
  /** A store to fill and watch instead of a new one. */
  store?: CustomerStore;
  /** Checks each restored record (the spec's record schema); throws naming the field. */
  validate?: RecordValidator;
  logger: { info(message: string): void; warn(message: string): void };
}

export interface DurableStore {
  store: CustomerStore;
  journal: Journal;
  /** True when the data came from the file, false when the file was created from the defaults. */
  restored: boolean;
  /** Stops journaling and closes the file after a last flush. */
  close(): Promise<void>;
}

export async function openDurableStore(path: string, options: DurableStoreOptions): Promise<DurableStore> {
  // Before the file is read: a second mock on it would rewrite it under the first (state-lock.ts).
  const release = lockStateFile(path);
  try {
    const durable = await openLocked(path, options);
    return { ...durable, close: () => durable.close().finally(release) };
  } catch (error) {
    release();
    throw error;
  }
}

async function openLocked(path: string, options: DurableStoreOptions): Promise<DurableStore> {
  if (isEmptyFile(path)) {
    options.logger.warn(`State file ${path} is empty (0 bytes), which this mock never writes; it is created again from the fixtures.`);
  }
  if (!exists(path)) {
    const store = options.store ?? new CustomerStore(await options.defaults());
    const journal = writable(path, () => Journal.create(path, snapshotLines(store)));
    options.logger.info(`State file ${path} created with ${store.size} customers.`);
    return watch(store, journal, false);
  }
  const contents = readJournal(path, options.validate);
  if (contents.torn) {
    options.logger.warn(
      `State file ${path}: skipped a torn last line (line ${contents.torn.line}, ${contents.torn.bytes} bytes), ` +
        'a write cut short by a crash before it was acknowledged.',
    );
  }
  const store = fill(path, options.store, contents.records.values());
  // Folding the changes into a fresh snapshot keeps the file as small as the store, and drops a torn tail.
  const compact = contents.linesAfterSnapshot > 0 || contents.torn !== undefined;
  const journal = writable(path, () => (compact ? Journal.create(path, snapshotLines(store)) : Journal.append(path)));
  options.logger.info(`State file ${path}: restored ${store.size} customers.`);
  return watch(store, journal, true);
}

/** The whole store as a snapshot: a reset line, then one line a record, in customer-number order. */
export function* snapshotLines(store: CustomerStore): Generator<string> {
  yield resetLine(store.size);
  for (const json of store.allJson()) yield upsertLineFromJson(json);
}

function watch(store: CustomerStore, journal: Journal, restored: boolean): DurableStore {
  const unsubscribe = store.onChange((change) => {
    if (change.kind === 'upsert') journal.append(upsertLine(change.records));
    else if (change.kind === 'delete') journal.append(deleteLine(change.customerNumbers));
    else journal.replace(snapshotLines(store));
  });
  return {
    store,
    journal,
    restored,
    close: async () => {
      unsubscribe();
      await journal.close();
    },
  };
}

function fill(path: string, store: CustomerStore | undefined, records: Iterable<CustomerRecord>): CustomerStore {
  try {
    if (!store) return new CustomerStore(records);
    store.replaceAll(records);
    return store;
  } catch (error) {
    throw new StateFileError(`${path}: the restored records contradict each other (${(error as Error).message})`);
  }
}

/** Opening the file for writing, with an error that names it and says why it failed. */
function writable(path: string, open: () => Journal): Journal {
  try {
    return open();
  } catch (error) {
    throw new StateFileError(`${path}: cannot be written (${(error as Error).message}).`);
  }
}

function isEmptyFile(path: string): boolean {
  try {
    return statSync(path).size === 0;
  } catch {
    return false;
  }
}

/** An empty file counts as absent: this module never writes one (snapshots are renamed into place). */
function exists(path: string): boolean {
  try {
    return statSync(path).size > 0;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw new StateFileError(`${path}: cannot be read (${(error as Error).message}).`);
  }
}

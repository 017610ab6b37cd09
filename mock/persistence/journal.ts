/**
 * The append side of a state file, with group commit (docs/decisions/016). A change is written
 * at once, in store order, with a blocking write(2) to the page cache (microseconds); making it
 * durable is a separate, asynchronous fdatasync(2) that covers every line written before it
 * started. While one fdatasync runs, new lines pile up and the next one covers them all, so
 * 200 concurrent updates cost a handful of syncs, not 200.
 *
 * @example
 * const mark = journal.mark();
 * store.upsert([record]);           // the store's change hook appends the line
 * await journal.settle(mark);       // on disk now: safe to answer 200
 */
import { closeSync, fdatasync, openSync } from 'node:fs';
import { promisify } from 'node:util';
import { writeAll, writeFileAtomically } from './snapshot-file.ts';
import type { WriteBarrier } from './write-barrier.ts';

const fdatasyncAsync = promisify(fdatasync);

export class Journal implements WriteBarrier {
  #fd: number;
  /** Lines (or snapshots) written, and how many of them an fdatasync has covered. */
  #written = 0;
  #synced = 0;
  #syncing: Promise<void> | undefined;
  /** File descriptors replaced by a snapshot while an fdatasync on them was still running. */
  #retired: number[] = [];
  #failure: Error | undefined;
  #syncs = 0;

  private constructor(readonly path: string) {
    this.#fd = openSync(path, 'a');
  }

  /** Opens an existing, complete state file for appending. */
  static append(path: string): Journal {
    return new Journal(path);
  }

  /** Writes `lines` as the whole state file (atomically), then opens it for appending. */
  static create(path: string, lines: Iterable<string>): Journal {
    writeFileAtomically(path, lines);
    return new Journal(path);
  }

  /** Appends one line (with its newline) now; `settle` makes it durable. */
  append(line: string): void {
    this.#written += 1;
    if (this.#failure) return;
    try {
      writeAll(this.#fd, line);
    } catch (error) {
      this.#failure = error as Error;
    }
  }

  /** Replaces the whole file with `lines` (a compacted snapshot), durable when this returns. */
  replace(lines: Iterable<string>): void {
    this.#written += 1;
    if (this.#failure) return;
    const old = this.#fd;
    try {
      writeFileAtomically(this.path, lines);
      this.#fd = openSync(this.path, 'a');
    } catch (error) {
      this.#failure = error as Error;
      return;
    }
    // Lines written before the snapshot are in it (or were replaced by it): all durable now.
    this.#synced = this.#written;
    if (this.#syncing) this.#retired.push(old);
    else closeSync(old);
  }

  /** How many fdatasync calls ran: with group commit, far fewer than writes. */
  get syncs(): number {
    return this.#syncs;
  }

  mark(): number {
    return this.#written;
  }

  settle(mark: number): Promise<void> {
    // Nothing written since the mark (a read): nothing to wait for, even on a failed disk.
    return this.#written === mark ? Promise.resolve() : this.flush();
  }

  /** Resolves once everything written so far is on disk. */
  async flush(): Promise<void> {
    const target = this.#written;
    while (this.#synced < target && !this.#failure) {
      this.#syncing ??= this.#syncOnce();
      await this.#syncing;
    }
    if (this.#failure) throw new Error(`the state file ${this.path} could not be written: ${this.#failure.message}`);
  }

  /** Flushes and closes the file; later appends fail. */
  async close(): Promise<void> {
    await this.flush().catch(() => undefined);
    await this.#syncing;
    this.#failure ??= new Error('the journal is closed');
    closeSync(this.#fd);
    this.#closeRetired();
  }

  async #syncOnce(): Promise<void> {
    const target = this.#written;
    this.#syncs += 1;
    try {
      await fdatasyncAsync(this.#fd);
      this.#synced = Math.max(this.#synced, target);
    } catch (error) {
      // After a failed fsync the kernel may have dropped the dirty pages: never retry and claim success.
      this.#failure ??= error as Error;
    } finally {
      this.#syncing = undefined;
      this.#closeRetired();
    }
  }

  #closeRetired(): void {
    for (const fd of this.#retired.splice(0)) closeSync(fd);
  }
}

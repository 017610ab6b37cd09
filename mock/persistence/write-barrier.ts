/**
 * What the HTTP layer needs from durable state (docs/decisions/016): hold a write's 200 until the
 * changes made while serving it are on disk. Without `--state-file` there is no barrier and the
 * work runs as it always did.
 *
 * @example
 * const result = await durably(barrier, () => handler(input, context)); // then res.json(result)
 */
export interface WriteBarrier {
  /** A position in the stream of writes; pass it to `settle` after the work. */
  mark(): number;
  /** Resolves once every write since `mark` is on disk, at once when there was none; rejects when the disk failed. */
  settle(mark: number): Promise<void>;
}

/** Runs `work`, then waits until the writes it made are durable. */
export async function durably<T>(barrier: WriteBarrier | undefined, work: () => T | Promise<T>): Promise<T> {
  if (!barrier) return work();
  const mark = barrier.mark();
  const result = await work();
  await barrier.settle(mark);
  return result;
}

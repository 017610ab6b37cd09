/**
 * What the state seam needs from durable state (docs/decisions/016): hold a change's answer until
 * it is on disk (mock/state/memory-side.ts). Without `--state-file` there is no barrier.
 *
 * @example
 * const mark = barrier.mark();
 * store.upsert([record]);
 * await barrier.settle(mark); // then answer
 */
export interface WriteBarrier {
  /** A position in the stream of writes; pass it to `settle` after the work. */
  mark(): number;
  /** Resolves once every write since `mark` is on disk, at once when there was none; rejects when the disk failed. */
  settle(mark: number): Promise<void>;
}

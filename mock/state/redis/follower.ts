/**
 * This process's place in the change log: it applies the log's ops in order to its in-memory
 * state (the read model), so that every process holds the same state after the same op. A
 * writer appends its op, waits until it is applied here, and answers with what applying it gave
 * (`outcome`): the op's place in the log decides, the same on every process, which of two
 * redemptions of one code wins.
 */
import type { Redis } from 'ioredis';
import { ApiError } from '../../core/errors.ts';
import type { Logger } from '../../http/components.ts';
import { applyOp, type StateWorld } from '../apply-op.ts';
import { type Checkpoint, CHECKPOINT_EVERY, loadCheckpoint, takeCheckpoint } from './checkpoint.ts';
import type { StateOp } from '../ops.ts';
import type { RedisKeys } from './keys.ts';
import type { MockScripts } from './scripts.ts';

/** What the log holds for an op: the context it changes and the process that wrote it. */
export interface LogEntry {
  ctx: string;
  origin: string;
  op: StateOp;
  /** The seed of an empty prefix: skipped by a process that started from that very data. */
  seed?: true;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

const BATCH = 1000;

function opNumber(id: string): number {
  return Number(id.slice(0, id.indexOf('-')));
}

export class Follower {
  /** The number of the last op applied here. */
  applied = 0;
  #wanted = 0;
  #loop: Promise<void> | undefined;
  /** Outcomes of this process's own ops, until their writer takes them. */
  readonly #outcomes = new Map<number, Outcome>();

  constructor(
    private readonly client: Redis,
    private readonly scripts: MockScripts,
    private readonly keys: RedisKeys,
    private readonly world: StateWorld,
    private readonly origin: string,
    /** Whether the seed op gives the data this process started with. */
    private readonly startedFrom: (entry: LogEntry) => boolean,
    private readonly logger: Logger,
  ) {}

  /** Resolves once every op up to `target` is applied here. */
  catchUp(target: number): Promise<void> {
    if (this.applied >= target) return Promise.resolve();
    this.#wanted = Math.max(this.#wanted, target);
    this.#loop ??= this.#run().finally(() => (this.#loop = undefined));
    return this.#loop.then(() => (this.applied >= target ? undefined : this.catchUp(target)));
  }

  /**
   * Applies this process's own ops, numbered from `first` on, from memory when nothing came
   * between them and what is applied here: no read of the log and no parse. Otherwise it catches
   * up from the log, theirs included.
   */
  applyOwn(first: number, entries: readonly LogEntry[]): Promise<void> {
    if (this.#loop !== undefined || this.applied !== first - 1) return this.catchUp(first + entries.length - 1);
    // As the loop: a catch-up asked for meanwhile waits for it.
    this.#loop = this.#applyAll(first, entries).finally(() => (this.#loop = undefined));
    return this.#loop;
  }

  async #applyAll(first: number, entries: readonly LogEntry[]): Promise<void> {
    for (let i = 0; i < entries.length; i++) await this.#apply(first + i, entries[i]!);
  }

  /** What applying this process's op number `n` gave: its value, or the error it threw. */
  outcome(n: number): unknown {
    const outcome = this.#outcomes.get(n);
    this.#outcomes.delete(n);
    if (!outcome) throw new Error(`op ${n} of this process was not applied`);
    if (!outcome.ok) throw outcome.error;
    return outcome.value;
  }

  /** Starts from nothing again: the log this process followed is gone. */
  reset(): void {
    this.applied = 0;
    this.#wanted = 0;
    this.#outcomes.clear();
  }

  async #run(): Promise<void> {
    while (this.applied < this.#wanted) {
      const entries = await this.client.xrange(this.keys.log, `${this.applied + 1}-0`, '+', 'COUNT', BATCH);
      const first = entries.length === 0 ? Infinity : opNumber(entries[0]![0]);
      // Trimmed past what is applied here: the checkpoint it was trimmed to, then the rest.
      if (first > this.applied + 1) {
        await this.#loadCheckpoint();
        continue;
      }
      for (const [id, fields] of entries) await this.#apply(opNumber(id), JSON.parse(fields[1]!) as LogEntry);
    }
  }

  async #loadCheckpoint(): Promise<void> {
    const text = await this.client.get(this.keys.checkpoint);
    const checkpoint = text === null ? undefined : (JSON.parse(text) as Checkpoint);
    if (checkpoint === undefined || checkpoint.n <= this.applied) throw new Error(`the change log ends before op ${this.#wanted}`);
    await loadCheckpoint(this.world, checkpoint);
    this.applied = checkpoint.n;
  }

  /** Writes the state after op `n`, this process's, then trims the log before it: taken now, before the next op applies. */
  #checkpoint(n: number): void {
    const checkpoint = takeCheckpoint(this.world, n);
    if (checkpoint === undefined) return;
    this.scripts
      .checkpoint(this.keys.checkpoint, this.keys.checkpointOp, this.keys.log, n, JSON.stringify(checkpoint))
      .catch((error: unknown) => this.logger.warn(`no checkpoint at op ${n}: ${(error as Error).message}`));
  }

  async #apply(n: number, entry: LogEntry): Promise<void> {
    let outcome: Outcome;
    try {
      const skip = entry.seed === true && this.applied === 0 && this.startedFrom(entry);
      outcome = { ok: true, value: skip ? undefined : await applyOp(this.world, entry.ctx, entry.op) };
    } catch (error) {
      // Refused on every process alike: only its writer needs to hear it. Anything but a refusal
      // is a fault of this process, which may now differ from the others: say so.
      outcome = { ok: false, error };
      if (!(error instanceof ApiError)) this.logger.error(`op ${n} (${entry.op.kind}) failed here`, error);
    }
    this.applied = n;
    if (entry.origin !== this.origin) return;
    this.#outcomes.set(n, outcome);
    if (n % CHECKPOINT_EVERY === 0) this.#checkpoint(n);
  }
}

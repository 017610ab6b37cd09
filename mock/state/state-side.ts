/**
 * The state seam (docs/decisions/037): one interface, chosen once in
 * `createApp` and handed down; nothing in mock/core/ or the handlers knows which side serves.
 * A side applies the ops of every context (`commitFor`), makes the contexts' rate limiter and
 * journal, and may add one stage to the edge (`refresh`): the Redis side's check that this
 * process has applied every change acknowledged anywhere. The memory side has none, so the
 * default pipeline pays nothing for the seam.
 */
import type { Journal } from '../http/journal/request-journal.ts';
import type { MockRequest } from '../http/pipeline/exchange.ts';
import type { Limiter } from '../http/rate-limiter.ts';
import type { StateWorld } from './apply-op.ts';
import type { Commit } from './ops.ts';

/** `/healthz` names it: in this process, in a file (`--state-file`), or in Redis (`--redis`). */
export type StateKind = 'memory' | 'file' | 'redis';

export interface StateSide {
  readonly kind: StateKind;
  /** The commit of a context: `''` is the root's, else a session's id. */
  commitFor(ctx: string): Commit;
  limiterFor(ctx: string): Limiter | undefined;
  journalFor(ctx: string): Journal | undefined;
  /**
   * Runs at the edge before a request is routed, when set: rejects with an `ApiError` 503 when
   * the state cannot be read. `undefined` on a side whose state is always current.
   */
  readonly refresh: ((req: MockRequest) => Promise<void>) | undefined;
  /** Whether the state can be read right now, for `/metrics`' backend gauge: always, but in Redis. */
  healthy(): boolean;
  /** Gives the side the state it applies ops to, and brings that state up to date. */
  start(world: StateWorld): Promise<void>;
  close(): Promise<void>;
}

/**
 * The default side of the state seam: ops are applied at once, in this process, and answered
 * without a promise; rate limits and the journal are this process's own. `--state-file` is this
 * side too, with the store's changes journaled to disk (mock/persistence/durable-store.ts) and
 * the answers held by the write barrier until they are there.
 */
import type { MockConfig } from '../config.ts';
import type { Clock } from '../http/components.ts';
import { RequestJournal } from '../http/journal/request-journal.ts';
import { RateLimiter } from '../http/rate-limiter.ts';
import { applyOp, type StateWorld } from './apply-op.ts';
import type { Commit } from './ops.ts';
import type { StateKind, StateSide } from './state-side.ts';

export function memorySide(config: MockConfig, clock: Clock, kind: StateKind = 'memory'): StateSide {
  let world: StateWorld | undefined;
  return {
    kind,
    commitFor: (ctx): Commit => (op) => applyOp(world!, ctx, op),
    limiterFor: () => (config.rateLimit ? new RateLimiter(clock, config.rateLimits) : undefined),
    journalFor: () => (config.journalSize > 0 ? new RequestJournal(config.journalSize) : undefined),
    refresh: undefined,
    start: async (given) => {
      world = given;
    },
    close: async () => {},
  };
}

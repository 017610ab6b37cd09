/**
 * The default side of the state seam: ops are applied at once, in this process, and answered
 * without a promise; rate limits and the journal are this process's own. `--state-file` is this
 * side with a write barrier (docs/decisions/016): the root's store changes are journaled to the
 * file (mock/persistence/durable-store.ts), and a change is answered only once it is on disk.
 * Sessions stay in memory.
 */
import type { MockConfig } from '../config.ts';
import type { Clock } from '../http/components.ts';
import { RequestJournal } from '../http/journal/request-journal.ts';
import { RateLimiter } from '../http/rate-limiter.ts';
import type { WriteBarrier } from '../persistence/write-barrier.ts';
import { applyOp, type StateWorld } from './apply-op.ts';
import type { Commit, StateOp } from './ops.ts';
import type { StateSide } from './state-side.ts';

/** The ops that change the store, which a state file keeps. */
const STORE_OPS = new Set<StateOp['kind']>(['upsert', 'update', 'delete', 'reset']);

export function memorySide(config: MockConfig, clock: Clock, barrier?: WriteBarrier): StateSide {
  let world: StateWorld | undefined;
  const commitFor = (ctx: string): Commit => {
    if (barrier === undefined || ctx !== '') return (op) => applyOp(world!, ctx, op);
    return (op) => {
      if (!STORE_OPS.has(op.kind)) return applyOp(world!, ctx, op);
      const mark = barrier.mark();
      const result = applyOp(world!, ctx, op);
      return (result instanceof Promise ? result : Promise.resolve(result)).then(async (value) => {
        await barrier.settle(mark);
        return value;
      });
    };
  };
  return {
    kind: barrier ? 'file' : 'memory',
    commitFor,
    limiterFor: () => (config.rateLimit ? new RateLimiter(clock, config.rateLimits) : undefined),
    journalFor: () => (config.journalSize > 0 ? new RequestJournal(config.journalSize) : undefined),
    refresh: undefined,
    healthy: () => true,
    start: async (given) => {
      world = given;
    },
    close: async () => {},
  };
}

/**
 * A session's components: the root's static parts (config, logger) with state of its own, a
 * store, tokens and codes, rate-limit windows and a journal (`--state-file` keeps the root's store
 * only; sessions live in memory). The state side makes the session's
 * commit, limiter and journal, under the session's own key space when they live in Redis.
 */
import type { CustomerRecord } from '../../../spec/index.ts';
import { CustomerStore } from '../../core/customer-store.ts';
import type { StateSide } from '../../state/state-side.ts';
import type { Clock } from '../components.ts';
import { TokenStore } from '../oauth/token-store.ts';
import type { MockContext } from '../pipeline/context.ts';
import { SESSIONS_PREFIX } from './session-registry.ts';

export function sessionContexts(root: MockContext, clock: Clock, side: StateSide): (id: string, records: Iterable<CustomerRecord>) => MockContext {
  const { config } = root;
  return (id, records) => ({
    config,
    logger: root.logger,
    store: new CustomerStore(records),
    tokens: new TokenStore(clock, config.tokenTtl, { refreshTtlSeconds: config.refreshTtl }),
    commit: side.commitFor(id),
    limiter: side.limiterFor(id),
    journal: side.journalFor(id),
    basePath: `${SESSIONS_PREFIX}${id}`,
  });
}

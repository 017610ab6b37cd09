/**
 * A session's components: the root's static parts (config, logger) with state of its own, a
 * store, tokens and codes, rate-limit windows and a journal, and no write barrier (`--state-file`
 * keeps the root's store only; sessions live in memory).
 */
import type { CustomerRecord } from '../../../spec/index.ts';
import { CustomerStore } from '../../core/customer-store.ts';
import type { Clock } from '../components.ts';
import { RequestJournal } from '../journal/request-journal.ts';
import { TokenStore } from '../oauth/token-store.ts';
import type { MockContext } from '../pipeline/context.ts';
import { RateLimiter } from '../rate-limiter.ts';
import { SESSIONS_PREFIX } from './session-registry.ts';

export function sessionContexts(root: MockContext, clock: Clock): (id: string, records: Iterable<CustomerRecord>) => MockContext {
  const { config } = root;
  return (id, records) => ({
    config,
    logger: root.logger,
    store: new CustomerStore(records),
    tokens: new TokenStore(clock, config.tokenTtl, { refreshTtlSeconds: config.refreshTtl }),
    limiter: config.rateLimit ? new RateLimiter(clock, config.rateLimits) : undefined,
    barrier: undefined,
    journal: config.journalSize > 0 ? new RequestJournal(config.journalSize) : undefined,
    basePath: `${SESSIONS_PREFIX}${id}`,
  });
}

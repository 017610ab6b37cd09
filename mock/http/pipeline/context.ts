/**
 * What a request is served with. The pipeline is built once, at start, from the static parts
 * (config, validators, handlers, logger); the parts that hold state (the store, tokens, rate-limit
 * windows, the commit of changes) are a `MockContext`, chosen for each request where it
 * enters and read by every step from `req.context`. Today there is one, the
 * root's; a test session would be another with the same shape.
 */
import type { MockConfig } from '../../config.ts';
import type { CustomerStore } from '../../core/customer-store.ts';
import type { Logger } from '../components.ts';
import type { Journal } from '../journal/request-journal.ts';
import type { Commit } from '../../state/ops.ts';
import type { TokenStore } from '../oauth/token-store.ts';
import type { Limiter } from '../rate-limiter.ts';

export interface MockContext {
  readonly config: MockConfig;
  readonly store: CustomerStore;
  readonly tokens: TokenStore;
  /**
   * Every change of `store`, `tokens` or the sessions goes through here (mock/state/ops.ts): the
   * state side chosen at start applies it in memory, or logs it in Redis first. `store` and
   * `tokens` are read directly.
   */
  readonly commit: Commit;
  /** `undefined` with `--rate-limit off`. */
  readonly limiter: Limiter | undefined;
  /** Where unexpected errors are reported. */
  readonly logger: Logger;
  /** The path prefix this context is served under: '' at the root. Redirects and pages stay under it. */
  readonly basePath: string;
  /** The requests this context served (`--journal-size`); `undefined` when the journal is off. */
  readonly journal?: Journal | undefined;
}

/**
 * The live test sessions: each a `MockContext` of its own (store, tokens and codes, rate-limit
 * windows, journal) served under `/__sessions/{id}`. The edge asks `enter` for the context of a
 * request; nothing below it knows sessions exist. A session unused for the TTL ends the next time
 * anyone looks (`enter` for that one, `create` and `list` for all): no timer to clean up, and the
 * memory of an idle session is returned at the next admin call at the latest.
 */
import type { CustomerRecord } from '../../../spec/index.ts';
import type { ApiError } from '../../core/errors.ts';
import type { Clock } from '../components.ts';
import type { MockContext } from '../pipeline/context.ts';
import { sessionErrors } from './session-errors.ts';

export const SESSIONS_PREFIX = '/__sessions/';

/**
 * RFC 8414 §3.1 puts an issuer's path after the well-known name, so the discovery document of the
 * issuer `/__sessions/{id}` is also at `/.well-known/oauth-authorization-server/__sessions/{id}`.
 */
const DISCOVERY = '/.well-known/oauth-authorization-server';
const DISCOVERY_OF_SESSION = `${DISCOVERY}${SESSIONS_PREFIX}`;

/** Whether a path is a session's: two prefix checks, all a request at the root pays for sessions. */
export function isSessionPath(path: string): boolean {
  return path.startsWith(SESSIONS_PREFIX) || path.startsWith(DISCOVERY_OF_SESSION);
}

export interface SessionLimits {
  /** Seconds a session may go unused before it ends. */
  ttlSeconds: number;
  maxSessions: number;
}

interface Session {
  context: MockContext;
  lastUsed: number;
}

export class SessionRegistry {
  readonly #sessions = new Map<string, Session>();
  /** Ids whose data is still being made: taken, so a second create of one is a 409 at once. */
  readonly #pending = new Set<string>();
  #made = 0;

  constructor(
    private readonly clock: Clock,
    private readonly limits: SessionLimits,
    /** Builds a session's context around its own store. */
    private readonly contextFor: (id: string, records: Iterable<CustomerRecord>) => MockContext,
  ) {}

  /**
   * The context of the session a path names, and the path below its prefix (`/` at the least);
   * or the 404 to answer. Called only for paths of `isSessionPath`.
   */
  enter(path: string): { context: MockContext; path: string } | ApiError {
    if (path.startsWith(DISCOVERY_OF_SESSION)) {
      const entered = this.enter(path.slice(DISCOVERY.length));
      return entered instanceof Error || entered.path !== '/' ? entered : { context: entered.context, path: DISCOVERY };
    }
    const slash = path.indexOf('/', SESSIONS_PREFIX.length);
    const id = slash < 0 ? path.slice(SESSIONS_PREFIX.length) : path.slice(SESSIONS_PREFIX.length, slash);
    const session = this.#live(id);
    if (!session) return sessionErrors.notFound(id);
    session.lastUsed = this.clock.now();
    return { context: session.context, path: slash < 0 ? '/' : path.slice(slash) };
  }

  /** Reserves an id (given, or the next free `session-N`), then makes the session's data. */
  async create(requestedId: string | undefined, records: () => Promise<Iterable<CustomerRecord>> | Iterable<CustomerRecord>): Promise<MockContext> {
    this.#sweep();
    if (requestedId !== undefined && (this.#sessions.has(requestedId) || this.#pending.has(requestedId))) throw sessionErrors.idInUse(requestedId);
    if (this.#sessions.size + this.#pending.size >= this.limits.maxSessions) throw sessionErrors.tooMany(this.limits.maxSessions);
    const id = requestedId ?? this.#freeId();
    this.#pending.add(id);
    try {
      const context = this.contextFor(id, await records());
      this.#sessions.set(id, { context, lastUsed: this.clock.now() });
      return context;
    } finally {
      this.#pending.delete(id);
    }
  }

  /** How many ids `session-N` were drawn: part of a checkpoint, so every process draws the same next one. */
  get made(): number {
    return this.#made;
  }

  set made(count: number) {
    this.#made = count;
  }

  /** The context of a live session, without counting as a use. */
  get(id: string): MockContext | undefined {
    return this.#live(id)?.context;
  }

  list(): Array<{ id: string; context: MockContext }> {
    this.#sweep();
    return [...this.#sessions].map(([id, session]) => ({ id, context: session.context }));
  }

  delete(id: string): boolean {
    return this.#end(id);
  }

  /** Ends every session: the mock is closing. */
  endAll(): void {
    for (const id of [...this.#sessions.keys()]) this.#end(id);
  }

  /** Forgets a session and stops what it runs (its token store's sweep timer). */
  #end(id: string): boolean {
    const session = this.#sessions.get(id);
    if (!session) return false;
    this.#sessions.delete(id);
    session.context.tokens.close();
    return true;
  }

  get size(): number {
    return this.#sessions.size;
  }

  #live(id: string): Session | undefined {
    const session = this.#sessions.get(id);
    if (session && this.#expired(session, this.clock.now())) {
      this.#end(id);
      return undefined;
    }
    return session;
  }

  #expired(session: Session, now: number): boolean {
    return now - session.lastUsed >= this.limits.ttlSeconds * 1000;
  }

  #sweep(): void {
    const now = this.clock.now();
    for (const [id, session] of this.#sessions) if (this.#expired(session, now)) this.#end(id);
  }

  #freeId(): string {
    let id: string;
    do id = `session-${++this.#made}`;
    while (this.#sessions.has(id) || this.#pending.has(id));
    return id;
  }
}

/**
 * The one round trip a request costs the Redis side before it is served (docs/decisions/037):
 * the log's head, to know whether this process must catch up, the request's rate-limit count,
 * and for a session's request whether the session is still alive, timed anew. Requests that arrive in one turn of the event loop share one script call: it is sent
 * after they all arrived (`setImmediate`), so the head it reads is at least as new as any write
 * acknowledged before any of them arrived, and their counts go in per client.
 */
import type { Clock } from '../../http/components.ts';
import type { RateDecision, RateLimits } from '../../http/rate-limiter.ts';
import type { RedisKeys } from './keys.ts';
import type { MockScripts } from './scripts.ts';
import { atEndOfTurn } from './end-of-turn.ts';

/** A call to count: the client's, in a context (`''` the root, else a session). */
export interface RateCall {
  ctx: string;
  clientId: string;
}

export interface RoundAnswer {
  head: number;
  /** The rate decision of the request's call, when it had one counted. */
  decision: RateDecision | undefined;
  /** For a session's request: false when the session ended unused (`--session-ttl`). */
  alive: boolean;
}

interface Waiting {
  rate: RateCall | undefined;
  /** The session the request is for, or `''` at the root. */
  session: string;
  resolve: (answer: RoundAnswer) => void;
  reject: (error: unknown) => void;
}

export class RequestRounds {
  #waiting: Waiting[] = [];

  constructor(
    private readonly scripts: MockScripts,
    private readonly keys: RedisKeys,
    private readonly clock: Clock,
    private readonly limits: RateLimits,
    private readonly sessionTtlMs: number,
  ) {}

  join(rate: RateCall | undefined, session = ''): Promise<RoundAnswer> {
    return new Promise((resolve, reject) => {
      if (this.#waiting.length === 0) atEndOfTurn(() => this.#send());
      this.#waiting.push({ rate, session, resolve, reject });
    });
  }

  #send(): void {
    const round = this.#waiting;
    this.#waiting = [];
    const now = this.clock.now();
    const second = Math.floor(now / 1000);
    const minute = Math.floor(now / 60_000);
    // The round's calls by client, in the order they arrived.
    const groups = new Map<string, Waiting[]>();
    for (const waiting of round) {
      if (waiting.rate === undefined) continue;
      const key = `${waiting.rate.ctx}\n${waiting.rate.clientId}`;
      const group = groups.get(key);
      if (group) group.push(waiting);
      else groups.set(key, [waiting]);
    }
    const keys = [this.keys.head];
    const args = [this.limits.perSecond, this.limits.perMinute, groups.size, this.sessionTtlMs];
    for (const group of groups.values()) {
      const { ctx, clientId } = group[0]!.rate!;
      keys.push(this.keys.rateSecond(ctx, clientId, second), this.keys.rateMinute(ctx, clientId, minute));
      args.push(group.length);
    }
    const sessions = [...new Set(round.map((waiting) => waiting.session).filter((session) => session !== ''))];
    for (const session of sessions) keys.push(this.keys.sessionAlive(session));
    this.scripts.round(keys, args).then(
      (answer) => this.#answer(round, groups, sessions, answer, now, second + 1, (minute + 1) * 60),
      (error: unknown) => {
        for (const waiting of round) waiting.reject(error);
      },
    );
  }

  #answer(round: Waiting[], groups: Map<string, Waiting[]>, sessions: string[], answer: number[], now: number, secondEnd: number, minuteEnd: number): void {
    const head = answer[0]!;
    const decisions = new Map<Waiting, RateDecision>();
    let at = 1;
    for (const group of groups.values()) {
      const [allowed, inSecond, inMinute] = [answer[at]!, answer[at + 1]!, answer[at + 2]!];
      at += 3;
      group.forEach((waiting, k) => decisions.set(waiting, this.#decide(k < allowed, inSecond - allowed + k + 1, inMinute - allowed + k + 1, inMinute, now, secondEnd, minuteEnd)));
    }
    const ended = new Set(sessions.filter((_, k) => answer[at + k] === 0));
    for (const waiting of round) waiting.resolve({ head, decision: decisions.get(waiting), alive: !ended.has(waiting.session) });
  }

  #decide(allowed: boolean, inSecond: number, inMinute: number, minuteTotal: number, now: number, secondEnd: number, minuteEnd: number): RateDecision {
    const { perSecond, perMinute } = this.limits;
    if (!allowed) {
      const byMinute = minuteTotal >= perMinute;
      const reset = byMinute ? minuteEnd : secondEnd;
      return {
        allowed: false,
        remaining: 0,
        reset,
        retryAfter: Math.max(1, Math.ceil((reset * 1000 - now) / 1000)),
        limit: byMinute ? `${perMinute} calls a minute` : `${perSecond} calls a second`,
      };
    }
    const leftInSecond = perSecond - inSecond;
    const leftInMinute = perMinute - inMinute;
    return leftInMinute < leftInSecond
      ? { allowed: true, remaining: leftInMinute, reset: minuteEnd, retryAfter: 0, limit: '' }
      : { allowed: true, remaining: leftInSecond, reset: secondEnd, retryAfter: 0, limit: '' };
  }
}

/**
 * Where the mock's state lives in Redis, under `--redis-prefix`: one change log for every
 * context, and per context (the root, each session) its own rate-limit windows and journal.
 */
export interface RedisKeys {
  /** The number of the last op in the log. */
  head: string;
  /** The change log, a stream of ops numbered `N-0`. */
  log: string;
  /** The state after some op of the log, which the log before it was trimmed to (checkpoint.ts). */
  checkpoint: string;
  /** The op number of the checkpoint. */
  checkpointOp: string;
  rateSecond(ctx: string, clientId: string, second: number): string;
  rateMinute(ctx: string, clientId: string, minute: number): string;
  journalIds(ctx: string): string;
  /** A session's idle timer: the key lives for `--session-ttl` after the session's last request. */
  sessionAlive(ctx: string): string;
  journal(ctx: string): string;
}

export function redisKeys(prefix: string): RedisKeys {
  // '' is the root; a session id cannot contain ':' (session-request.ts), so keys cannot collide.
  const space = (ctx: string) => (ctx === '' ? `${prefix}:root` : `${prefix}:session:${ctx}`);
  return {
    head: `${prefix}:head`,
    log: `${prefix}:log`,
    checkpoint: `${prefix}:checkpoint`,
    checkpointOp: `${prefix}:checkpoint-op`,
    rateSecond: (ctx, clientId, second) => `${space(ctx)}:rate:${clientId}:s${second}`,
    rateMinute: (ctx, clientId, minute) => `${space(ctx)}:rate:${clientId}:m${minute}`,
    journalIds: (ctx) => `${space(ctx)}:journal-ids`,
    sessionAlive: (ctx) => `${space(ctx)}:alive`,
    journal: (ctx) => `${space(ctx)}:journal`,
  };
}

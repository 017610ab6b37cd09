/**
 * The connection to Redis, set up to fail fast rather than wait (docs/decisions/037): no offline
 * queue and no resending, so a command while Redis is away fails at once and the request gets a
 * 503, never an answer from state that may be stale; a short command timeout for a Redis that
 * hangs; reconnecting every 200 ms, so that the mock serves again soon after Redis is back.
 */
import { Redis } from 'ioredis';
import { withoutPassword } from '../../config/redis-flags.ts';
import { errors } from '../../core/errors.ts';

/** How long a start waits for Redis before it gives up (exit 2). */
export const START_WAIT_MS = 5000;
const COMMAND_TIMEOUT_MS = 800;
const RECONNECT_MS = 200;

/** Redis could not be reached at start: a start error, like a bad flag. */
export class RedisStartError extends Error {
  override name = 'RedisStartError';
}

export async function connectRedis(url: string, waitMs = START_WAIT_MS): Promise<Redis> {
  const client = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    enableAutoPipelining: true,
    autoResendUnfulfilledCommands: false,
    maxRetriesPerRequest: 0,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: 1000,
    retryStrategy: () => RECONNECT_MS,
  });
  let lastError = '';
  client.on('error', (error: Error) => {
    lastError = error.message;
  });
  const deadline = Date.now() + waitMs;
  client.connect().catch(() => {});
  while (client.status !== 'ready' && Date.now() < deadline) await sleep(50);
  if (client.status !== 'ready') {
    client.disconnect();
    throw new RedisStartError(
      `Redis at ${withoutPassword(url)} cannot be reached after ${waitMs / 1000} s${lastError ? ` (${lastError})` : ''}; start it (e.g. redis-server --port 6379) or fix --redis.`,
    );
  }
  return client;
}

/** The 503 for a request that needs Redis while it is away. */
export function redisUnavailable(url: string, error: unknown) {
  const reason = error instanceof Error ? error.message : String(error);
  return errors.unavailable(`The mock's state in Redis at ${withoutPassword(url)} cannot be reached (${reason}); retry when Redis is back.`, 1);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

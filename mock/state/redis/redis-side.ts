/**
 * The Redis side of the state seam (docs/decisions/037). Each process keeps today's in-memory
 * store, tokens and sessions as its read model; every change is an op appended to one change log
 * in Redis before it is answered, and applied by every process in the log's order. Each request
 * first asks Redis for the log's head (one command, auto-pipelined): when this process is behind,
 * it applies the missing ops before it answers, so no process answers from older state than
 * anything acknowledged anywhere. Rate limits and the journal live in Redis itself.
 */
import { hostname } from 'node:os';
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { MockConfig } from '../../config.ts';
import { ApiError } from '../../core/errors.ts';
import type { Clock, Logger } from '../../http/components.ts';
import type { StateWorld } from '../apply-op.ts';
import type { DataSource, OpResult, StateOp } from '../ops.ts';
import type { StateSide } from '../state-side.ts';
import { connectRedis, redisUnavailable, RedisStartError } from './connect.ts';
import { Appender } from './appender.ts';
import { Follower, type LogEntry } from './follower.ts';
import { redisKeys } from './keys.ts';
import { redisJournal } from './redis-journal.ts';
import { redisLimiter } from './redis-limiter.ts';
import { type RateCall, RequestRounds } from './request-round.ts';
import type { MockRequest } from '../../http/pipeline/exchange.ts';
import { SESSIONS_PREFIX } from '../../http/sessions/session-registry.ts';
import { API_PREFIXES } from '../../http/operation-routes.ts';
import { defineScripts } from './scripts.ts';

export async function redisSide(config: MockConfig, clock: Clock, logger: Logger): Promise<StateSide> {
  const url = config.redis!;
  const client = await connectRedis(url);
  const scripts = defineScripts(client);
  const keys = redisKeys(config.redisPrefix);
  const origin = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const unavailable = (error: unknown): Error => (error instanceof ApiError ? error : redisUnavailable(url, error));
  // The first op of an empty prefix: this process's start data, which it holds already.
  const seed: LogEntry = { ctx: '', origin, op: { kind: 'reset', data: startData(config) }, seed: true };
  const seedText = JSON.stringify(seed.op);
  let world: StateWorld | undefined;
  let follower: Follower | undefined;
  let reloading: Promise<void> | undefined;

  const sessionTtlMs = config.sessionTtl * 1000;
  const rounds = new RequestRounds(scripts, keys, clock, config.rateLimits, sessionTtlMs);
  const appender = new Appender(scripts, keys, () => follower!);
  const head = async (): Promise<number> => Number((await client.get(keys.head)) ?? 0);

  /** Redis lost what this process applied (it came back empty): start again from the start data. */
  const reload = async (): Promise<void> => {
    logger.warn(`the change log in Redis at ${config.redisPrefix} is behind this process (Redis lost its data?): loading it again`);
    follower!.reset();
    world!.sessions.endAll();
    world!.root.tokens.clear();
    world!.root.store.replaceAll(await world!.records(startData(config)));
    await scripts.seedOnce(keys.head, keys.log, JSON.stringify(seed));
    await follower!.catchUp(await head());
  };

  /** Ends the sessions whose idle timer ran out, without starting the others' again. */
  const endUnused = async (): Promise<void> => {
    const ids = world!.sessions.list().map(({ id }) => id);
    const alive = await Promise.all(ids.map((id) => client.exists(keys.sessionAlive(id))));
    for (const [k, id] of ids.entries()) if (alive[k] === 0) await commit('', { kind: 'sessionEnd', id });
  };

  const commit = async <O extends StateOp>(ctx: string, op: O): Promise<OpResult<O>> => {
    let n: number;
    try {
      n = await appender.append({ ctx, origin, op });
    } catch (error) {
      throw unavailable(error);
    }
    const value = follower!.outcome(n) as OpResult<O>;
    // A new session's idle timer starts before its 201; an ended one's journal goes with it.
    try {
      if (op.kind === 'sessionCreate') await client.set(keys.sessionAlive(value as string), '1', 'PX', sessionTtlMs);
    } catch (error) {
      throw unavailable(error);
    }
    if (op.kind === 'sessionEnd' && value === true) client.del(keys.journal(op.id), keys.journalIds(op.id), keys.sessionAlive(op.id)).catch(() => {});
    return value;
  };

  return {
    kind: 'redis',
    commitFor: (ctx) => (op) => commit(ctx, op),
    limiterFor: (ctx) => (config.rateLimit ? redisLimiter(rounds, ctx, unavailable) : undefined),
    journalFor: (ctx) => (config.journalSize > 0 ? redisJournal(client, scripts, keys, ctx, config.journalSize, logger, unavailable) : undefined),
    refresh: async (req) => {
      try {
        const { ctx, path } = requestContext(req);
        const rate = config.rateLimit ? rateCall(world!, req, ctx, path) : undefined;
        const { head: latest, decision, alive } = await rounds.join(rate, ctx);
        if (decision !== undefined) req.rateAhead = { clientId: rate!.clientId, decision };
        // Unused for --session-ttl on every process: it ends for all (docs/decisions/037).
        // (The commit catches this process up past `latest`.)
        if (!alive && world!.sessions.get(ctx) !== undefined) return void (await commit('', { kind: 'sessionEnd', id: ctx }));
        if (latest !== follower!.applied) {
          if (latest > follower!.applied && reloading === undefined) await follower!.catchUp(latest);
          else await (reloading ??= reload().finally(() => (reloading = undefined)));
        }
        // Listing or adding sessions: those unused for --session-ttl end first, as in memory.
        if (ctx === '' && path.startsWith(SESSIONS_ADMIN)) await endUnused();
      } catch (error) {
        throw unavailable(error);
      }
    },
    healthy: () => client.status === 'ready',
    start: async (given) => {
      world = given;
      follower = new Follower(client, scripts, keys, given, origin, (entry) => JSON.stringify(entry.op) === seedText, logger);
      try {
        await scripts.seedOnce(keys.head, keys.log, JSON.stringify(seed));
        await follower.catchUp(await head());
      } catch (error) {
        throw new RedisStartError(`the mock's state in Redis could not be read: ${(error as Error).message}`);
      }
    },
    close: () => quit(client),
  };
}

/**
 * The API call a request will have counted, when its bearer is known here already: counted in the
 * request's round, so that a read costs one round trip. A bearer not known yet (issued elsewhere
 * a moment ago) is counted by the limiter, after this process caught up.
 */
function rateCall(world: StateWorld, req: MockRequest, ctx: string, path: string): RateCall | undefined {
  const authorization = req.headers.authorization;
  if (authorization === undefined || !authorization.startsWith('Bearer ')) return undefined;
  // Only the API's operations are rate-limited (operation-routes.ts).
  if (!API_PREFIXES.some((prefix) => path.startsWith(`${prefix}/v1/`))) return undefined;
  const context = ctx === '' ? world.root : world.sessions.get(ctx);
  const found = context?.tokens.lookup(authorization.slice(7));
  return found?.ok ? { ctx, clientId: found.grant.clientId } : undefined;
}

const SESSIONS_ADMIN = '/__admin/sessions';

/** The session a request is for, by its path alone (`''` at the root), and the path below it. */
function requestContext(req: MockRequest): { ctx: string; path: string } {
  const url = req.url ?? '/';
  if (!url.startsWith(SESSIONS_PREFIX)) return { ctx: '', path: url };
  const slash = url.indexOf('/', SESSIONS_PREFIX.length);
  const end = slash < 0 ? url.length : slash;
  const ctx = url.slice(SESSIONS_PREFIX.length, end).split('?')[0]!;
  return { ctx, path: slash < 0 ? '/' : url.slice(slash) };
}

/** What a process starts from, as an op can say it: generated from seed and count, or `--fixtures`. */
function startData(config: MockConfig): DataSource {
  return config.fixtures ? { kind: 'defaults' } : { kind: 'generate', seed: config.seed, count: config.count };
}

async function quit(client: Redis): Promise<void> {
  try {
    await client.quit();
  } catch {
    client.disconnect();
  }
}

/**
 * The Lua scripts of the Redis side, each one atomic in Redis and one round trip from here
 * (ioredis `defineCommand` sends EVALSHA and falls back to EVAL once). Keys are passed, never
 * built inside a script, so a cluster-aware prefix (`{mock}`) keeps working.
 */
import type { Redis } from 'ioredis';

/** The change log: the head counter gives each op its number, the stream keeps the op under `N-0`. */
const APPEND = `
local n = redis.call('INCR', KEYS[1])
redis.call('XADD', KEYS[2], n .. '-0', 'op', ARGV[1])
return n`;

/** The first op of an empty prefix, written by exactly one of the processes that start together. */
const SEED = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('INCR', KEYS[1])
redis.call('XADD', KEYS[2], '1-0', 'op', ARGV[1])
return 1`;

/**
 * Fixed windows of a second and a minute (docs/decisions/007), counted for every process:
 * a refused call is not counted. Answers {allowed, count in the second, count in the minute}.
 */
const RATE = `
local minute = tonumber(redis.call('GET', KEYS[2]) or '0')
if minute >= tonumber(ARGV[2]) then return {0, 0, minute} end
local second = tonumber(redis.call('GET', KEYS[1]) or '0')
if second >= tonumber(ARGV[1]) then return {0, second, minute} end
second = redis.call('INCR', KEYS[1])
minute = redis.call('INCR', KEYS[2])
if second == 1 then redis.call('PEXPIRE', KEYS[1], 2000) end
if minute == 1 then redis.call('PEXPIRE', KEYS[2], 120000) end
return {1, second, minute}`;

/** A journal entry under the next global id; ARGV[1] is the entry's JSON text after its id. */
const JOURNAL = `
local id = redis.call('INCR', KEYS[1])
redis.call('LPUSH', KEYS[2], '{"id":' .. id .. ',' .. ARGV[1])
redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[2]) - 1)
return id`;

export interface MockScripts {
  appendOp(head: string, log: string, op: string): Promise<number>;
  seedOnce(head: string, log: string, op: string): Promise<number>;
  countRate(second: string, minute: string, perSecond: number, perMinute: number): Promise<[number, number, number]>;
  journalEntry(ids: string, list: string, rest: string, capacity: number): Promise<number>;
}

export function defineScripts(client: Redis): MockScripts {
  client.defineCommand('mockAppend', { numberOfKeys: 2, lua: APPEND });
  client.defineCommand('mockSeed', { numberOfKeys: 2, lua: SEED });
  client.defineCommand('mockRate', { numberOfKeys: 2, lua: RATE });
  client.defineCommand('mockJournal', { numberOfKeys: 2, lua: JOURNAL });
  const call = client as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  return {
    appendOp: (head, log, op) => call.mockAppend!(head, log, op) as Promise<number>,
    seedOnce: (head, log, op) => call.mockSeed!(head, log, op) as Promise<number>,
    countRate: (second, minute, perSecond, perMinute) => call.mockRate!(second, minute, perSecond, perMinute) as Promise<[number, number, number]>,
    journalEntry: (ids, list, rest, capacity) => call.mockJournal!(ids, list, rest, capacity) as Promise<number>,
  };
}

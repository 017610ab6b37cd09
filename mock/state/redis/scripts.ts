/**
 * The Lua scripts of the Redis side, each one atomic in Redis and one round trip from here
 * (ioredis `defineCommand` sends EVALSHA and falls back to EVAL once). Keys are passed, never
 * built inside a script, so a cluster-aware prefix (`{mock}`) keeps working.
 */
import type { Redis } from 'ioredis';

/** The change log: the head counter gives each op its number, the stream keeps the op under `N-0`; the first number is answered. */
const APPEND = `
local first = redis.call('INCRBY', KEYS[1], #ARGV) - #ARGV + 1
for i = 1, #ARGV do
  redis.call('XADD', KEYS[2], (first + i - 1) .. '-0', 'op', ARGV[i])
end
return first`;

/** The first op of an empty prefix, written by exactly one of the processes that start together. */
const SEED = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('INCR', KEYS[1])
redis.call('XADD', KEYS[2], '1-0', 'op', ARGV[1])
return 1`;

/**
 * A checkpoint (checkpoint.ts) and the trim of the log before it, in one step, and only when it is
 * newer than the one stored: two processes' checkpoints never go back in time. KEYS: the
 * checkpoint, its op number, the log; ARGV: the op number, the checkpoint.
 */
const CHECKPOINT = `
if tonumber(redis.call('GET', KEYS[2]) or '0') >= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[1], ARGV[2])
redis.call('SET', KEYS[2], ARGV[1])
redis.call('XTRIM', KEYS[3], 'MINID', (tonumber(ARGV[1]) + 1) .. '-0')
return 1`;

/**
 * One round of requests (request-round.ts): the log's head; for each client of the round the calls
 * it wants counted in the fixed windows of a second and a minute (docs/decisions/007), counted for
 * every process alike, refused calls not counted; and for each session the round uses, its
 * idle timer started again. KEYS: the head, a second's and a minute's key per client, then a key
 * per session. ARGV: the two limits, the number of clients, the session TTL in ms, then the calls
 * per client. Answers the head, per client {calls allowed, count in the second, count in the
 * minute}, then per session 1 when it is alive, 0 when it ended unused.
 */
const ROUND = `
local out = {tonumber(redis.call('GET', KEYS[1]) or '0')}
local perSecond = tonumber(ARGV[1])
local perMinute = tonumber(ARGV[2])
local clients = tonumber(ARGV[3])
for c = 1, clients do
  local i = 2 * c
  local want = tonumber(ARGV[4 + c])
  local second = tonumber(redis.call('GET', KEYS[i]) or '0')
  local minute = tonumber(redis.call('GET', KEYS[i + 1]) or '0')
  local allowed = math.max(0, math.min(want, perSecond - second, perMinute - minute))
  if allowed > 0 then
    second = redis.call('INCRBY', KEYS[i], allowed)
    minute = redis.call('INCRBY', KEYS[i + 1], allowed)
    if second == allowed then redis.call('PEXPIRE', KEYS[i], 2000) end
    if minute == allowed then redis.call('PEXPIRE', KEYS[i + 1], 120000) end
  end
  out[#out + 1] = allowed
  out[#out + 1] = second
  out[#out + 1] = minute
end
for k = 2 + 2 * clients, #KEYS do
  out[#out + 1] = redis.call('PEXPIRE', KEYS[k], ARGV[4])
end
return out`;

/** Journal entries under the next global ids, oldest first, each kept as "ID RAW"; ARGV: the capacity, then each entry's raw text. */
const JOURNAL = `
local n = #ARGV - 1
local last = redis.call('INCRBY', KEYS[1], n)
for i = 2, #ARGV do
  redis.call('LPUSH', KEYS[2], (last - n + i - 1) .. ' ' .. ARGV[i])
end
redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[1]) - 1)
return last`;

export interface MockScripts {
  appendOps(head: string, log: string, ops: string[]): Promise<number>;
  seedOnce(head: string, log: string, op: string): Promise<number>;
  round(keys: string[], args: number[]): Promise<number[]>;
  journalEntries(ids: string, list: string, capacity: number, rests: string[]): Promise<number>;
  checkpoint(checkpoint: string, number: string, log: string, n: number, state: string): Promise<number>;
}

export function defineScripts(client: Redis): MockScripts {
  client.defineCommand('mockAppend', { numberOfKeys: 2, lua: APPEND });
  client.defineCommand('mockSeed', { numberOfKeys: 2, lua: SEED });
  client.defineCommand('mockRound', { lua: ROUND });
  client.defineCommand('mockJournal', { numberOfKeys: 2, lua: JOURNAL });
  client.defineCommand('mockCheckpoint', { numberOfKeys: 3, lua: CHECKPOINT });
  const call = client as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  return {
    appendOps: (head, log, ops) => call.mockAppend!(head, log, ...ops) as Promise<number>,
    seedOnce: (head, log, op) => call.mockSeed!(head, log, op) as Promise<number>,
    // Without a fixed number of keys, ioredis takes their number first.
    round: (keys, args) => call.mockRound!(keys.length, ...keys, ...args) as Promise<number[]>,
    journalEntries: (ids, list, capacity, rests) => call.mockJournal!(ids, list, capacity, ...rests) as Promise<number>,
    checkpoint: (checkpoint, number, log, n, state) => call.mockCheckpoint!(checkpoint, number, log, n, state) as Promise<number>,
  };
}

/**
 * The journal of one context in Redis: one list for every process, newest first, capped at
 * `--journal-size`, with ids from one counter, so ids increase across processes and
 * `GET /__admin/requests` shows the same list on each. An entry is rendered and sent after the
 * answer went out, without waiting (auto-pipelined); a query parses the list.
 */
import type { Redis } from 'ioredis';
import { RecordedExchange, renderEntry, type JournalEntry } from '../../http/journal/journal-entry.ts';
import { countEntries, type Journal, queryEntries } from '../../http/journal/request-journal.ts';
import type { Logger } from '../../http/components.ts';
import type { RedisKeys } from './keys.ts';
import type { MockScripts } from './scripts.ts';

/** What `renderEntry` writes before the other fields when the id is 0. */
const ID_ZERO = '{"id":0,';

export function redisJournal(client: Redis, scripts: MockScripts, keys: RedisKeys, ctx: string, capacity: number, logger: Logger, unavailable: (error: unknown) => Error): Journal {
  // One slot, rendered at once: the entry leaves the process as text.
  const exchange = new RecordedExchange();
  const entries = async (): Promise<JournalEntry[]> => {
    try {
      const texts = await client.lrange(keys.journal(ctx), 0, -1);
      return texts.reverse().map((text) => JSON.parse(text) as JournalEntry);
    } catch (error) {
      throw unavailable(error);
    }
  };
  return {
    record: (req, res, startedAt, durationMs) => {
      exchange.record(req, res, startedAt, durationMs);
      const text = JSON.stringify(renderEntry(0, exchange));
      scripts.journalEntry(keys.journalIds(ctx), keys.journal(ctx), text.slice(ID_ZERO.length), capacity).catch((error: unknown) => {
        logger.warn(`the journal entry of ${req.method} ${req.pathname} was not kept: ${(error as Error).message}`);
      });
    },
    query: async (filter, limit) => queryEntries(await entries(), filter, limit),
    count: async (filter) => countEntries(await entries(), filter),
    clear: async () => {
      try {
        await client.del(keys.journal(ctx));
      } catch (error) {
        throw unavailable(error);
      }
    },
  };
}

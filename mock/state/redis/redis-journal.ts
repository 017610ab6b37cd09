/**
 * The journal of one context in Redis: one list for every process, newest first, capped at
 * `--journal-size`, with ids from one counter, so ids increase across processes and
 * `GET /__admin/requests` shows the same list on each. An entry is rendered after the answer went
 * out; the entries of one turn of the event loop go to Redis in one script call, without waiting
 * for it; a query parses the list.
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
  let waiting: string[] = [];
  const send = () => {
    const texts = waiting;
    waiting = [];
    scripts.journalEntries(keys.journalIds(ctx), keys.journal(ctx), capacity, texts).catch((error: unknown) => {
      logger.warn(`${texts.length} journal entries were not kept: ${(error as Error).message}`);
    });
  };
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
      if (waiting.length === 0) setImmediate(send);
      waiting.push(JSON.stringify(renderEntry(0, exchange)).slice(ID_ZERO.length));
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

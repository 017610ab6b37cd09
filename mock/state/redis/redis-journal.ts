/**
 * The journal of one context in Redis: one list for every process, newest first, capped at
 * `--journal-size`, with ids from one counter, so ids increase across processes and
 * `GET /__admin/requests` shows the same list on each. After the answer went out, an exchange is
 * kept as it came (`RecordedExchange.raw`: numbers and the request's own strings), and the entries
 * of one turn of the event loop go to Redis in one script call, without waiting for it; a query
 * renders them, masking secrets, as the in-process ring does.
 */
import type { Redis } from 'ioredis';
import { RecordedExchange, renderEntry, type JournalEntry, type RawExchange } from '../../http/journal/journal-entry.ts';
import { countEntries, type Journal, queryEntries } from '../../http/journal/request-journal.ts';
import type { Logger } from '../../http/components.ts';
import type { RedisKeys } from './keys.ts';
import type { MockScripts } from './scripts.ts';
import { atEndOfTurn } from './end-of-turn.ts';

export function redisJournal(client: Redis, scripts: MockScripts, keys: RedisKeys, ctx: string, capacity: number, logger: Logger, unavailable: (error: unknown) => Error): Journal {
  // One slot, to render the entries of a query.
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
      return texts.reverse().map((text) => {
        const space = text.indexOf(' ');
        exchange.restore(JSON.parse(text.slice(space + 1)) as RawExchange);
        return renderEntry(Number(text.slice(0, space)), exchange);
      });
    } catch (error) {
      throw unavailable(error);
    }
  };
  return {
    record: (req, res, startedAt, durationMs) => {
      if (waiting.length === 0) atEndOfTurn(send);
      waiting.push(JSON.stringify(RecordedExchange.raw(req, res, startedAt, durationMs)));
    },
    query: async (filter, limit) => queryEntries(await entries(), filter, limit),
    count: async (filter) => countEntries(await entries(), filter),
    held: () => client.llen(keys.journal(ctx)),
    clear: async () => {
      try {
        await client.del(keys.journal(ctx));
      } catch (error) {
        throw unavailable(error);
      }
    },
  };
}

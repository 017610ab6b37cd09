/**
 * Appends this process's ops to the change log: the ops of one turn of the event loop in one
 * script call, numbered in a row, then applied here (from memory when nothing came between,
 * follower.ts `applyOwn`). Each writer learns its op's number once it is applied here.
 */
import type { Follower, LogEntry } from './follower.ts';
import type { RedisKeys } from './keys.ts';
import type { MockScripts } from './scripts.ts';
import { atEndOfTurn } from './end-of-turn.ts';

interface Waiting {
  entry: LogEntry;
  resolve: (n: number) => void;
  reject: (error: unknown) => void;
}

export class Appender {
  #waiting: Waiting[] = [];

  constructor(
    private readonly scripts: MockScripts,
    private readonly keys: RedisKeys,
    private readonly follower: () => Follower,
  ) {}

  append(entry: LogEntry): Promise<number> {
    return new Promise((resolve, reject) => {
      if (this.#waiting.length === 0) atEndOfTurn(() => void this.#send());
      this.#waiting.push({ entry, resolve, reject });
    });
  }

  async #send(): Promise<void> {
    const batch = this.#waiting;
    this.#waiting = [];
    const entries = batch.map((waiting) => waiting.entry);
    try {
      const first = await this.scripts.appendOps(this.keys.head, this.keys.log, entries.map((entry) => JSON.stringify(entry)));
      await this.follower().applyOwn(first, entries);
      batch.forEach((waiting, i) => waiting.resolve(first + i));
    } catch (error) {
      for (const waiting of batch) waiting.reject(error);
    }
  }
}

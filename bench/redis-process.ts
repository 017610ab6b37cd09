/**
 * The Redis server of the bench's `--redis` rows: the tests' own helper (mock/testing/redis-server.ts,
 * Debian's `redis-server` on a free port, no persistence), with the server's pid for its CPU per
 * answer, read from `INFO server` so that the number is Redis' own process and not a wrapper. It
 * is killed on the bench's exit too (Ctrl-C runs no `finally`).
 */
import { startRedisServer } from '../mock/testing/redis-server.ts';

export interface BenchRedis {
  url: string;
  pid: number;
  close(): Promise<void>;
}

export async function startBenchRedis(): Promise<BenchRedis> {
  const redis = await startRedisServer();
  const client = redis.client();
  let pid: number;
  try {
    const info = await client.info('server');
    pid = Number(/^process_id:(\d+)/m.exec(info)?.[1]);
    if (!Number.isInteger(pid)) throw new Error(`INFO server named no process_id:\n${info.slice(0, 300)}`);
  } catch (error) {
    await redis.stop();
    throw error;
  } finally {
    client.disconnect();
  }
  const kill = () => {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone already
    }
  };
  process.once('exit', kill);
  return {
    url: redis.url,
    pid,
    close: async () => {
      process.off('exit', kill);
      await redis.stop();
    },
  };
}

/**
 * A `redis-server` of a test's own (Debian's package, 7.0 or later): on a free loopback port, no
 * persistence unless the test asks for a data directory, stopped by the test. Fails with what to
 * install when the binary is missing, as the Chromium tests do for the browser.
 *
 * @example
 * const redis = await startRedisServer();
 * // … mocks with `--redis ${redis.url}` …
 * await redis.stop();
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

const BINARY = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';

export interface TestRedis {
  url: string;
  port: number;
  /** Stops the server (SIGTERM: with a data directory, it writes its data first). */
  stop(): Promise<void>;
  /** Starts it again on the same port and data directory. */
  restart(): Promise<void>;
  /** A client of the test's own, for looking at the keys. */
  client(): Redis;
}

export interface RedisServerOptions {
  /** Keep the data here (append-only file, fsync always), so a restart brings it back. */
  dataDir?: string;
}

export async function startRedisServer(options: RedisServerOptions = {}): Promise<TestRedis> {
  if (!existsSync(BINARY)) {
    throw new Error(`${BINARY} is missing: these tests run a real Redis; install it with "apt-get install redis-server" (or set REDIS_SERVER to its path).`);
  }
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--protected-mode', 'no', '--loglevel', 'warning'];
  args.push(...(options.dataDir ? ['--dir', options.dataDir, '--appendonly', 'yes', '--appendfsync', 'always'] : ['--appendonly', 'no']));
  let child: ChildProcess | undefined;
  const clients: Redis[] = [];
  const start = async () => {
    child = spawn(BINARY, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await waitForPing(port, () => stderr);
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: async () => {
      for (const client of clients.splice(0)) client.disconnect();
      const running = child;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGTERM');
      await exited;
    },
    restart: start,
    client: () => {
      const client = new Redis(port, '127.0.0.1', { lazyConnect: false, maxRetriesPerRequest: 1 });
      clients.push(client);
      return client;
    },
  };
}

async function waitForPing(port: number, stderr: () => string): Promise<void> {
  const deadline = Date.now() + 10_000;
  const client = new Redis(port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  client.on('error', () => {});
  try {
    while (Date.now() < deadline) {
      try {
        if (client.status !== 'ready') await client.connect();
        if ((await client.ping()) === 'PONG') return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    throw new Error(`redis-server on port ${port} did not answer PING within 10 s:\n${stderr()}`);
  } finally {
    client.disconnect();
  }
}

/** A port that was free a moment ago: bound by the OS, then let go. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

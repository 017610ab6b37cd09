/**
 * The servers of the comparison, each a process of its own (docs/decisions/017): our mock four
 * times, with `--rate-limit off`, with its rate limits on (the default configuration), the same
 * with `--no-metrics`, and with `--redis` (and limits off) on a Redis of the bench's own; Prism's mock, and the bare server
 * answering the bytes our mock answered. With each of our mocks, the tokens that drive it: one pair
 * for the mocks without limits, a pool of client ids for the other.
 */
import { join } from 'node:path';
import { startPrism, type PrismServer } from '../contracts/prism/start-prism.ts';
import { DEFAULT_CONFIG } from '../mock/config.ts';
import { startBareProcess, type BareProcess } from './bare-process.ts';
import { findChildPid } from './child-pid.ts';
import { assertRateLimited, mintPool } from './client-pool.ts';
import { captureAnswers, fetchTokens } from './capture.ts';
import type { BenchContext } from './context.ts';
import { startMockProcess, type MockProcess } from './mock-process.ts';
import { startBenchRedis } from './redis-process.ts';
import { poolSize } from './pool-size.ts';
import { BENCH_SESSION, type ExternalServer, SCENARIOS, scenario, type Scenario, type Tokens } from './scenarios.ts';

/** A server to drive: where, and its process (for CPU per answer). */
export interface Target {
  url: string;
  pid: number | undefined;
}

export interface OurMock extends Target {
  /** One pair, or the pool every connection cycles through. */
  tokens: readonly Tokens[];
  /** The Redis it keeps its state in, for that process's CPU per answer. */
  backendPid?: number;
}

export interface BenchServers {
  ours: Record<Scenario['rateLimits'], OurMock>;
  /** The mock without limits again, with the tokens of its session `BENCH_SESSION`. */
  session: OurMock;
  /** The mock with `--redis` (one process, limits off). */
  redis: OurMock;
  /** The default configuration less `/metrics` (`--no-metrics`), with a pool of its own. */
  unmetered: OurMock;
  others: Record<ExternalServer, Target>;
  /** The size of the pool of client ids. */
  clientIds: number;
  close(): Promise<void>;
}

export async function startBenchServers(context: BenchContext, count: number): Promise<BenchServers> {
  const { children, progress, settings } = context;
  const started: { close(): Promise<void> }[] = [];
  const close = async () => {
    await Promise.all(started.map((server) => server.close()));
  };
  try {
    progress.step(`starting our mock four times (${count} customers; rate limits off, on, on with --no-metrics, and --redis), Redis, Prism and the bare server`);
    const off: MockProcess = await startMockProcess(children, { count, rateLimit: 'off', timeoutMs: 60_000 });
    started.push(off);
    const on: MockProcess = await startMockProcess(children, { count, rateLimit: 'on', timeoutMs: 60_000 });
    started.push(on);
    const unmetered: MockProcess = await startMockProcess(children, { count, rateLimit: 'on', timeoutMs: 60_000, flags: ['--no-metrics'] });
    started.push(unmetered);
    const redis = await startBenchRedis();
    started.push(redis);
    const shared: MockProcess = await startMockProcess(children, { count, rateLimit: 'off', timeoutMs: 60_000, redis: redis.url });
    // Stopped before its Redis (`close` stops them all at once; a mock outliving Redis only logs).
    started.push(shared);
    const tokens = await fetchTokens(off.url);
    const sessionTokens = await fetchTokens(await createSession(off.url, BENCH_SESSION));
    const answers = join(context.tempDir, 'answers.json');
    // The variants send the same method, path and body as these: the bare server answers them the same bytes.
    await captureAnswers(off.url, SCENARIOS.filter(plain), tokens, answers);
    const bare: BareProcess = await startBareProcess(children, answers, 30_000);
    started.push(bare);
    const prism: PrismServer = await startPrism({ mode: 'mock', timeoutMs: 60_000 });
    started.push(prism);
    const size = poolSize(settings, DEFAULT_CONFIG.rateLimits, SCENARIOS.filter((s) => s.rateLimits === 'on').length);
    progress.step(`minting ${size} client ids for each mock with rate limits on`);
    const pool = await mintPool(on.url, size);
    await assertRateLimited(on.url, scenario('clientInfo').path, pool[0]!);
    const unmeteredPool = await mintPool(unmetered.url, size);
    return {
      ours: { off: { url: off.url, pid: off.pid, tokens: [tokens] }, on: { url: on.url, pid: on.pid, tokens: pool } },
      session: { url: off.url, pid: off.pid, tokens: [sessionTokens] },
      unmetered: { url: unmetered.url, pid: unmetered.pid, tokens: unmeteredPool },
      redis: { url: shared.url, pid: shared.pid, tokens: [await fetchTokens(shared.url)], backendPid: redis.pid },
      others: { prism: { url: prism.url, pid: await findChildPid('prism') }, bare: { url: bare.url, pid: bare.pid } },
      clientIds: size,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

function plain(candidate: Scenario): boolean {
  return candidate.rateLimits === 'off' && candidate.prefer === undefined && candidate.session === undefined && candidate.state === undefined;
}

/** A session with the default data (as the root's); its base URL. */
async function createSession(url: string, id: string): Promise<string> {
  const response = await fetch(`${url}/__admin/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id }) });
  if (response.status !== 201) throw new Error(`POST /__admin/sessions answered ${response.status}: ${await response.text()}`);
  return `${url}/__sessions/${id}`;
}

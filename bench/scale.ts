/**
 * How the mock scales with its store (issue 7): for each size, a fixture file generated once
 * (timed), our mock started from it (process start → /healthz 200), its resident memory right
 * after the load, and search latency by phone and by name and address; then the same file served
 * with `--redis` on a new Redis, and search by phone again (issue 21: a read with its round trip
 * to Redis must not grow with the store either).
 */
import { rm } from 'node:fs/promises';
import { fetchTokens } from './capture.ts';
import { checkAnswers } from './compare-servers.ts';
import type { BenchContext } from './context.ts';
import { generateFixtureFile, type FixtureFile } from './fixture-files.ts';
import { type LoadResult, measureLoad, warmUp } from './load.ts';
import { residentMemory, startMockProcess, type MockProcess } from './mock-process.ts';
import { startBenchRedis, type BenchRedis } from './redis-process.ts';
import { scenario } from './scenarios.ts';
import { scenarioCustomers } from '../fixtures/scenarios.ts';

export interface SizeRun {
  /** Random customers asked for. */
  count: number;
  /** Customers in the store: the random ones plus the scenario customers. */
  customers: number;
  fixture: FixtureFile;
  startupMs: number;
  rssBytes: number;
  peakRssBytes: number;
  searchPhone: LoadResult;
  searchNameAddress: LoadResult;
  /** Search by phone on a mock started from the same file with `--redis`. */
  searchPhoneRedis: LoadResult;
}

/** Generous bounds for a shared 2-core machine; past them the run fails instead of hanging. */
const GENERATE_MS_PER_CUSTOMER = 0.2;
const LOAD_MS_PER_CUSTOMER = 0.3;
const MIN_TIMEOUT_MS = 60_000;

export async function measureSizes(context: BenchContext): Promise<SizeRun[]> {
  const runs: SizeRun[] = [];
  for (const count of context.sizes) runs.push(await measureSize(context, count));
  return runs;
}

async function measureSize(context: BenchContext, count: number): Promise<SizeRun> {
  const { children, progress, settings } = context;
  const label = count.toLocaleString('en');
  progress.step(`${label} customers: generating the fixture file`);
  const fixture = await generateFixtureFile(children, context.tempDir, count, timeout(count, GENERATE_MS_PER_CUSTOMER));
  let mock: MockProcess | undefined;
  let redis: BenchRedis | undefined;
  try {
    progress.step(`${label} customers: starting the mock from ${Math.round(fixture.bytes / 2 ** 20)} MiB of fixtures`);
    mock = await startMockProcess(children, { fixtures: fixture.path, rateLimit: 'off', timeoutMs: timeout(count, LOAD_MS_PER_CUSTOMER) });
    const memory = await residentMemory(mock.pid);
    const results: LoadResult[] = [];
    for (const id of ['searchPhone', 'searchNameAddress'] as const) {
      progress.step(`${label} customers: ${scenario(id).label}, ${settings.durationSeconds} s`);
      results.push(await measureSearch(context, mock, id));
    }
    await mock.close();
    mock = undefined;
    progress.step(`${label} customers: search by phone with --redis, ${settings.durationSeconds} s`);
    redis = await startBenchRedis();
    mock = await startMockProcess(children, { fixtures: fixture.path, rateLimit: 'off', timeoutMs: timeout(count, LOAD_MS_PER_CUSTOMER), redis: redis.url });
    results.push(await measureSearch(context, mock, 'searchPhoneRedis', redis.pid));
    return {
      count,
      customers: count + scenarioCustomers().length,
      fixture,
      startupMs: mock.startupMs,
      rssBytes: memory.rss,
      peakRssBytes: memory.peak,
      searchPhone: results[0]!,
      searchNameAddress: results[1]!,
      searchPhoneRedis: results[2]!,
    };
  } finally {
    await mock?.close();
    await redis?.close();
    // A million customers are almost a gigabyte of JSON: do not keep it past its use.
    await rm(fixture.path, { force: true });
  }
}

/** One search scenario on one mock, warmed up, measured, checked: every answer a 2xx. */
async function measureSearch(context: BenchContext, mock: MockProcess, id: 'searchPhone' | 'searchNameAddress' | 'searchPhoneRedis', backendPid?: number): Promise<LoadResult> {
  const tokens = await fetchTokens(mock.url);
  const warmedUp = await warmUp(mock.url, scenario(id), [tokens], context.settings);
  const result = await measureLoad(mock.url, scenario(id), [tokens], context.settings, mock.pid, backendPid);
  result.rateLimited += warmedUp.rateLimited;
  checkAnswers('ours', scenario(id).label, result);
  return result;
}

function timeout(count: number, msPerCustomer: number): number {
  return Math.max(MIN_TIMEOUT_MS, count * msPerCustomer);
}

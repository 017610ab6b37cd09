/**
 * What one more process adds with `--redis` (issue 21): client info driven on one process, then on
 * two processes of one Redis at once (the same connections, split between them), each process's
 * CPU per answer and Redis' own, from /proc. Two cores cannot show a speed-up of two processes
 * (autocannon and Redis need cores too); what they do show is what each answer costs each
 * process and Redis as processes are added, which docs/benchmarks.md projects to more cores.
 */
import { fetchTokens } from './capture.ts';
import { checkAnswers } from './compare-servers.ts';
import type { BenchContext } from './context.ts';
import { type LoadResult, measureLoad, warmUp } from './load.ts';
import { startMockProcess, type MockProcess } from './mock-process.ts';
import { processCpuMs } from './process-cpu.ts';
import { startBenchRedis, type BenchRedis } from './redis-process.ts';
import { scenario } from './scenarios.ts';

export interface ReplicaRun {
  processes: number;
  /** Answers a second of all processes together. */
  requestsPerSecond: number;
  /** CPU per answer of each mock process, over the answers that process gave. */
  processCpuUs: number[];
  /** Redis' CPU per answer, over the answers of all processes. */
  redisCpuUs: number;
}

export async function measureReplicas(context: BenchContext, count: number): Promise<ReplicaRun[]> {
  const { children, progress, settings } = context;
  let redis: BenchRedis | undefined;
  const mocks: MockProcess[] = [];
  try {
    redis = await startBenchRedis();
    for (let i = 0; i < 2; i++) mocks.push(await startMockProcess(children, { count, rateLimit: 'off', timeoutMs: 60_000, redis: redis.url }));
    const clientInfo = scenario('clientInfoRedis');
    const tokens = await Promise.all(mocks.map((mock) => fetchTokens(mock.url)));
    for (const [i, mock] of mocks.entries()) await warmUp(mock.url, clientInfo, [tokens[i]!], settings);
    const runs: ReplicaRun[] = [];
    for (const processes of [1, 2]) {
      progress.step(`--redis, ${processes} process${processes === 1 ? '' : 'es'} on one Redis: client info, ${settings.durationSeconds} s`);
      const driven = mocks.slice(0, processes);
      // The same connections in all: split between the processes.
      const share = { ...settings, connections: Math.max(1, Math.round(settings.connections / processes)) };
      const redisBefore = await processCpuMs(redis.pid);
      const results: LoadResult[] = await Promise.all(driven.map((mock, i) => measureLoad(mock.url, clientInfo, [tokens[i]!], share, mock.pid)));
      const redisMs = (await processCpuMs(redis.pid)) - redisBefore;
      results.forEach((result) => checkAnswers('ours', `${clientInfo.label}, ${processes} processes`, result));
      const answers = results.reduce((sum, result) => sum + result.requests, 0);
      runs.push({
        processes,
        requestsPerSecond: results.reduce((sum, result) => sum + result.requestsPerSecond, 0),
        processCpuUs: results.map((result) => result.cpuUsPerRequest),
        redisCpuUs: (redisMs * 1000) / answers,
      });
    }
    return runs;
  } finally {
    await Promise.all(mocks.map((mock) => mock.close()));
    await redis?.close();
  }
}

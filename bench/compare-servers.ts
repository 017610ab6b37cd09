/**
 * Throughput and latency of our mock against Prism's mock of the same spec and against a bare
 * `node:http` server answering the same bytes (the machine's limit for a Node server), in each of
 * our mock's configurations (bench/scenarios.ts). All servers run at once as separate processes
 * (bench/bench-servers.ts); for each scenario the runs follow each other, so that they share the
 * machine's load of that moment as closely as a shared machine allows, and every server gets the
 * very same requests (with rate limits on: the same cycle through the pool of client ids).
 */
import { startBenchServers } from './bench-servers.ts';
import type { BenchContext } from './context.ts';
import { runLoad, type LoadResult } from './load.ts';
import { SCENARIOS, type ScenarioId } from './scenarios.ts';

export type ServerName = 'ours' | 'prism' | 'bare';

export interface ServerRun {
  scenario: ScenarioId;
  server: ServerName;
  result: LoadResult;
}

export interface Comparison {
  runs: ServerRun[];
  /** Client ids in the pool that drove our mock with rate limits on. */
  clientIds: number;
}

/** The data set of the comparison: the mock's default size (docs/reference.md §4). */
export const COMPARE_COUNT = 1000;

export async function compareServers(context: BenchContext): Promise<Comparison> {
  const { progress, settings } = context;
  const servers = await startBenchServers(context, COMPARE_COUNT);
  try {
    const runs: ServerRun[] = [];
    for (const scenario of SCENARIOS) {
      const ours = scenario.session ? servers.session : servers.ours[scenario.rateLimits];
      for (const server of ['ours', ...scenario.against] as const) {
        const target = server === 'ours' ? ours : servers.others[server];
        progress.step(`${scenario.label} · ${server}: ${settings.connections} connections, ${settings.durationSeconds} s`);
        const result = await runLoad(target.url, scenario, ours.tokens, settings, target.pid);
        checkAnswers(server, scenario.label, result);
        runs.push({ scenario: scenario.id, server, result });
      }
    }
    return { runs, clientIds: servers.clientIds };
  } finally {
    await servers.close();
  }
}

/**
 * Our mock and the bare server must answer every request with a 2xx: a rate of errors is not a
 * rate of answers. Prism is reported as it is (its non-2xx count is in the table). A 429 means
 * the run met a rate limit: its numbers are not those of the configuration it names.
 */
export function checkAnswers(server: string, label: string, result: LoadResult): void {
  if (server === 'prism') return;
  if (result.rateLimited > 0) {
    throw new Error(
      `${server} · ${label}: ${result.rateLimited} answers (warm-up included) were 429 Too Many Requests: the run met the ` +
        'rate limits and is invalid (the pool of client ids is too small for this rate: bench/pool-size.ts RATE_BOUND)',
    );
  }
  if (result.non2xx > 0 || result.errors > 0 || result.requests === 0) {
    throw new Error(
      `${server} · ${label}: ${result.requests} answers, ${result.non2xx} not 2xx, ${result.errors} connection errors`,
    );
  }
}

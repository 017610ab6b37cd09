/**
 * Throughput and latency of our mock against Prism's mock of the same spec and against a bare
 * `node:http` server answering the same bytes (the machine's limit for a Node server), in each of
 * our mock's configurations (bench/scenarios.ts). All servers run at once as separate processes
 * (bench/bench-servers.ts). For each scenario every server is warmed up, then measured in rounds,
 * the servers taking turns and the order turned round every round (ours, bare; bare, ours; …), so
 * that a drift of the machine's speed falls on all of them alike; a server's result is its median
 * round. Every server gets the very same requests (with rate limits on: the same cycle through the
 * pool of client ids).
 */
import { startBenchServers } from './bench-servers.ts';
import type { BenchContext } from './context.ts';
import { type LoadResult, measureLoad, warmUp } from './load.ts';
import { type OtherServer, SCENARIOS, scenario as findScenario, type Scenario, type ScenarioId } from './scenarios.ts';

export type ServerName = 'ours' | OtherServer;

export interface ServerRun {
  scenario: ScenarioId;
  server: ServerName;
  /** The median round, with the answers, non-2xx, 429s and errors of all rounds added up. */
  result: LoadResult;
  /** Requests/s of each round, in the order they ran. */
  rounds: number[];
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
      const ours = scenario.session ? servers.session : scenario.state === 'redis' ? servers.redis : servers.ours[scenario.rateLimits];
      const names: ServerName[] = ['ours', ...scenario.against];
      // What each server is sent: the scenario with our tokens, or for `root` the scenario it stands for.
      const driven = (server: ServerName) =>
        server === 'ours'
          ? { target: ours, request: scenario, tokens: ours.tokens }
          : server === 'root'
            ? { target: servers.ours.off, request: rootOf(scenario), tokens: servers.ours.off.tokens }
            : server === 'unmetered'
              ? { target: servers.unmetered, request: scenario, tokens: servers.unmetered.tokens }
            : { target: servers.others[server], request: scenario, tokens: ours.tokens };
      const warmups = new Map<ServerName, number>();
      for (const server of names) {
        const { target, request, tokens } = driven(server);
        warmups.set(server, (await warmUp(target.url, request, tokens, settings)).rateLimited);
      }
      const rounds = new Map<ServerName, LoadResult[]>(names.map((server) => [server, []]));
      for (let round = 0; round < settings.rounds; round++) {
        for (const server of round % 2 === 0 ? names : [...names].reverse()) {
          const { target, request, tokens } = driven(server);
          progress.step(`${scenario.label} · ${server}: round ${round + 1} of ${settings.rounds}, ${settings.connections} connections, ${settings.durationSeconds} s`);
          const backendPid = server === 'ours' ? ours.backendPid : undefined;
          rounds.get(server)!.push(await measureLoad(target.url, request, tokens, settings, target.pid, backendPid));
        }
      }
      for (const server of names) {
        const measured = rounds.get(server)!;
        const result = medianRound(measured);
        result.rateLimited += warmups.get(server)!;
        checkAnswers(server, scenario.label, result);
        runs.push({ scenario: scenario.id, server, result, rounds: measured.map((one) => one.requestsPerSecond) });
      }
    }
    return { runs, clientIds: servers.clientIds };
  } finally {
    await servers.close();
  }
}

function rootOf(scenario: Scenario): Scenario {
  if (scenario.rootScenario === undefined) throw new Error(`${scenario.label}: compared with "root" but names no rootScenario`);
  return findScenario(scenario.rootScenario);
}

/**
 * The round with the median requests/s (the lower of the two middle ones for an even count), with
 * the counts of every round added up: a 429 or an error in any round must still fail the run.
 */
export function medianRound(rounds: readonly LoadResult[]): LoadResult {
  if (rounds.length === 0) throw new Error('no round was measured');
  const sorted = [...rounds].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  const sum = (field: 'requests' | 'non2xx' | 'rateLimited' | 'errors') => rounds.reduce((total, one) => total + one[field], 0);
  return { ...sorted[Math.floor((sorted.length - 1) / 2)]!, requests: sum('requests'), non2xx: sum('non2xx'), rateLimited: sum('rateLimited'), errors: sum('errors') };
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

/**
 * Throughput and latency of our mock against Prism's mock of the same spec and against a bare
 * `node:http` server answering the same bytes (the machine's limit for a Node server). All three
 * run at once as separate processes; for each route the three runs follow each other, so that
 * they share the machine's load of that moment as closely as a shared machine allows.
 */
import { join } from 'node:path';
import { startPrism, type PrismServer } from '../contracts/prism/start-prism.ts';
import { findChildPid } from './child-pid.ts';
import { startBareProcess, type BareProcess } from './bare-process.ts';
import { captureAnswers, fetchTokens } from './capture.ts';
import type { BenchContext } from './context.ts';
import { runLoad, type LoadResult } from './load.ts';
import { startMockProcess, type MockProcess } from './mock-process.ts';
import { SCENARIOS, type ScenarioId } from './scenarios.ts';

export type ServerName = 'ours' | 'prism' | 'bare';

export interface ServerRun {
  scenario: ScenarioId;
  server: ServerName;
  result: LoadResult;
}

/** The data set of the comparison: the mock's default size (DESIGN.md §4). */
export const COMPARE_COUNT = 1000;

export async function compareServers(context: BenchContext): Promise<ServerRun[]> {
  const { children, progress, settings } = context;
  let ours: MockProcess | undefined;
  let bare: BareProcess | undefined;
  let prism: PrismServer | undefined;
  try {
    progress.step(`starting our mock (${COMPARE_COUNT} customers), Prism and the bare server`);
    ours = await startMockProcess(children, { count: COMPARE_COUNT, timeoutMs: 60_000 });
    const tokens = await fetchTokens(ours.url);
    const answers = join(context.tempDir, 'answers.json');
    await captureAnswers(ours.url, SCENARIOS, tokens, answers);
    bare = await startBareProcess(children, answers, 30_000);
    prism = await startPrism({ mode: 'mock', timeoutMs: 60_000 });
    const urls: Record<ServerName, string> = { ours: ours.url, prism: prism.url, bare: bare.url };
    const pids: Record<ServerName, number | undefined> = { ours: ours.pid, prism: await findChildPid('prism'), bare: bare.pid };
    const runs: ServerRun[] = [];
    for (const scenario of SCENARIOS) {
      const servers: ServerName[] = scenario.compared ? ['ours', 'prism', 'bare'] : ['ours'];
      for (const server of servers) {
        progress.step(`${scenario.label} · ${server}: ${settings.connections} connections, ${settings.durationSeconds} s`);
        const result = await runLoad(urls[server], scenario, tokens, settings, pids[server]);
        checkAnswers(server, scenario.label, result);
        runs.push({ scenario: scenario.id, server, result });
      }
    }
    return runs;
  } finally {
    await Promise.all([ours?.close(), bare?.close(), prism?.close()]);
  }
}

/**
 * Our mock and the bare server must answer every request with a 2xx: a rate of errors is not a
 * rate of answers. Prism is reported as it is (its non-2xx count is in the table).
 */
export function checkAnswers(server: string, label: string, result: LoadResult): void {
  if (server === 'prism') return;
  if (result.non2xx > 0 || result.errors > 0 || result.requests === 0) {
    throw new Error(
      `${server} · ${label}: ${result.requests} answers, ${result.non2xx} not 2xx, ${result.errors} connection errors`,
    );
  }
}

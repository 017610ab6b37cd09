import { join } from 'node:path';
import { runDredd } from '../dredd/run-dredd.ts';
import { RequestFailed } from '../http/exchange.ts';
import { HttpClient, type HttpClientOptions } from '../http/http-client.ts';
import { writeJunit } from '../report/junit.ts';
import { writeResults } from '../report/results-json.ts';
import { writeSummary } from '../report/summary.ts';
import { runSemantic } from '../semantic/run-semantic.ts';
import { removeSeeded } from './cleanup.ts';
import type { ContractOptions } from './options.ts';
import { countVerdicts, type CheckResult } from './results.ts';
import { ranFigure, skipLimitResult } from './skip-limit.ts';
import { prepareTarget, type Target } from './target.ts';
import { waitForTarget } from './wait-for-target.ts';

export interface ContractRun {
  results: CheckResult[];
  /** 0 when every check passed (skips within the limit); 1 when one failed; 2 when the target could not be reached. */
  exitCode: 0 | 1 | 2;
  junitPath: string;
  summaryPath: string;
  resultsPath: string;
}

export interface RunHooks {
  log?: (line: string) => void;
  /** Options of the run's HTTP client (pacing, timeout); tests against local servers tune them. */
  http?: HttpClientOptions;
  /**
   * Leave the Dredd suite out: for tests of a semantic check against many broken servers, where
   * Dredd's own start (it compiles the spec on every run) would dominate. The CLI always runs it.
   */
  withoutDredd?: boolean;
}

/**
 * One contract run: find tokens and data (seeding the mock when it has `/__admin`), run the Dredd
 * suite and the semantic suite, remove what it seeded, and write `junit.xml`, `summary.md` and
 * `results.json` into the report directory, also when the target cannot be reached at all.
 *
 * @example
 * const run = await runContract(parseContractOptions(['--base-url', 'http://127.0.0.1:4010']) as ContractOptions);
 * process.exitCode = run.exitCode;
 */
export async function runContract(options: ContractOptions, hooks: RunHooks = {}): Promise<ContractRun> {
  const log = hooks.log ?? ((line: string) => console.log(line));
  const startedAt = new Date();
  if (options.waitForTargetSeconds) {
    const readiness = await waitForTarget(options.baseUrl, options.waitForTargetSeconds);
    log(readiness.ready
      ? `• the target was ready after ${(readiness.waitedMs / 1000).toFixed(1)} s`
      : `• the target was not ready within ${options.waitForTargetSeconds} s (${readiness.last})`);
  }
  const http = new HttpClient(options.baseUrl, hooks.http);
  try {
    let target: Target;
    try {
      target = await prepareTarget(options, http);
    } catch (error) {
      if (!(error instanceof RequestFailed)) throw error;
      const result = unreachable(options, error, Date.now() - startedAt.getTime());
      log(lineOf(result));
      return report(options, { startedAt, notes: [], results: [result], retries: 0, exitCode: 2 }, log);
    }
    for (const note of target.notes) log(`• ${note}`);
    const setup = setupResults(target);
    setup.forEach((result) => log(lineOf(result)));
    log('Dredd: one transaction per documented status of each operation …');
    const dredd = hooks.withoutDredd ? [] : await runDredd(target);
    dredd.forEach((result) => log(lineOf(result)));
    const semantic = await runSemantic(target, (result) => log(lineOf(result)));
    const cleanup = await removeSeeded(target);
    if (cleanup) log(lineOf(cleanup));
    const results = [...setup, ...dredd, ...semantic, ...(cleanup ? [cleanup] : [])];
    const limit = skipLimitResult(options, results);
    if (limit) {
      log(lineOf(limit));
      results.push(limit);
    }
    const exitCode = countVerdicts(results).failed === 0 ? 0 : 1;
    return report(options, { startedAt, notes: target.notes, results, retries: http.retries, exitCode }, log);
  } finally {
    http.close();
  }
}

interface Outcome {
  startedAt: Date;
  notes: string[];
  results: CheckResult[];
  retries: number;
  exitCode: 0 | 1 | 2;
}

function report(options: ContractOptions, outcome: Outcome, log: (line: string) => void): ContractRun {
  const { results, exitCode, startedAt } = outcome;
  const junitPath = join(options.reportDir, 'junit.xml');
  const summaryPath = join(options.reportDir, 'summary.md');
  const resultsPath = join(options.reportDir, 'results.json');
  writeJunit(junitPath, results, startedAt);
  writeSummary(summaryPath, { baseUrl: options.baseUrl, notes: outcome.notes, results, retries429: outcome.retries });
  writeResults(resultsPath, { baseUrl: options.baseUrl, startedAt, exitCode, results });
  log(`reports: ${junitPath}, ${summaryPath}, ${resultsPath}`);
  const budget = results.find((r) => r.suite === 'setup' && r.group === 'skips' && r.verdict.status === 'failed');
  if (budget?.verdict.status === 'failed') log(`too many checks skipped: ${budget.verdict.message}`);
  // The last line of every run: how much was tested, not only whether something failed.
  log(ranFigure(results));
  return { results, exitCode, junitPath, summaryPath, resultsPath };
}

/** No answer at all from the target: one failed case that says why (refused, DNS, TLS, a hang). */
function unreachable(options: ContractOptions, error: RequestFailed, durationMs: number): CheckResult {
  return {
    suite: 'setup',
    group: 'target',
    name: 'reaches the target',
    verdict: { status: 'failed', message: `${options.baseUrl} cannot be reached: ${error.reason} (${error.exchange.method} ${error.exchange.url})`, exchange: error.exchange },
    durationMs,
  };
}

/** The client token is fetched by default, so not getting one is a broken OAuth endpoint, not a skip. */
function setupResults(target: Target): CheckResult[] {
  const client: CheckResult = {
    suite: 'setup',
    group: 'oauth',
    name: 'obtains a client token',
    verdict: target.clientToken ? { status: 'passed' } : { status: 'failed', message: target.missing.client ?? 'no client token' },
    durationMs: 0,
  };
  const user: CheckResult = {
    suite: 'setup',
    group: 'oauth',
    name: 'obtains a user token',
    verdict: target.userToken
      ? { status: 'passed' }
      : target.options.userLoginHint
        ? { status: 'failed', message: target.missing.user ?? 'no user token' }
        : { status: 'skipped', reason: target.missing.user ?? 'no user token' },
    durationMs: 0,
  };
  return [client, user];
}

function lineOf(result: CheckResult): string {
  const mark = { passed: 'ok  ', failed: 'FAIL', skipped: 'skip' }[result.verdict.status];
  const tail = result.verdict.status === 'failed' ? ` — ${result.verdict.message}` : result.verdict.status === 'skipped' ? ` — ${result.verdict.reason}` : '';
  return `${mark} ${result.suite}.${result.group}: ${result.name}${tail}`;
}

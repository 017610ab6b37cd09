import { join } from 'node:path';
import { runDredd } from '../dredd/run-dredd.ts';
import { writeJunit } from '../report/junit.ts';
import { writeSummary } from '../report/summary.ts';
import { runSemantic } from '../semantic/run-semantic.ts';
import { HttpClient, type HttpClientOptions } from '../http/http-client.ts';
import type { ContractOptions } from './options.ts';
import { countVerdicts, type CheckResult } from './results.ts';
import { prepareTarget, type Target } from './target.ts';

export interface ContractRun {
  results: CheckResult[];
  /** 0 only when every check passed (skips allowed); 1 otherwise. */
  exitCode: 0 | 1;
  junitPath: string;
  summaryPath: string;
}

export interface RunHooks {
  log?: (line: string) => void;
  /** Options of the run's HTTP client (pacing, timeout); tests against local servers tune them. */
  http?: HttpClientOptions;
}

/**
 * One contract run: find tokens and data (seeding the mock when it has `/__admin`), run the Dredd
 * suite and the semantic suite, write `junit.xml` and `summary.md` into the report directory.
 *
 * @example
 * const run = await runContract(parseContractOptions(['--base-url', 'http://127.0.0.1:4010']) as ContractOptions);
 * process.exitCode = run.exitCode;
 */
export async function runContract(options: ContractOptions, hooks: RunHooks = {}): Promise<ContractRun> {
  const log = hooks.log ?? ((line: string) => console.log(line));
  const http = new HttpClient(options.baseUrl, hooks.http);
  const target = await prepareTarget(options, http);
  for (const note of target.notes) log(`• ${note}`);
  const setup = setupResults(target);
  setup.forEach((result) => log(lineOf(result)));
  log('Dredd: one transaction per documented status of each operation …');
  const dredd = await runDredd(target);
  dredd.forEach((result) => log(lineOf(result)));
  const semantic = await runSemantic(target, (result) => log(lineOf(result)));
  const results = [...setup, ...dredd, ...semantic];
  const counts = countVerdicts(results);
  log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped (${results.length} checks)`);
  const junitPath = join(options.reportDir, 'junit.xml');
  const summaryPath = join(options.reportDir, 'summary.md');
  writeJunit(junitPath, results);
  writeSummary(summaryPath, { baseUrl: options.baseUrl, notes: target.notes, results, retries429: http.retries });
  log(`reports: ${junitPath}, ${summaryPath}`);
  return { results, exitCode: counts.failed === 0 ? 0 : 1, junitPath, summaryPath };
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

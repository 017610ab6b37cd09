import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseContractOptions, type ContractOptions } from '../runner/options.ts';
import type { HttpClientOptions } from '../http/http-client.ts';
import { runContract, type ContractRun, type RunHooks } from '../runner/run-contract.ts';

/**
 * A whole contract run against `baseUrl`, silent, with its reports in a fresh temp directory.
 * Paced just under the mock's default 100 calls a second unless `http` says otherwise. The
 * wrapped mocks have the mock's second demo client, the run's default `--other-client`.
 */
export async function runQuietly(
  baseUrl: string,
  extraArgs: string[] = [],
  http: HttpClientOptions = {},
  hooks: Pick<RunHooks, 'withoutDredd'> = {},
): Promise<ContractRun & { failedChecks: string[] }> {
  const reportDir = mkdtempSync(join(tmpdir(), 'contract-'));
  const options = parseContractOptions(['--base-url', baseUrl, '--report-dir', reportDir, ...extraArgs], {}) as ContractOptions;
  const run = await runContract(options, { log: () => {}, http: { minIntervalMs: 12, timeoutMs: 10_000, ...http }, ...hooks });
  const failedChecks = run.results
    .filter((r) => r.verdict.status === 'failed')
    .map((r) => `${r.suite}.${r.group}: ${r.name}`);
  return { ...run, failedChecks };
}

import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseContractOptions, type ContractOptions } from '../runner/options.ts';
import type { HttpClientOptions } from '../http/http-client.ts';
import { runContract, type ContractRun, type RunHooks } from '../runner/run-contract.ts';
import { OTHER_CLIENT_ARGS } from './wrap-mock.ts';

/**
 * A whole contract run against `baseUrl`, silent, with its reports in a fresh temp directory.
 * Paced just under the mock's default 100 calls a second unless `http` says otherwise. The
 * wrapped mocks know a second OAuth client, which the run is told of (`--other-client`).
 */
export async function runQuietly(
  baseUrl: string,
  extraArgs: string[] = [],
  http: HttpClientOptions = {},
  hooks: Pick<RunHooks, 'withoutDredd'> = {},
): Promise<ContractRun & { failedChecks: string[] }> {
  const reportDir = mkdtempSync(join(tmpdir(), 'contract-'));
  const options = parseContractOptions(['--base-url', baseUrl, '--report-dir', reportDir, ...OTHER_CLIENT_ARGS, ...extraArgs], {}) as ContractOptions;
  const run = await runContract(options, { log: () => {}, http: { minIntervalMs: 12, timeoutMs: 10_000, ...http }, ...hooks });
  const failedChecks = run.results
    .filter((r) => r.verdict.status === 'failed')
    .map((r) => `${r.suite}.${r.group}: ${r.name}`);
  return { ...run, failedChecks };
}

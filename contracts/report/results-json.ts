import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { countVerdicts, type CheckResult } from '../runner/results.ts';

export interface ResultsInput {
  baseUrl: string;
  startedAt: Date;
  exitCode: number;
  results: CheckResult[];
}

/**
 * `results.json`, for scripts that want more than JUnit: every check as
 * `{suite, group, name, status, reason, durationMs}` (`reason`: why it was skipped or failed).
 */
export function renderResults({ baseUrl, startedAt, exitCode, results }: ResultsInput): string {
  const checks = results.map((r) => ({
    suite: r.suite,
    group: r.group,
    name: r.name,
    status: r.verdict.status,
    reason: r.verdict.status === 'skipped' ? r.verdict.reason : r.verdict.status === 'failed' ? r.verdict.message : null,
    durationMs: r.durationMs,
  }));
  const durationMs = Date.now() - startedAt.getTime();
  return `${JSON.stringify({ baseUrl, timestamp: startedAt.toISOString(), durationMs, exitCode, counts: countVerdicts(results), checks }, null, 2)}\n`;
}

export function writeResults(path: string, input: ResultsInput): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, renderResults(input));
}

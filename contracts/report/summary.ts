import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { countVerdicts, type CheckResult } from '../runner/results.ts';
import { ranFigure } from '../runner/skip-limit.ts';
import { coverageTable } from './coverage.ts';
import { describeExchange } from './describe-exchange.ts';

export interface SummaryInput {
  baseUrl: string;
  notes: string[];
  results: CheckResult[];
  retries429: number;
}

/**
 * `summary.md`: the verdict of each check; for a failure, the request and what came back; last, the
 * coverage table (each operation × documented status, each business rule).
 */
export function renderSummary({ baseUrl, notes, results, retries429 }: SummaryInput): string {
  const counts = countVerdicts(results);
  const lines = [
    `# Contract run against ${baseUrl}`,
    '',
    `**${counts.failed === 0 ? 'PASSED' : 'FAILED'}**: ${ranFigure(results)}.`,
    '',
    ...notes.map((note) => `- ${note}`),
    `- 429 answers waited out: ${retries429}`,
    '',
    '| suite | check | verdict | detail |',
    '| --- | --- | --- | --- |',
    ...results.map((r) => `| ${r.suite}.${r.group} | ${cell(r.name)} | ${icon(r)} | ${cell(detailOf(r))} |`),
  ];
  lines.push(...notRun(results));
  const failures = results.filter((r) => r.verdict.status === 'failed');
  if (failures.length) lines.push('', '## Failures');
  for (const failure of failures) {
    if (failure.verdict.status !== 'failed') continue;
    lines.push('', `### ${failure.suite}.${failure.group}: ${failure.name}`, '', failure.verdict.message);
    if (failure.verdict.exchange) lines.push('', '```http', describeExchange(failure.verdict.exchange), '```');
  }
  lines.push('', ...coverageTable(results));
  return `${lines.join('\n')}\n`;
}

export function writeSummary(path: string, input: SummaryInput): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, renderSummary(input));
}

/** The skipped checks grouped by reason, with the option that would let them run: what the run did not test. */
function notRun(results: CheckResult[]): string[] {
  const groups = new Map<string, { count: number; needs?: string }>();
  for (const { verdict } of results) {
    if (verdict.status !== 'skipped') continue;
    const group = groups.get(verdict.reason) ?? { count: 0, ...(verdict.needs ? { needs: verdict.needs } : {}) };
    group.count += 1;
    groups.set(verdict.reason, group);
  }
  if (groups.size === 0) return [];
  const rows = [...groups.entries()].sort((a, b) => b[1].count - a[1].count).map(([reason, { count, needs }]) => `| ${cell(reason)} | ${count} | ${needs ? `\`${needs}\`` : '— (see the reason)'} |`);
  return ['', '## Not run, and why', '', '| reason | checks | to run them, give |', '| --- | --- | --- |', ...rows];
}

function icon(result: CheckResult): string {
  return { passed: 'passed', failed: '**FAILED**', skipped: 'skipped' }[result.verdict.status];
}

function detailOf(result: CheckResult): string {
  const { verdict } = result;
  if (verdict.status === 'failed') return verdict.message;
  if (verdict.status === 'skipped') return verdict.reason;
  return result.detail ?? '';
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ').slice(0, 400);
}

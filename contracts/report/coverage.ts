import { listOperations, specValidators } from '../../spec/index.ts';
import type { CheckResult } from '../runner/results.ts';
import { CONTRACT_RULES } from './contract-rules.ts';

export type Coverage = { state: 'exercised'; by: number } | { state: 'skipped'; reasons: string[] } | { state: 'not covered' };

const key = (r: CheckResult) => `${r.suite}.${r.group}: ${r.name}`;

/** Exercised when a matching check ran (passed or failed); skipped when every one was skipped. */
export function coverageOf(results: CheckResult[]): Coverage {
  const ran = results.filter((r) => r.verdict.status !== 'skipped').length;
  if (ran > 0) return { state: 'exercised', by: ran };
  if (results.length === 0) return { state: 'not covered' };
  const reasons = [...new Set(results.map((r) => (r.verdict.status === 'skipped' ? r.verdict.reason : '')))];
  return { state: 'skipped', reasons };
}

/** The coverage table of `summary.md`: each operation × each documented status, then each rule. */
export function coverageTable(results: CheckResult[]): string[] {
  const lines = ['## Coverage', '', '| operation or rule | status | coverage |', '| --- | --- | --- |'];
  for (const op of listOperations(specValidators().doc)) {
    for (const status of Object.keys(op.responses)) {
      // Dredd's transaction for the status, and every semantic check of the operation's areas that saw it.
      const matching = results.filter((r) => (r.suite === 'dredd' && r.group === op.operationId && r.name.includes(` > ${status} > `)) || coversStatus(r, op.operationId, status));
      lines.push(`| ${op.operationId} | ${status} | ${cell(coverageOf(matching))} |`);
    }
  }
  // The rules of docs/contract-rules.md, from the same list that document is generated from.
  for (const { rule, checks } of CONTRACT_RULES) {
    lines.push(`| ${rule.replace(/\|/g, '\\|')} | rule | ${cell(coverageOf(results.filter((r) => checks.test(key(r)))))} |`);
  }
  return lines;
}

function coversStatus(result: CheckResult, operationId: string, status: string): boolean {
  return result.suite === 'semantic' && (result.covers ?? []).includes(`${operationId} ${status}`);
}

function cell(coverage: Coverage): string {
  if (coverage.state === 'exercised') return `exercised (${coverage.by} check${coverage.by === 1 ? '' : 's'})`;
  if (coverage.state === 'skipped') return `skipped: ${coverage.reasons.slice(0, 3).join('; ').replace(/\|/g, '\\|')}`;
  return '**not covered**';
}

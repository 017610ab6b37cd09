/**
 * The readable summary of a fuzz run: per check, passed and failed counts; each failure with its
 * operation, minimal request, response, and the seed and path that replay it; every skipped family
 * with its reason.
 */
import { CHECK_NAMES } from './checks.ts';
import { describeRequest, describeResponse } from './fuzz-case.ts';
import type { FuzzReport } from './run-fuzz.ts';

export function formatSummary(report: FuzzReport): string {
  const lines: string[] = [];
  const cases = report.families.reduce((n, f) => n + f.cases, 0);
  const shrinks = report.families.reduce((n, f) => n + f.shrinkRequests, 0);
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  lines.push(`Fuzz run against ${report.baseUrl}: seed ${report.seed}, ${cases} cases of ${report.count} asked, ` +
    `${report.families.length} families, ${seconds(report.durationMs)}`);
  lines.push(`  requests sent: ${report.client.sent} (shrinking ${shrinks}; ` +
    `429 waited out: ${report.client.rateLimited}, ${seconds(report.client.waitedMs)})`);
  const stopped = report.families.filter((f) => f.stoppedByDeadline);
  if (stopped.length > 0) lines.push(`  stopped by the time limit in: ${stopped.map((f) => f.familyId).join(', ')}`);
  for (const f of report.families) if (f.stoppedEarly) lines.push(`  stopped ${f.familyId} early: ${f.stoppedEarly}`);
  lines.push(`  statuses: ${statusLine(report)}`);
  lines.push('', 'Checks:');
  const width = Math.max(...CHECK_NAMES.map((c) => c.length));
  for (const check of CHECK_NAMES) {
    const { passed, failed } = report.checks[check];
    lines.push(`  ${check.padEnd(width)}  ${String(passed).padStart(6)} passed  ${String(failed).padStart(5)} failed${failed ? '  ✗' : ''}`);
  }
  for (const note of report.notes) lines.push(`Note: ${note}`);
  if (report.skipped.length > 0) {
    lines.push('', 'Skipped:');
    for (const s of report.skipped) lines.push(`  ${s.id}: ${s.reason}`);
  }
  if (report.failures.length > 0) lines.push('', `Failures (${report.failures.length}), each the smallest case fast-check shrank to:`);
  report.failures.forEach((f, i) => {
    lines.push('', `${i + 1}. ${f.check} in ${f.operationId} (${f.familyId}): ${f.message}`);
    lines.push(`   case: ${f.note}${f.shrunk ? ' (shrunk)' : ''}`);
    lines.push(indent('request', describeRequest(f.fuzzCase.request)));
    lines.push(f.response ? indent('response', describeResponse(f.response)) : '   response: none');
    lines.push(f.path
      ? `   replay: npm run fuzz -- --base-url ${report.baseUrl} --replay '${f.familyId}:${f.seed}:${f.path}'`
      : `   replay: npm run fuzz -- --base-url ${report.baseUrl} --seed ${report.seed} --only ${f.familyId} (not shrunk: it failed beside another check)`);
  });
  lines.push('', report.ok ? 'No failures.' : `${report.failures.length} failure(s).`);
  return lines.join('\n');
}

/** `200×2061 400×1620 …`; 0 counts requests that got no answer. */
function statusLine(report: FuzzReport): string {
  const all = new Map<number, number>();
  for (const f of report.families) for (const [status, n] of f.statuses) all.set(status, (all.get(status) ?? 0) + n);
  return [...all].sort(([a], [b]) => a - b).map(([status, n]) => `${status || 'none'}×${n}`).join(' ');
}

function indent(title: string, text: string): string {
  return `   ${title}:\n${text.split('\n').map((l) => `     ${l}`).join('\n')}`;
}

/** The report as JSON for `--report FILE` (tokens left out: a report is shared). */
export function reportJson(report: FuzzReport): string {
  const failures = report.failures.map((f) => ({
    check: f.check, operationId: f.operationId, familyId: f.familyId, message: f.message, case: f.note,
    expectation: f.fuzzCase.expect, request: describeRequest(f.fuzzCase.request),
    response: f.response ? describeResponse(f.response) : null, seed: report.seed, replay: `${f.familyId}:${f.seed}:${f.path}`,
  }));
  const families = report.families.map((f) => ({
    id: f.familyId, planned: f.planned, cases: f.cases, shrinkRequests: f.shrinkRequests,
    stoppedByDeadline: f.stoppedByDeadline, stoppedEarly: f.stoppedEarly ?? null, statuses: Object.fromEntries(f.statuses),
  }));
  const { baseUrl, seed, count, ok, durationMs, checks, skipped, notes, client } = report;
  return JSON.stringify({ baseUrl, seed, count, ok, durationMs, checks, failures, families, skipped, notes, client }, null, 2);
}

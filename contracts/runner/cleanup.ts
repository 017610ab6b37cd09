import type { CheckResult } from './results.ts';
import { admin, type Target } from './target.ts';

/**
 * Removes every customer the run seeded on the mock (`DELETE /__admin/customers/{n}`: 204, or
 * 404 when absent), then reads each back: one still there fails the check, so a mock shared by
 * several runs does not fill up with contract customers. The admin API wants a JSON content type
 * on a DELETE too (a web page cannot send one without a preflight).
 */
export async function removeSeeded(target: Target): Promise<CheckResult | undefined> {
  if (!target.adminUrl || target.seeded.size === 0) return undefined;
  const started = Date.now();
  const left: number[] = [];
  for (const customerNumber of target.seeded) {
    await admin(target, { method: 'DELETE', path: `/customers/${customerNumber}`, headers: { 'content-type': 'application/json' } });
    const after = await admin(target, { method: 'GET', path: `/customers/${customerNumber}` });
    if (after.status === 404) continue;
    left.push(customerNumber);
  }
  const base = { suite: 'setup' as const, group: 'mock', name: 'removes every customer it seeded', durationMs: Date.now() - started };
  if (left.length === 0) return { ...base, verdict: { status: 'passed' }, detail: `removed ${target.seeded.size} seeded customers` };
  return { ...base, verdict: { status: 'failed', message: `after DELETE ${target.adminUrl}/customers/{n} these seeded customers are still there: ${left.join(', ')}` } };
}

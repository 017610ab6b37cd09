/**
 * The targets of issue 7, checked against one run's numbers. A target the run could not measure
 * (the quick mode has no million) says so instead of passing.
 */
import type { ServerName, ServerRun } from './compare-servers.ts';
import type { SizeRun } from './scale.ts';
import type { ScenarioId } from './scenarios.ts';

export interface TargetCheck {
  target: string;
  measured: string;
  /** `undefined`: not measured in this run. */
  met: boolean | undefined;
}

export const MILLION = 1_000_000;

/** Requests/s of one server on one route, or NaN when the run did not measure it. */
export function rate(runs: readonly ServerRun[], scenario: ScenarioId, server: ServerName): number {
  return runs.find((run) => run.scenario === scenario && run.server === server)?.result.requestsPerSecond ?? Number.NaN;
}

export function checkTargets(runs: readonly ServerRun[], sizes: readonly SizeRun[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const [id, label] of [['clientInfo', 'client info'], ['searchPhone', 'search by phone'], ['searchNameAddress', 'search by name and address']] as const) {
    const ratio = rate(runs, id, 'ours') / rate(runs, id, 'prism');
    checks.push({ target: `ours ≥ 5× Prism's requests/s on ${label}`, measured: times(ratio), met: known(ratio, ratio >= 5) });
  }
  const bare = rate(runs, 'clientInfo', 'ours') / rate(runs, 'clientInfo', 'bare');
  checks.push({ target: 'ours ≥ 0.35× the bare node:http server on client info', measured: times(bare), met: known(bare, bare >= 0.35) });
  const small = sizes.find((size) => size.count === 1000);
  const million = sizes.find((size) => size.count === MILLION);
  for (const field of ['searchPhone', 'searchNameAddress'] as const) {
    const label = field === 'searchPhone' ? 'by phone' : 'by name and address';
    const ratio = million && small ? million[field].p50Ms / small[field].p50Ms : Number.NaN;
    checks.push({ target: `search ${label}: p50 at 1,000,000 ≤ 2× p50 at 1,000`, measured: times(ratio), met: known(ratio, ratio <= 2) });
  }
  const loadSeconds = million ? million.startupMs / 1000 : Number.NaN;
  checks.push({ target: '1,000,000 customers loaded from a file in < 20 s', measured: unit(loadSeconds, 's'), met: known(loadSeconds, loadSeconds < 20) });
  const perCustomer = million ? million.rssBytes / million.customers / 1024 : Number.NaN;
  checks.push({ target: '< 3 KiB resident memory per customer at 1,000,000', measured: unit(perCustomer, 'KiB'), met: known(perCustomer, perCustomer < 3) });
  return checks;
}

function known(value: number, met: boolean): boolean | undefined {
  return Number.isFinite(value) ? met : undefined;
}

function times(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : 'not measured';
}

function unit(value: number, name: string): string {
  return Number.isFinite(value) ? `${value.toFixed(2)} ${name}` : 'not measured';
}

/**
 * The targets of issues 7 and 11, checked against one run's numbers. A target the run could not
 * measure (the quick mode has no million) says so instead of passing.
 */
import type { ServerName, ServerRun } from './compare-servers.ts';
import type { SizeRun } from './scale.ts';
import type { ScenarioId } from './scenarios.ts';

export interface TargetCheck {
  target: string;
  measured: string;
  /** `undefined`: not measured in this run; `reported`: measured, with no target to meet. */
  met: boolean | 'reported' | undefined;
}

export const MILLION = 1_000_000;

/** Requests/s of one server on one route, or NaN when the run did not measure it. */
export function rate(runs: readonly ServerRun[], scenario: ScenarioId, server: ServerName): number {
  return runs.find((run) => run.scenario === scenario && run.server === server)?.result.requestsPerSecond ?? Number.NaN;
}

/**
 * The throughput targets: ours over another server on one scenario (issue 7, raised by issue 11:
 * "Prism still at least 10× behind on client info", and every configuration against the bare
 * server). A `min` of `undefined`: no target, the ratio is reported (Prefer: delay=0).
 */
const RATIO_TARGETS: readonly { scenario: ScenarioId; against: 'prism' | 'bare'; min: number | undefined; target: string }[] = [
  { scenario: 'clientInfo', against: 'prism', min: 10, target: "ours ≥ 10× Prism's requests/s on client info" },
  { scenario: 'searchPhone', against: 'prism', min: 5, target: "ours ≥ 5× Prism's requests/s on search by phone" },
  { scenario: 'searchNameAddress', against: 'prism', min: 5, target: "ours ≥ 5× Prism's requests/s on search by name and address" },
  { scenario: 'clientInfoLimited', against: 'bare', min: 0.6, target: 'client info, rate limits on (the default): ours ≥ 0.6× the bare node:http server' },
  { scenario: 'clientInfo', against: 'bare', min: 0.6, target: 'client info, rate limits off: ours ≥ 0.6× the bare node:http server' },
  { scenario: 'searchPhoneLimited', against: 'bare', min: 0.5, target: 'search by phone, rate limits on: ours ≥ 0.5× the bare node:http server' },
  { scenario: 'searchPhone', against: 'bare', min: 0.5, target: 'search by phone, rate limits off: ours ≥ 0.5× the bare node:http server' },
  { scenario: 'updateLimited', against: 'bare', min: 0.35, target: 'update in memory, rate limits on: ours ≥ 0.35× the bare node:http server' },
  { scenario: 'update', against: 'bare', min: 0.35, target: 'update in memory, rate limits off: ours ≥ 0.35× the bare node:http server' },
  { scenario: 'clientInfoPreferDelay', against: 'bare', min: undefined, target: 'client info with Prefer: delay=0, rate limits off: ours / the bare node:http server' },
];

export function checkTargets(runs: readonly ServerRun[], sizes: readonly SizeRun[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const { scenario, against, min, target } of RATIO_TARGETS) {
    const ratio = rate(runs, scenario, 'ours') / rate(runs, scenario, against);
    const reported = Number.isFinite(ratio) ? 'reported' : undefined;
    checks.push({ target, measured: times(ratio), met: min === undefined ? reported : known(ratio, ratio >= min) });
  }
  // Issue 14: reads in a session as fast as at the root, in the same process, measured in turns.
  const session = rate(runs, 'clientInfoSession', 'ours') / rate(runs, 'clientInfoSession', 'root');
  checks.push({ target: 'client info in a session ≥ 0.9× client info at the root (same process)', measured: times(session), met: known(session, session >= 0.9) });
  checks.push(...redisTargets(runs));
  // Issue 24: counting for /metrics, in the default configuration, by CPU per answer in the same rounds.
  const metered = cpu(runs, 'clientInfoMetered', 'ours') / cpu(runs, 'clientInfoMetered', 'unmetered');
  checks.push({ target: 'client info, rate limits on: CPU per answer with /metrics ≤ 1.05× without (--no-metrics)', measured: times(metered), met: known(metered, metered <= 1.05) });
  const small = sizes.find((size) => size.count === 1000);
  const million = sizes.find((size) => size.count === MILLION);
  for (const field of ['searchPhone', 'searchNameAddress'] as const) {
    const label = field === 'searchPhone' ? 'by phone' : 'by name and address';
    const ratio = million && small ? million[field].p50Ms / small[field].p50Ms : Number.NaN;
    checks.push({ target: `search ${label}: p50 at 1,000,000 ≤ 2× p50 at 1,000`, measured: times(ratio), met: known(ratio, ratio <= 2) });
  }
  const redisRatio = million && small ? million.searchPhoneRedis.p50Ms / small.searchPhoneRedis.p50Ms : Number.NaN;
  checks.push({ target: 'search by phone with --redis: p50 at 1,000,000 ≤ 2× p50 at 1,000', measured: times(redisRatio), met: known(redisRatio, redisRatio <= 2) });
  const loadSeconds = million ? million.startupMs / 1000 : Number.NaN;
  checks.push({ target: '1,000,000 customers loaded from a file in < 20 s', measured: unit(loadSeconds, 's'), met: known(loadSeconds, loadSeconds < 20) });
  const perCustomer = million ? million.rssBytes / million.customers / 1024 : Number.NaN;
  checks.push({ target: '< 3 KiB resident memory per customer at 1,000,000', measured: unit(perCustomer, 'KiB'), met: known(perCustomer, perCustomer < 3) });
  return checks;
}

/**
 * Issue 21: with `--redis` (one process), the bare server's CPU per answer over our process's
 * (the target), and over ours plus Redis' own (reported: the cost of the configuration on one
 * machine, where Redis takes a core of its own in a team's setup).
 */
const REDIS_TARGETS: readonly { scenario: ScenarioId; min: number | undefined; label: string }[] = [
  { scenario: 'clientInfoRedis', min: 0.4, label: 'client info' },
  { scenario: 'updateRedis', min: 0.2, label: 'the update' },
  { scenario: 'searchPhoneRedis', min: undefined, label: 'search by phone' },
];

function redisTargets(runs: readonly ServerRun[]): TargetCheck[] {
  return REDIS_TARGETS.flatMap(({ scenario, min, label }) => {
    const ours = runs.find((run) => run.scenario === scenario && run.server === 'ours')?.result;
    const bare = cpu(runs, scenario, 'bare');
    const alone = ours ? bare / ours.cpuUsPerRequest : Number.NaN;
    const withRedis = ours ? bare / (ours.cpuUsPerRequest + ours.backendCpuUsPerRequest) : Number.NaN;
    const reported = (value: number) => (Number.isFinite(value) ? ('reported' as const) : undefined);
    return [
      {
        target: `${label} with --redis: the bare server's CPU per answer over our process's${min === undefined ? '' : ` ≥ ${min}`}`,
        measured: times(alone),
        met: min === undefined ? reported(alone) : known(alone, alone >= min),
      },
      { target: `${label} with --redis: the bare server's CPU per answer over ours plus Redis'`, measured: times(withRedis), met: reported(withRedis) },
    ];
  });
}

function cpu(runs: readonly ServerRun[], scenario: ScenarioId, server: ServerName): number {
  return runs.find((run) => run.scenario === scenario && run.server === server)?.result.cpuUsPerRequest ?? Number.NaN;
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

/**
 * The bench's tables as Markdown: the machine, the comparison of the servers, the ratios, the
 * scale measurements and the targets. Row labels are fixed (bench.test.ts looks for each).
 */
import { DEFAULT_CONFIG } from '../mock/config.ts';
import type { ServerName, ServerRun } from './compare-servers.ts';
import type { LoadResult, LoadSettings } from './load.ts';
import type { Machine } from './machine.ts';
import type { ReplicaRun } from './replicas.ts';
import type { SizeRun } from './scale.ts';
import { SCENARIOS, type ScenarioId } from './scenarios.ts';
import { checkTargets, rate, type TargetCheck } from './targets.ts';

export interface BenchReport {
  machine: Machine;
  loadAtEnd: number;
  quick: boolean;
  settings: LoadSettings;
  compareCount: number;
  runs: readonly ServerRun[];
  /** Client ids that drove our mock with rate limits on (bench/pool-size.ts). */
  clientIds: number;
  /** Client info on one, then two, processes of one Redis (bench/replicas.ts). */
  replicas: readonly ReplicaRun[];
  sizes: readonly SizeRun[];
  totalSeconds: number;
}

const SERVER_LABEL: Record<ServerName, string> = { ours: 'ours', prism: 'Prism', bare: 'bare node:http', root: 'ours at the root', unmetered: 'ours, --no-metrics' };

export function renderReport(report: BenchReport): string {
  return [
    `## Latest run${report.quick ? ' (--quick smoke run: tiny sizes, short runs; not for comparing)' : ''}`,
    '',
    machineLines(report),
    '',
    `### Our mock, Prism and a bare node:http server (${report.compareCount.toLocaleString('en')} customers)`,
    '',
    comparisonTable(report.runs),
    '',
    '### Ratios (requests/s)',
    '',
    ratioTable(report.runs),
    '',
    '### With `--redis` (one process), by CPU per answer',
    '',
    'What an answer costs our mock with its state in Redis, and what it costs Redis, against the bare server in the same rounds. Efficiency is the bare server\'s CPU per answer over ours: once for our process alone, once with Redis\' CPU added (the whole cost of the configuration on one machine).',
    '',
    redisTable(report.runs),
    '',
    'Client info with `--redis` on one process, then on two processes of one Redis at once, the same connections split between them: each process\'s CPU per answer, and Redis\' over the answers of all.',
    '',
    replicaTable(report.replicas),
    '',
    '### Scale',
    '',
    'Our mock started with `--fixtures` of each size. RSS per customer divides the whole process (Node, Express, ajv, the spec: about 150 MiB by itself) by the customers, so it is only meaningful at the large sizes.',
    '',
    scaleTable(report.sizes),
    '',
    '### Targets',
    '',
    targetTable(report),
    '',
  ].join('\n');
}

function machineLines({ machine, loadAtEnd, settings, totalSeconds, clientIds }: BenchReport): string {
  return [
    `- Machine: ${machine.cpuModel}, ${machine.cores} cores, ${machine.memoryGiB.toFixed(1)} GiB, ${machine.os}, Node ${machine.node}`,
    `- Date: ${machine.date}; the run took ${Math.round(totalSeconds)} s`,
    `- Load average (1 min): ${machine.loadAtStart.toFixed(2)} at the start, ${loadAtEnd.toFixed(2)} at the end (the bench itself adds about 2 while it drives a server)`,
    `- Each measurement: autocannon, ${settings.connections} connections, ${settings.warmupRequests} warm-up requests, then ${settings.durationSeconds} s measured; latency from every answer's own time`,
    `- The servers of a route take turns, ${settings.rounds} round${settings.rounds === 1 ? '' : 's'} each, the order turned round every round; each row is a server's median round (its answers: all rounds')`,
    `- Our mock: \`--rate-limit off\`, except the routes marked "rate limits on" (its default: ${DEFAULT_CONFIG.rateLimits.perSecond} calls a second and ${DEFAULT_CONFIG.rateLimits.perMinute} a minute per client), driven with ${clientIds.toLocaleString('en')} client ids that every connection cycles through, so that none meets a limit (a 429 fails the run); the bare server gets the same requests`,
  ].join('\n');
}

function comparisonTable(runs: readonly ServerRun[]): string {
  const rows = [
    row(['route', 'server', 'requests/s', 'p50 (ms)', 'p99 (ms)', 'server CPU per answer (µs)', 'answers', 'non-2xx']),
    row(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:']),
  ];
  for (const scenario of SCENARIOS) {
    for (const run of runs.filter((candidate) => candidate.scenario === scenario.id)) {
      const r = run.result;
      rows.push(
        row([scenario.label, SERVER_LABEL[run.server], whole(r.requestsPerSecond), ms(r.p50Ms), ms(r.p99Ms), whole(r.cpuUsPerRequest), whole(r.requests), whole(r.non2xx)]),
      );
    }
  }
  return rows.join('\n');
}

/**
 * Requests/s ratios (the targets), and the same ratios from CPU per answer: what the throughput
 * ratio would be if each server had a core to itself, which a busy shared machine blurs.
 */
function ratioTable(runs: readonly ServerRun[]): string {
  const rows = [
    row(['route', 'ours / Prism', 'ours / bare', 'ours / bare, each round', 'ours / Prism by CPU per answer', 'ours / bare by CPU per answer']),
    row(['---', '---:', '---:', '---:', '---:', '---:']),
  ];
  for (const scenario of SCENARIOS.filter((candidate) => candidate.against.some((other) => other === 'prism' || other === 'bare'))) {
    const ours = rate(runs, scenario.id, 'ours');
    const oursCpu = cpu(runs, scenario.id, 'ours');
    rows.push(
      row([
        scenario.label,
        ratio(ours / rate(runs, scenario.id, 'prism')),
        ratio(ours / rate(runs, scenario.id, 'bare')),
        eachRound(runs, scenario.id),
        ratio(cpu(runs, scenario.id, 'prism') / oursCpu),
        ratio(cpu(runs, scenario.id, 'bare') / oursCpu),
      ]),
    );
  }
  return rows.join('\n');
}

/** ours / bare in each round, which ran the two back to back. */
function eachRound(runs: readonly ServerRun[], scenario: ScenarioId): string {
  const find = (server: ServerName) => runs.find((run) => run.scenario === scenario && run.server === server)?.rounds ?? [];
  const ours = find('ours');
  const bare = find('bare');
  if (ours.length === 0 || ours.length !== bare.length) return '–';
  return ours.map((rate, i) => ratio(rate / bare[i]!)).join(', ');
}

function redisTable(runs: readonly ServerRun[]): string {
  const rows = [
    row(['route', 'requests/s', 'ours CPU per answer (µs)', 'Redis CPU per answer (µs)', 'bare CPU per answer (µs)', 'efficiency: ours', 'efficiency: ours + Redis']),
    row(['---', '---:', '---:', '---:', '---:', '---:', '---:']),
  ];
  for (const scenario of SCENARIOS.filter((candidate) => candidate.state === 'redis')) {
    const ours = runs.find((run) => run.scenario === scenario.id && run.server === 'ours')?.result;
    const bare = cpu(runs, scenario.id, 'bare');
    if (!ours) continue;
    rows.push(
      row([
        scenario.label,
        whole(ours.requestsPerSecond),
        whole(ours.cpuUsPerRequest),
        whole(ours.backendCpuUsPerRequest),
        whole(bare),
        ratio(bare / ours.cpuUsPerRequest),
        ratio(bare / (ours.cpuUsPerRequest + ours.backendCpuUsPerRequest)),
      ]),
    );
  }
  return rows.join('\n');
}

function replicaTable(replicas: readonly ReplicaRun[]): string {
  const rows = [row(['processes', 'requests/s, all', 'CPU per answer of each process (µs)', 'Redis CPU per answer (µs)']), row(['---:', '---:', '---:', '---:'])];
  for (const run of replicas) rows.push(row([String(run.processes), whole(run.requestsPerSecond), run.processCpuUs.map(whole).join(', '), whole(run.redisCpuUs)]));
  return rows.join('\n');
}

function cpu(runs: readonly ServerRun[], scenario: ScenarioId, server: ServerName): number {
  return runs.find((run) => run.scenario === scenario && run.server === server)?.result.cpuUsPerRequest ?? Number.NaN;
}

function scaleTable(sizes: readonly SizeRun[]): string {
  const rows = [
    row(['customers', 'fixture file', 'generation', 'generated/s', 'start-up to /healthz 200', 'RSS after load', 'RSS per customer', 'peak RSS', 'search by phone p50 / p99 ms (CPU µs)', 'search by name and address p50 / p99 ms (CPU µs)', 'search by phone, --redis, p50 / p99 ms (CPU µs; Redis µs)']),
    row(['---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:']),
  ];
  for (const size of sizes) {
    rows.push(
      row([
        whole(size.customers),
        mib(size.fixture.bytes),
        seconds(size.fixture.generationMs),
        whole(size.customers / (size.fixture.generationMs / 1000)),
        seconds(size.startupMs),
        mib(size.rssBytes),
        `${(size.rssBytes / size.customers / 1024).toFixed(2)} KiB`,
        mib(size.peakRssBytes),
        latency(size.searchPhone),
        latency(size.searchNameAddress),
        `${latency(size.searchPhoneRedis).slice(0, -1)}; ${whole(size.searchPhoneRedis.backendCpuUsPerRequest)})`,
      ]),
    );
  }
  return rows.join('\n');
}

function targetTable(report: BenchReport): string {
  const rows = [row(['target', 'measured', 'met']), row(['---', '---:', '---'])];
  for (const check of checkTargets(report.runs, report.sizes)) {
    rows.push(row([check.target, check.measured, metText(check.met)]));
  }
  return rows.join('\n');
}

function metText(met: TargetCheck['met']): string {
  if (met === 'reported') return 'no target: reported';
  if (met === undefined) return 'not measured';
  return met ? 'yes' : '**no**';
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

const whole = (value: number) => (Number.isFinite(value) ? Math.round(value).toLocaleString('en') : '–');
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : '–');
const ratio = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '–');
const seconds = (valueMs: number) => `${(valueMs / 1000).toFixed(2)} s`;
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const latency = (result: LoadResult) => `${ms(result.p50Ms)} / ${ms(result.p99Ms)} (${whole(result.cpuUsPerRequest)})`;

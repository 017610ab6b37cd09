/**
 * One autocannon run against one server and one request, sent with one token or cycling through a
 * pool of them (bench/pool-size.ts). Requests/s is the count of answers over
 * the measured time; latency percentiles come from every answer's own time in fractional
 * milliseconds (autocannon's histogram rounds to whole milliseconds, too coarse for a server that
 * answers in a fraction of one).
 */
import autocannon from 'autocannon';
import { processCpuMs } from './process-cpu.ts';
import { requestHeaders, type Scenario, type Tokens } from './scenarios.ts';

/** How long a run may take beyond its measured seconds (a warm-up has none) before it is stopped. */
const RUN_GRACE_MS = 30_000;
/**
 * autocannon ends a run at its next sample tick (1 s by default), also one of a fixed amount: a
 * warm-up of 200 requests would take a second. Its samples are thrown away, so tick often.
 */
const WARMUP_SAMPLE_MS = 20;

export interface LoadSettings {
  connections: number;
  /** Measured seconds (of each round, in the comparison of servers). */
  durationSeconds: number;
  /**
   * How many times the comparison measures each server on a scenario, the servers taking turns
   * (bench/compare-servers.ts): this machine's speed drifts by a quarter within minutes, which one
   * run of each, one after the other, took for a difference between the servers.
   */
  rounds: number;
  /** Requests sent first and thrown away, so that every server is measured warm (JIT, caches). */
  warmupRequests: number;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  /**
   * 429s, in the warm-up too (whose other numbers are thrown away): a rate limit met, which makes
   * a run with rate limits on invalid (bench/pool-size.ts).
   */
  rateLimited: number;
  errors: number;
  /** Server CPU time (user + system) per answer in µs; NaN when the server's pid is unknown. */
  cpuUsPerRequest: number;
  /** The same for a process the server leans on (its Redis); NaN when it has none. */
  backendCpuUsPerRequest: number;
}

/** `settings.warmupRequests` sent and thrown away; what is kept is how many met a rate limit. */
export async function warmUp(url: string, scenario: Scenario, tokens: readonly Tokens[], settings: LoadSettings): Promise<{ rateLimited: number }> {
  if (settings.warmupRequests <= 0) return { rateLimited: 0 };
  const warmup = await run({ ...loadOptions(url, scenario, tokens, settings), amount: settings.warmupRequests, sampleInt: WARMUP_SAMPLE_MS });
  return { rateLimited: warmup.rateLimited };
}

/**
 * One measured run of `settings.durationSeconds`. `tokens`: one entry, or the pool every
 * connection cycles through (each from its first entry); autocannon builds each entry's request
 * bytes once, so a pool costs the load generator nothing per request. `pid`: the server's
 * process, to measure the CPU it spends per answer; `backendPid`: a process it leans on (Redis).
 */
export async function measureLoad(
  url: string,
  scenario: Scenario,
  tokens: readonly Tokens[],
  settings: LoadSettings,
  pid?: number,
  backendPid?: number,
): Promise<LoadResult> {
  const cpu = (of: number | undefined) => (of === undefined ? Promise.resolve(Number.NaN) : processCpuMs(of));
  const [before, backendBefore] = await Promise.all([cpu(pid), cpu(backendPid)]);
  const result = await run({ ...loadOptions(url, scenario, tokens, settings), duration: settings.durationSeconds });
  const [after, backendAfter] = await Promise.all([cpu(pid), cpu(backendPid)]);
  return { ...result, cpuUsPerRequest: ((after - before) * 1000) / result.requests, backendCpuUsPerRequest: ((backendAfter - backendBefore) * 1000) / result.requests };
}

function loadOptions(url: string, scenario: Scenario, tokens: readonly Tokens[], settings: LoadSettings): autocannon.Options {
  if (tokens.length === 0) throw new Error(`${scenario.label}: no token to send`);
  return {
    url: url + scenario.path,
    method: scenario.method,
    body: scenario.body,
    requests: tokens.map((pair) => ({ headers: requestHeaders(scenario, pair) })),
    connections: settings.connections,
    timeout: 10,
  };
}

async function run(options: autocannon.Options): Promise<Omit<LoadResult, 'cpuUsPerRequest' | 'backendCpuUsPerRequest'>> {
  const times: number[] = [];
  let rateLimited = 0;
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, done) => (error ? reject(error) : resolve(done)));
    instance.on('response', (_client, status, _bytes, responseTime) => {
      times.push(responseTime);
      if (status === 429) rateLimited++;
    });
    // A server that stops answering must not hang the bench: stop the run, report what came back.
    const guard = setTimeout(() => instance.stop(), ((options.duration as number | undefined) ?? 0) * 1000 + RUN_GRACE_MS);
    instance.once('done', () => clearTimeout(guard));
  });
  // autocannon's own measured time; the wall time around it also counts connecting.
  const seconds = result.duration > 0 ? result.duration : (performance.now() - started) / 1000;
  const sorted = Float64Array.from(times).sort();
  return {
    requestsPerSecond: times.length / seconds,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    requests: times.length,
    non2xx: result.non2xx,
    rateLimited,
    errors: result.errors,
  };
}

/** Nearest-rank percentile of sorted samples; NaN when there are none. */
export function percentile(sorted: Float64Array, share: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))]!;
}

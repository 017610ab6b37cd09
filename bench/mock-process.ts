/**
 * Our mock as a separate process (`mock/cli.ts`), so that autocannon's own CPU is not spent in
 * the mock's process. Measures what a user waits for: process start → `/healthz` 200, and what
 * the loaded store costs: VmRSS of the server process right after that.
 */
import { readFile } from 'node:fs/promises';
import { freePort } from '../contracts/prism/free-port.ts';
import { MOCK_NODE_FLAGS } from '../mock/node-flags.ts';
import type { Child, ChildGroup } from './children.ts';

const HOST = '127.0.0.1';
const POLL_MS = 25;

export interface MockProcess {
  url: string;
  pid: number;
  /** Milliseconds from spawn to the first `/healthz` 200. */
  startupMs: number;
  close(): Promise<void>;
}

export interface MockProcessOptions {
  /** `--fixtures FILE`; without it the mock generates `count` customers. */
  fixtures?: string;
  count?: number;
  /**
   * `--rate-limit on|off`. Given either way, never left to the default: the child inherits this
   * process's environment, and a `MOCK_RATE_LIMIT` there would decide it otherwise.
   */
  rateLimit: 'on' | 'off';
  /** Give up (and kill it) when it is not ready by then. */
  timeoutMs: number;
  /** `--redis URL`: the state in that Redis (one process; docs/decisions/037). */
  redis?: string;
  /** More flags, e.g. `--no-metrics`. */
  flags?: readonly string[];
}

export async function startMockProcess(children: ChildGroup, options: MockProcessOptions): Promise<MockProcess> {
  const port = await freePort();
  const data = options.fixtures ? ['--fixtures', options.fixtures] : ['--count', String(options.count ?? 1000)];
  const state = options.redis === undefined ? [] : ['--redis', options.redis];
  const started = performance.now();
  // No request log: a line a request on the bench's pipe would measure the log, not the pipeline.
  // With Node's flags as `npm start` and `connect-mock` give them (mock/node-flags.ts).
  const child = children.spawnTs('mock/cli.ts', ['--port', String(port), '--host', HOST, '--rate-limit', options.rateLimit, '--log', 'off', ...data, ...state, ...(options.flags ?? [])], MOCK_NODE_FLAGS);
  const url = `http://${HOST}:${port}`;
  try {
    await waitForHealth(url, child, options.timeoutMs);
  } catch (error) {
    await children.stop(child);
    throw error;
  }
  return {
    url,
    pid: child.process.pid!,
    startupMs: performance.now() - started,
    close: () => children.stop(child),
  };
}

/** Polls `/healthz` until it answers 200; fails early if the process exits. */
export async function waitForHealth(url: string, child: Child, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  let exit: number | string | undefined;
  void child.exited.then((code) => (exit = code));
  while (performance.now() < deadline) {
    if (exit !== undefined) throw new Error(`the server exited (${exit}) before it was ready:\n${child.output()}`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`the server at ${url} was not ready within ${Math.round(timeoutMs / 1000)} s:\n${child.output()}`);
}

/** Resident memory of a process in bytes: `VmRSS` (and the peak, `VmHWM`) of /proc/PID/status. */
export async function residentMemory(pid: number): Promise<{ rss: number; peak: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kib('VmRSS'), peak: kib('VmHWM') };
}

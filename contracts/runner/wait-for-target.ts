/**
 * `--wait-for-target SECONDS`: for a mock started in the same CI step, the run waits for the
 * target instead of a `curl` loop in the job. Ready is `ORIGIN/healthz` answering 200 (the mock's),
 * or, for a server without it, the base URL answering anything below 500. A target still not ready
 * at the deadline is left to the run, whose `setup.target` check then says why it is unreachable.
 */
export interface Readiness {
  ready: boolean;
  waitedMs: number;
  /** What the last attempt saw, for the log. */
  last: string;
}

const ATTEMPT_TIMEOUT_MS = 2000;
const PAUSE_MS = 250;

export async function waitForTarget(baseUrl: string, seconds: number, now = () => Date.now()): Promise<Readiness> {
  const started = now();
  const deadline = started + seconds * 1000;
  for (;;) {
    const last = await probe(baseUrl);
    if (last === 'ready') return { ready: true, waitedMs: now() - started, last };
    if (now() + PAUSE_MS >= deadline) return { ready: false, waitedMs: now() - started, last };
    await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
  }
}

async function probe(baseUrl: string): Promise<string> {
  const health = await status(`${new URL(baseUrl).origin}/healthz`);
  if (health === 200) return 'ready';
  if (typeof health === 'string') return health;
  if (health >= 500) return `/healthz answered ${health}`;
  const base = await status(baseUrl);
  if (typeof base === 'number' && base < 500) return 'ready';
  return typeof base === 'string' ? base : `${baseUrl} answered ${base}`;
}

/** The status, or why there was none (refused, a hang). */
async function status(url: string): Promise<number | string> {
  try {
    const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS) });
    await res.body?.cancel();
    return res.status;
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return `${url}: ${cause ?? (error as Error).name}`;
  }
}

import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { SPEC_PATH } from '../../spec/index.ts';
import { freePort } from './free-port.ts';

const PRISM_BIN = fileURLToPath(new URL('../../node_modules/.bin/prism', import.meta.url));
const HOST = '127.0.0.1';

export interface StartPrismOptions {
  /** `mock`: Prism's stateless mock; `proxy`: a validation proxy in front of `upstream`. */
  mode: 'mock' | 'proxy';
  /** The server a proxy forwards to; required for `proxy`. */
  upstream?: string;
  /** A fixed port; default (or 0) a free ephemeral one. */
  port?: number;
  /** Mock only: generate bodies from the schemas instead of answering with the examples. */
  dynamic?: boolean;
  /** Answer request/response violations with an error response instead of only logging them. */
  errors?: boolean;
  /** The document to serve; default the canonical spec. */
  spec?: string;
  /** Every line Prism writes (its log names each violation); default: kept quiet. */
  onLog?: (line: string) => void;
  /** How long to wait for Prism to answer; default 30 s (it is slow to start on a busy machine). */
  timeoutMs?: number;
}

export interface PrismServer {
  url: string;
  close(): Promise<void>;
}

/**
 * Starts Prism (`node_modules/.bin/prism`) on 127.0.0.1 and resolves once it answers HTTP.
 * Never `-m`: the multiprocess mode forks a child that `close()` could not reach.
 *
 * @example
 * const prism = await startPrism({ mode: 'proxy', upstream: 'http://127.0.0.1:4010' });
 * await fetch(`${prism.url}/v1/customer/info`, { headers: { authorization: 'Bearer …' } });
 * await prism.close();
 */
export async function startPrism(opts: StartPrismOptions): Promise<PrismServer> {
  if (opts.mode === 'proxy' && !opts.upstream) throw new Error('startPrism: proxy mode needs an upstream URL');
  const port = opts.port || (await freePort());
  const child = spawn(PRISM_BIN, prismArgs(opts, port), { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = `http://${HOST}:${port}`;
  forwardLines(child, opts.onLog);
  const stopOnExit = () => child.kill('SIGKILL');
  process.once('exit', stopOnExit);
  const close = async () => {
    process.off('exit', stopOnExit);
    await stop(child);
  };
  try {
    await waitUntilAnswering(url, child, opts.timeoutMs ?? 30_000);
  } catch (error) {
    await close();
    throw error;
  }
  return { url, close };
}

function prismArgs(opts: StartPrismOptions, port: number): string[] {
  const spec = opts.spec ?? SPEC_PATH;
  const args = opts.mode === 'mock' ? ['mock', spec] : ['proxy', spec, opts.upstream as string];
  args.push('-h', HOST, '-p', String(port), '--errors', String(opts.errors ?? false));
  if (opts.mode === 'mock' && opts.dynamic) args.push('--dynamic', '--seed', '1');
  return args;
}

function forwardLines(child: ChildProcess, onLog: ((line: string) => void) | undefined): void {
  for (const stream of [child.stdout, child.stderr]) {
    let pending = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      const lines = (pending + chunk).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) onLog?.(line);
    });
  }
}

async function waitUntilAnswering(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`prism exited with code ${child.exitCode} before answering`);
    try {
      // Any HTTP answer (Prism says 404 for `/`) means the server is listening.
      await fetch(`${url}/`, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
  }
  throw new Error(`prism did not answer at ${url} within ${timeoutMs} ms`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

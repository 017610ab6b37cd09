/**
 * The child processes of one bench run (our mock, the bare server, fixture generators), so that
 * every one of them is killed at the end, on an error, and on Ctrl-C: a benchmark that leaves a
 * server eating a core would skew the next run, and the machine is shared.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository root: children run from there, as `npm run` would run them. */
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface Child {
  process: ChildProcess;
  /** Exit code, or the signal name, once the process ended. */
  exited: Promise<number | string>;
  /** The last lines it wrote, for an error message that says why it stopped. */
  output(): string;
}

export class ChildGroup {
  readonly #children = new Set<ChildProcess>();
  readonly #killAll = () => this.killNow();

  constructor() {
    process.once('exit', this.#killAll);
  }

  /**
   * Runs a TypeScript file of this repository with `node --import tsx`: the same as `npx tsx`,
   * without the extra wrapper process, so that `pid` is the server itself (for /proc/PID/status).
   */
  /** `node [nodeFlags] --import tsx FILE ARGS`, from the repository's root. */
  spawnTs(file: string, args: readonly string[], nodeFlags: readonly string[] = []): Child {
    const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', file, ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.#children.add(child);
    const tail: string[] = [];
    for (const stream of [child.stdout, child.stderr]) {
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        tail.push(chunk);
        if (tail.length > 20) tail.shift();
      });
    }
    const exited = new Promise<number | string>((resolve) => {
      child.once('exit', (code, signal) => {
        this.#children.delete(child);
        resolve(code ?? signal ?? 'unknown');
      });
      child.once('error', (error) => {
        this.#children.delete(child);
        resolve(error.message);
      });
    });
    return { process: child, exited, output: () => tail.join('').slice(-2000) };
  }

  /** SIGTERM, then SIGKILL after `graceMs` if it is still running. */
  async stop(child: Child, graceMs = 3000): Promise<void> {
    if (child.process.exitCode !== null || child.process.signalCode !== null) return;
    child.process.kill('SIGTERM');
    const timer = setTimeout(() => child.process.kill('SIGKILL'), graceMs);
    await child.exited;
    clearTimeout(timer);
  }

  /** Synchronous last resort (process exit, signals): every child still running gets SIGKILL. */
  killNow(): void {
    for (const child of this.#children) child.kill('SIGKILL');
    this.#children.clear();
  }

  dispose(): void {
    this.killNow();
    process.off('exit', this.#killAll);
  }
}

/**
 * A mock as a process of its own (`node --import tsx mock/cli.ts`), for tests of several
 * processes serving one state: started with the given flags on a free port, its URL read from
 * the banner. No npx wrapper, so a SIGKILL reaches the server itself.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface MockProcess {
  url: string;
  child: ChildProcess;
  output(): string;
  /** SIGTERM, and waits for the exit. */
  stop(): Promise<void>;
}

/** Runs the CLI with `flags` and the environment's `MOCK_LOG=off`; resolves with its exit code and output. */
export function runCli(flags: string[], timeoutMs = 30_000): Promise<{ code: number | null; output: string }> {
  const child = spawnCli(flags);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the CLI did not exit within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

export async function startMockProcess(flags: string[], timeoutMs = 60_000): Promise<MockProcess> {
  const child = spawnCli(['--port', '0', ...flags]);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no banner within ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const read = () => {
      const match = /mock on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      resolve(match[1]);
    };
    child.stdout!.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the mock exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

function spawnCli(flags: string[]): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'mock/cli.ts', ...flags], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, MOCK_LOG: 'off' },
  });
}

/**
 * One process per state file: two mocks on one `--state-file` lost acknowledged writes (the second
 * rewrote the file, the first appended to the unlinked copy). The second start is refused, naming
 * the holder's pid; a lock left by a SIGKILLed mock does not block the next start.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { startMock } from '../server.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const directory = mkdtempSync(join(tmpdir(), 'state-lock-'));
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(directory, { recursive: true, force: true });
});

it('refuses a second mock in the same process on one state file, and frees the file on close', async () => {
  const stateFile = join(directory, 'same-process.jsonl');
  const first = await startMock({ count: 0, stateFile });
  await expect(startMock({ count: 0, stateFile })).rejects.toThrow(`in use by another mock (pid ${process.pid})`);
  await first.close();
  expect(existsSync(`${stateFile}.lock`)).toBe(false);
  const again = await startMock({ count: 0, stateFile });
  await again.close();
});

it('takes over a lock whose holder is dead', async () => {
  const stateFile = join(directory, 'stale.jsonl');
  const dead = spawnSync(process.execPath, ['-e', '']).pid!;
  writeFileSync(`${stateFile}.lock`, `${dead}\n`);
  const mock = await startMock({ count: 0, stateFile });
  await mock.close();
});

it('makes the second CLI exit 2 naming the file and the holder, and starts once the holder is killed -9', async () => {
  const stateFile = join(directory, 'cli.jsonl');
  const first = spawnCli(stateFile);
  await first.banner;
  const second = spawnCli(stateFile);
  const [code] = await second.exit;
  expect(code).toBe(2);
  expect(second.output()).toContain(`the state file ${stateFile} is in use by another mock (pid ${first.child.pid})`);
  first.child.kill('SIGKILL');
  await first.exit;
  const third = spawnCli(stateFile);
  await third.banner;
  third.child.kill('SIGTERM');
  await third.exit;
}, 60_000);

function spawnCli(stateFile: string) {
  const args = ['--import', 'tsx', 'mock/cli.ts', '--port', '0', '--count', '0', '--state-file', stateFile];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  const exit = new Promise<[number | null, string | null]>((resolve) => child.once('exit', (code, signal) => resolve([code, signal])));
  const banner = new Promise<void>((resolve, reject) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      if (/mock on http:/.test(output)) resolve();
    };
    child.stdout!.on('data', read);
    child.stderr!.on('data', read);
    void exit.then(([code]) => reject(new Error(`the CLI exited with ${code}:\n${output}`)));
  });
  banner.catch(() => undefined);
  return { child, exit, banner, output: () => output };
}

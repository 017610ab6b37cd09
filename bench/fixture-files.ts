/**
 * Fixture files for the scale measurements, written once per run into a temporary directory with
 * the command a user runs (`npm run fixtures`, here without npm's wrapper), and timed: that time
 * is the fixture generation speed of the report.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChildGroup } from './children.ts';

/** The seed of every bench data set: the same files, and so the same work, on every run. */
export const BENCH_SEED = 1;

export interface FixtureFile {
  /** Random customers asked for (the file also holds the scenario customers). */
  count: number;
  path: string;
  bytes: number;
  /** Wall time of the generator process, start to exit, in ms. */
  generationMs: number;
}

export async function generateFixtureFile(children: ChildGroup, dir: string, count: number, timeoutMs: number): Promise<FixtureFile> {
  const path = join(dir, `customers-${count}.json`);
  const started = performance.now();
  const child = children.spawnTs('scripts/fixtures.ts', ['--seed', String(BENCH_SEED), '--count', String(count), '--out', path]);
  const timer = setTimeout(() => void children.stop(child), timeoutMs);
  const code = await child.exited;
  clearTimeout(timer);
  const generationMs = performance.now() - started;
  if (code !== 0) throw new Error(`npm run fixtures for ${count} customers ended with ${code}:\n${child.output()}`);
  return { count, path, bytes: (await stat(path)).size, generationMs };
}

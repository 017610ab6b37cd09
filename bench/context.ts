/**
 * What every part of one bench run shares: its child processes, its load settings, its temporary
 * directory and its progress output.
 */
import type { ChildGroup } from './children.ts';
import type { LoadSettings } from './load.ts';
import type { Progress } from './progress.ts';

export interface BenchContext {
  children: ChildGroup;
  settings: LoadSettings;
  /** Store sizes of the scale measurements (random customers; the scenario customers come on top). */
  sizes: readonly number[];
  tempDir: string;
  progress: Progress;
}

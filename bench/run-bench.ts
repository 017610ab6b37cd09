/**
 * One bench run: the comparison of the servers, then the scale measurements, then the report.
 * Every child process is stopped and the temporary directory removed whatever happens.
 */
import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChildGroup } from './children.ts';
import { COMPARE_COUNT, compareServers } from './compare-servers.ts';
import { describeMachine, loadAverage } from './machine.ts';
import type { BenchOptions } from './options.ts';
import type { Progress } from './progress.ts';
import type { BenchReport } from './report.ts';
import { measureReplicas } from './replicas.ts';
import { measureSizes } from './scale.ts';

export async function runBench(options: BenchOptions, progress: Progress): Promise<BenchReport> {
  const started = performance.now();
  const machine = describeMachine();
  progress.step(`${machine.cpuModel}, ${machine.cores} cores, Node ${machine.node}; load average ${machine.loadAtStart.toFixed(2)}`);
  const children = new ChildGroup();
  const tempDir = await mkdtemp(join(tmpdir(), 'customer-api-bench-'));
  // Also on Ctrl-C, which exits without running `finally`: a million customers are 0.8 GB.
  const removeTemp = () => rmSync(tempDir, { recursive: true, force: true });
  process.once('exit', removeTemp);
  const context = { children, settings: options.settings, sizes: options.sizes, tempDir, progress };
  try {
    const { runs, clientIds } = await compareServers(context);
    const replicas = await measureReplicas(context, COMPARE_COUNT);
    const sizes = await measureSizes(context);
    return {
      machine,
      loadAtEnd: loadAverage(),
      quick: options.quick,
      settings: options.settings,
      compareCount: COMPARE_COUNT,
      runs,
      clientIds,
      replicas,
      sizes,
      totalSeconds: (performance.now() - started) / 1000,
    };
  } finally {
    children.dispose();
    process.off('exit', removeTemp);
    removeTemp();
  }
}


/**
 * `npm run bench [-- --quick] [-- --out FILE]`: benchmarks our mock against Prism and a bare
 * node:http server and writes the tables to docs/benchmarks.md (see bench/options.ts).
 */
import { parseBenchArgs, USAGE, type BenchOptions } from '../bench/options.ts';
import { stderrProgress } from '../bench/progress.ts';
import { writeReportFile } from '../bench/report-file.ts';
import { renderReport } from '../bench/report.ts';
import { runBench } from '../bench/run-bench.ts';

async function main(argv: string[]): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseBenchArgs(argv);
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (options.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const progress = stderrProgress();
  const stop = (signal: string) => {
    // The ChildGroup's exit hook kills every child process on the way out.
    progress.step(`${signal}: stopping`);
    process.exit(130);
  };
  process.once('SIGINT', stop).once('SIGTERM', stop);
  const report = await runBench(options, progress);
  const markdown = renderReport(report);
  if (options.out) {
    await writeReportFile(options.out, markdown);
    progress.step(`wrote ${options.out}`);
  }
  process.stdout.write(markdown);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
